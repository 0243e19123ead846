using Graph.Extraction.Reading;

namespace Graph.Ingest.Sources;

/// <summary>Documents from the file system: one file, or every document file under a folder.</summary>
public static class FileSource
{
    /// <summary>The extensions a folder walk reads; anything else (images, archives, data files) is skipped and reported.</summary>
    public static IReadOnlySet<string> DocumentExtensions { get; } =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf", ".docx" };

    /// <summary>
    /// The bytes of one file, its extension as the format hint. Throws <see cref="DocumentReadException"/> naming the
    /// path when it is missing, a folder, unreadable, or over <paramref name="maxBytes"/> (checked before reading).
    /// </summary>
    public static SourceDocument Load(string path, long maxBytes = ReadOptions.DefaultMaxBytes)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new DocumentReadException(path, Directory.Exists(path)
                    ? "is a folder; read it as a folder, or name a file."
                    : "does not exist; check the path.");
            }

            if (info.Length > maxBytes)
            {
                throw DocumentReader.TooLarge(path, info.Length, maxBytes);
            }

            var extension = info.Extension;
            return new SourceDocument(path, File.ReadAllBytes(path), extension.Length > 1 ? extension : null);
        }
        catch (UnauthorizedAccessException)
        {
            throw new DocumentReadException(path, "cannot be read: permission denied.");
        }
        catch (IOException e)
        {
            throw new DocumentReadException(path, $"cannot be read: {e.Message.TrimEnd('.')}.");
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new DocumentReadException(path, $"is not a valid file path ({e.Message.TrimEnd('.')}).");
        }
    }

    /// <summary>
    /// Every file under <paramref name="folder"/>, recursively, in ordinal order of their paths (so runs repeat):
    /// document files are loaded, hidden files and folders (a leading '.' or the hidden attribute) are left out
    /// silently, other files are reported as skipped, and a file or subfolder that cannot be read is reported as
    /// failed while the walk goes on. Symbolic links to folders are not followed, so a link cannot make it loop.
    /// </summary>
    public static IEnumerable<SourceResult> LoadFolder(string folder, long maxBytes = ReadOptions.DefaultMaxBytes)
    {
        if (!Directory.Exists(folder))
        {
            yield return SourceResult.Fail(new DocumentReadException(folder, File.Exists(folder) ? "is a file, not a folder." : "does not exist; check the path."));
            yield break;
        }

        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            string[] files, folders;
            DocumentReadException? unlisted = null;
            try
            {
                files = Directory.GetFiles(current);
                folders = Directory.GetDirectories(current);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                (files, folders) = ([], []);
                unlisted = new DocumentReadException(current, $"cannot be listed: {e.Message.TrimEnd('.')}.");
            }

            if (unlisted is not null)
            {
                yield return SourceResult.Fail(unlisted);
                continue;
            }

            Array.Sort(files, StringComparer.Ordinal);
            foreach (var file in files)
            {
                if (IsHidden(file))
                {
                    continue;
                }

                if (!DocumentExtensions.Contains(Path.GetExtension(file)))
                {
                    var extension = Path.GetExtension(file);
                    yield return SourceResult.Skip(file, $"{file}: skipped: '{(extension.Length > 0 ? extension : "no extension")}' is not a document type; a folder walk reads only {string.Join(", ", DocumentExtensions.Order(StringComparer.Ordinal))}.");
                    continue;
                }

                SourceResult result;
                try
                {
                    result = SourceResult.Loaded(Load(file, maxBytes));
                }
                catch (DocumentReadException e)
                {
                    result = SourceResult.Fail(e);
                }

                yield return result;
            }

            // Pushed in reverse so the walk visits subfolders in ordinal order, after the folder's own files.
            Array.Sort(folders, StringComparer.Ordinal);
            for (var i = folders.Length - 1; i >= 0; i--)
            {
                if (!IsHidden(folders[i]) && !IsLink(folders[i]))
                {
                    pending.Push(folders[i]);
                }
            }
        }
    }

    private static bool IsHidden(string path)
    {
        if (Path.GetFileName(path).StartsWith('.'))
        {
            return true;
        }

        try
        {
            return File.GetAttributes(path).HasFlag(FileAttributes.Hidden);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsLink(string path)
    {
        try
        {
            return new DirectoryInfo(path).LinkTarget is not null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
