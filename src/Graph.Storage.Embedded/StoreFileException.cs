namespace Graph.Storage.Embedded;

/// <summary>
/// The SQLite file cannot be used by this build: it belongs to another program, or it has another schema version.
/// The message names the file, what was found and what to do; the file is left untouched.
/// </summary>
public sealed class StoreFileException(string path, string message) : Exception(message)
{
    /// <summary>The file that was refused.</summary>
    public string Path { get; } = path;
}
