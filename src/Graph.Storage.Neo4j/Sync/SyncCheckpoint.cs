using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Graph.Core.Model;
using Graph.Core.Store;

namespace Graph.Storage.Neo4j.Sync;

/// <summary>
/// What a sync has committed so far, in a side file, so that a sync stopped by a failure resumes where it stopped:
/// per stage (actors, documents, relationships) the number of items whose batches Neo4j committed, valid only for the
/// same source graph (a fingerprint of its content) and the same target (URI and database). Saved after every
/// committed batch (written to a temp file, then moved over, so a crash leaves the old or the new one); deleted when
/// the sync completes. A checkpoint that does not match is ignored: the sync starts over, which is always correct
/// because every write replaces by id.
/// </summary>
public sealed class SyncCheckpoint
{
    private readonly string _path;
    private readonly string _fingerprint;
    private readonly Dictionary<string, int> _done;

    private SyncCheckpoint(string path, string fingerprint, Dictionary<string, int> done)
    {
        _path = path;
        _fingerprint = fingerprint;
        _done = done;
    }

    /// <summary>Where the checkpoint lives.</summary>
    public string Path => _path;

    /// <summary>Items already committed by an earlier, interrupted run, over all stages.</summary>
    public int Resumed { get; private set; }

    /// <summary>The checkpoint at <paramref name="path"/> for this source and target: resumed when it matches, else fresh.</summary>
    public static SyncCheckpoint Open(string path, GraphSnapshot source, string target)
    {
        var fingerprint = Fingerprint(source, target);
        var done = new Dictionary<string, int>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            try
            {
                using var json = JsonDocument.Parse(File.ReadAllBytes(path));
                if (json.RootElement.GetProperty("fingerprint").GetString() == fingerprint)
                {
                    foreach (var stage in json.RootElement.GetProperty("stages").EnumerateObject())
                    {
                        done[stage.Name] = stage.Value.GetInt32();
                    }
                }
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                // An unreadable checkpoint is no checkpoint: starting over is correct, only slower.
            }
        }

        return new SyncCheckpoint(path, fingerprint, done) { Resumed = done.Values.Sum() };
    }

    /// <summary>Items of the stage committed before.</summary>
    public int Done(string stage) => _done.GetValueOrDefault(stage);

    /// <summary>Records that the stage's first <paramref name="count"/> items are committed.</summary>
    public void Commit(string stage, int count)
    {
        _done[stage] = count;
        var temp = _path + ".tmp";
        using (var stream = File.Create(temp))
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("fingerprint", _fingerprint);
            json.WriteStartObject("stages");
            foreach (var (name, done) in _done)
            {
                json.WriteNumber(name, done);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        File.Move(temp, _path, overwrite: true);
    }

    /// <summary>The sync completed: nothing to resume.</summary>
    public void Complete()
    {
        File.Delete(_path);
        _done.Clear();
    }

    /// <summary>SHA-256 over the target and every item's content, in the order the sync writes them.</summary>
    private static string Fingerprint(GraphSnapshot source, string target)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\u001f"));
        Add(target);
        foreach (var a in source.Actors)
        {
            Add($"{a.Id}|{a.Kind}|{a.Name}|{string.Join('\u001e', a.Aliases)}|{string.Join('\u001e', a.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value))}|{a.Description}");
        }

        foreach (var d in source.Documents)
        {
            Add($"{d.Id}|{d.Title}|{d.Publisher}|{d.Url}|{d.Published}|{d.Text}");
        }

        foreach (var r in source.Relationships)
        {
            Add($"{r.Id}|{string.Join('\u001e', r.Attributes.ToText().Select(p => p.Key + "=" + p.Value))}");
            foreach (var e in r.Evidence)
            {
                Add(string.Create(CultureInfo.InvariantCulture, $"{e.DocumentId}|{e.Start}|{e.End}|{e.Quote}|{e.AttributedTo}|{e.Stance}|{e.Confidence:R}|{e.Extractor}|{string.Join('\u001e', (e.Attributes ?? EdgeAttributes.None).ToText().Select(p => p.Key + "=" + p.Value))}"));
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
