using Graph.Core.Model;

namespace Graph.Extraction.Extractors;

/// <summary>
/// Reads one document's text into proposals. Implementations are pure functions of their input (no store, no clock):
/// the rule extractor here, a language-model extractor later, each behind this interface.
/// </summary>
public interface IExtractor
{
    /// <summary>The extractor's name, written on every proposal with its version (<c>rules/1.0</c>).</summary>
    string Name { get; }

    /// <summary>Its version: a new version may propose differently.</summary>
    string Version { get; }

    /// <summary>Reads the document and proposes relationships, each with its verbatim quote.</summary>
    ExtractionResult Extract(ExtractionInput input, CancellationToken cancellationToken = default);
}

/// <summary>What an extractor reads: the document's text exactly as stored (offsets refer to it) and its date.</summary>
/// <param name="Document">The document's id, written on every proposal.</param>
/// <param name="Text">The text; every quote is a substring of it.</param>
/// <param name="Published">Publication date, for resolving "last year" or "on Monday"; null when unknown.</param>
public sealed record ExtractionInput(DocumentId Document, string Text, PartialDate? Published);

/// <summary>What an extractor found: the actors it saw (known to the graph or new) and its proposals.</summary>
/// <param name="Actors">Every actor a proposal names, once each.</param>
/// <param name="Proposals">The proposals, in document order.</param>
/// <param name="Dropped">Candidates dropped by a check (direction rule, quote not verbatim, ...), counted by reason.</param>
public sealed record ExtractionResult(
    IReadOnlyList<ProposedActor> Actors,
    IReadOnlyList<Proposal> Proposals,
    IReadOnlyDictionary<string, int> Dropped);
