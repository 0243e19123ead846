using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Extraction.Extractors;

namespace Graph.Extraction.Tests;

/// <summary>Runs the extractor over invented sentences and finds proposals by type and names.</summary>
internal static class Support
{
    private static readonly RuleExtractor s_extractor = new([]);

    public static ExtractionResult Extract(string text, string? published = "2025-03-15", IReadOnlyCollection<Actor>? known = null)
    {
        var extractor = known is null ? s_extractor : new RuleExtractor(known);
        return extractor.Extract(new ExtractionInput(DocumentId.Parse("doc:test"), text, published is null ? null : PartialDate.Parse(published)));
    }

    public static Proposal? Find(this ExtractionResult result, RelationshipType type, string from, string to) =>
        result.Proposals.FirstOrDefault(p => p.Type == type && p.From.Id.Value == from && p.To.Id.Value == to)
        ?? (GraphOntology.RuleFor(type).Symmetric ? result.Proposals.FirstOrDefault(p => p.Type == type && p.From.Id.Value == to && p.To.Id.Value == from) : null);

    public static Proposal Single(this ExtractionResult result, RelationshipType type, string from, string to) =>
        result.Find(type, from, to) ?? throw new Xunit.Sdk.XunitException(
            $"No {type} {from} -> {to}. Proposals:\n" + string.Join("\n", result.Proposals.Select(p => $"  {p.Type} {p.From.Id} -> {p.To.Id} [{p.Rule}]")));

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "data", "devset")) && File.Exists(Path.Combine(dir.FullName, "Graph.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }
}
