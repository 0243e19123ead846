using System.Globalization;
using Graph.Core.Model;
using Graph.Core.Store;
using Graph.Storage.Neo4j.Store;

namespace Graph.Storage.Neo4j.Seed;

/// <summary>
/// Renders a graph as a Cypher script (<c>cypher/seed.cypher</c>) that builds the same nodes, edges and evidence the
/// Neo4j store writes, so a graph loaded with cypher-shell or Neo4j Browser reads back through the store unchanged.
/// Values are literals escaped by <see cref="CypherLiteral"/>; labels and types come from the ontology. Every statement
/// is a MERGE, so the script can run again without duplicating anything.
/// </summary>
public static class SeedCypherWriter
{
    /// <summary>The command that regenerates the checked-in seed script.</summary>
    public const string RegenerateCommand = "GRAPH_UPDATE_SEED=1 dotnet test --project tests/Graph.Storage.Neo4j.Tests -- --filter-class \"*CypherFilesTests\"";

    /// <summary>The seed script for a snapshot, from <paramref name="source"/> (named in the header).</summary>
    public static string Write(GraphSnapshot snapshot, string source)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(snapshot, text, $"// Generated from {source} by Graph.Storage.Neo4j.Seed.SeedCypherWriter: do not edit by hand.\n// Regenerate: {RegenerateCommand}\n");
        return text.ToString();
    }

    /// <summary>
    /// Streams the script to <paramref name="s"/> under <paramref name="header"/> (comment lines, each ending in a
    /// newline): an export of a large graph is written as it is rendered, never held whole in memory.
    /// </summary>
    public static void Write(GraphSnapshot snapshot, TextWriter s, string header)
    {
        ArgumentNullException.ThrowIfNull(s);
        s.Write(header);
        s.Write("// Load cypher/schema.cypher first. Every statement MERGEs, so running this twice changes nothing.\n");
        s.Write($"// {snapshot.Actors.Count} actors, {snapshot.Documents.Count} documents, {snapshot.Relationships.Count} relationships, {snapshot.Relationships.Sum(r => r.Evidence.Count)} evidence.\n");

        s.Write("\n// ---- actors ----\n");
        foreach (var actor in snapshot.Actors.OrderBy(a => a.Id))
        {
            s.Write($"MERGE (a:Actor {{id: {CypherLiteral.String(actor.Id.Value)}}}) SET a = {CypherLiteral.Map(GraphProperties.Actor(actor))}, a:{GraphProperties.Label(actor.Kind)};\n");
        }

        s.Write("\n// ---- documents, linked to their publishers ----\n");
        foreach (var document in snapshot.Documents.OrderBy(d => d.Id))
        {
            s.Write($"MERGE (d:Document {{id: {CypherLiteral.String(document.Id.Value)}}}) SET d = {CypherLiteral.Map(GraphProperties.Document(document))};\n");
            if (document.Publisher is { } publisher)
            {
                s.Write($"MATCH (p:Actor {{id: {CypherLiteral.String(publisher.Value)}}}) MATCH (d:Document {{id: {CypherLiteral.String(document.Id.Value)}}}) MERGE (p)-[:PUBLISHED]->(d);\n");
            }
        }

        s.Write("\n// ---- relationships: one typed edge per assertion, its evidence one step away ----\n");
        foreach (var edge in snapshot.Relationships.Select(r => r with { Key = r.Key.Canonical() }).OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var from = CypherLiteral.String(edge.From.Value);
            var to = CypherLiteral.String(edge.To.Value);
            s.Write($"MATCH (a:Actor {{id: {from}}}) MATCH (b:Actor {{id: {to}}}) MERGE (a)-[r:{GraphProperties.TypeName(edge.Type)} {{id: {CypherLiteral.String(edge.Id)}}}]->(b) SET r = {CypherLiteral.Map(GraphProperties.Edge(edge))};\n");
            for (var i = 0; i < edge.Evidence.Count; i++)
            {
                var evidence = edge.Evidence[i];
                var props = GraphProperties.Evidence(edge, evidence, i);
                s.Write($"MATCH (d:Document {{id: {CypherLiteral.String(evidence.DocumentId.Value)}}}) MATCH (a:Actor {{id: {from}}}) MATCH (b:Actor {{id: {to}}}) ");
                s.Write($"MERGE (e:Evidence {{id: {CypherLiteral.String((string)props["id"]!)}}}) SET e = {CypherLiteral.Map(props)} ");
                s.Write($"MERGE (e)-[:CITES {{start: {evidence.Start}, end: {evidence.End}}}]->(d) MERGE (e)-[:ABOUT {{end: 'source'}}]->(a) MERGE (e)-[:ABOUT {{end: 'target'}}]->(b)");
                if (evidence.AttributedTo is { } credited)
                {
                    s.Write($" WITH e MATCH (s:Actor {{id: {CypherLiteral.String(credited.Value)}}}) MERGE (e)-[:ATTRIBUTED_TO]->(s)");
                }

                s.Write(";\n");
            }
        }
    }
}
