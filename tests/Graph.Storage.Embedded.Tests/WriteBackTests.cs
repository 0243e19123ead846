using Graph.Storage.Embedded.Bulk;

namespace Graph.Storage.Tests.Embedded;

/// <summary>The bulk loader's write-back call reaches the kernel and leaves the file's bytes as they were.</summary>
public sealed class WriteBackTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Starting_write_back_of_a_file_with_dirty_pages_is_accepted_and_changes_no_byte()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("Write-back uses Linux's sync_file_range; elsewhere the bulk load relies on its final flush alone.");
        }

        var path = _folder.File("dirty.bin");
        var bytes = new byte[8 << 20];
        new Random(3).NextBytes(bytes);
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0))
        {
            file.Write(bytes);
            Assert.True(WriteBack.Start(file.SafeFileHandle), "sync_file_range refused the request (a wrong binding answers EINVAL or EBADF).");
            file.Flush(flushToDisk: true);
        }

        Assert.Equal(bytes, File.ReadAllBytes(path));
    }
}
