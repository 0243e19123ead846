// Writes batches of relationships to an embedded store, one transaction per batch, and prints "committed N" after
// each commit. The crash test kills this process mid-write and then checks the file.
// Usage: Graph.Storage.CrashWriter <db-path> <batches> <edges-per-batch>
using System.Globalization;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Storage.Embedded;

if (args.Length != 3 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var batches) || !int.TryParse(args[2], CultureInfo.InvariantCulture, out var perBatch))
{
    Console.Error.WriteLine("Usage: Graph.Storage.CrashWriter <db-path> <batches> <edges-per-batch>");
    return 2;
}

const int Actors = 200;
var sentence = "Claim number 00000 is stated here. ";
var document = new Document(DocumentId.Parse("doc:crash"), "Crash test", null, null, null, string.Concat(Enumerable.Repeat(sentence, 10)));
var states = Enumerable.Range(0, Actors).Select(i => new Actor(ActorId.Parse($"state:s{i:D3}"), NodeKind.State, $"S{i}")).ToList();

await using var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = args[0] });
await store.UpsertActorsAsync(states);
await store.UpsertDocumentsAsync([document]);
Console.WriteLine("ready");

for (var batch = 0; batch < batches; batch++)
{
    var edges = new List<Relationship>(perBatch);
    for (var i = 0; i < perBatch; i++)
    {
        var from = states[i % Actors].Id;
        var to = states[(i / Actors + i + 1) % Actors].Id;
        var evidence = Enumerable.Range(0, 1 + (i % 3))
            .Select(k => new Evidence(document.Id, sentence.TrimEnd(), k * sentence.Length, (k * sentence.Length) + sentence.Length - 1, null, Stance.Asserts, 1.0, "crash-writer"))
            .ToList();
        edges.Add(new Relationship(RelationshipType.Supports, from, to, EdgeAttributes.None, evidence, $"b{batch}-{i / Actors}"));
    }

    await store.UpsertRelationshipsAsync(edges);
    Console.WriteLine($"committed {batch}");
}

Console.WriteLine("done");
return 0;
