using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Graph.Storage.Embedded.Bulk;

/// <summary>
/// Starts the kernel writing a file's dirty pages to disk, without waiting for them (Linux's
/// <c>sync_file_range(SYNC_FILE_RANGE_WRITE)</c>). A bulk load writes without fsync and flushes the file once at the
/// end; called after each batch, this has the disk take the rows while the load goes on, so the final flush has next to
/// nothing left (at 1M relationships: 174-234 ms -> 8 ms). Durability still rests on that final flush alone.
/// Elsewhere, or where the file system refuses it, it does nothing.
/// </summary>
internal static partial class WriteBack
{
    private const uint Write = 2; // SYNC_FILE_RANGE_WRITE

    /// <summary>Starts writing back every dirty page of the file; true when the kernel took the request.</summary>
    public static bool Start(SafeFileHandle file)
    {
        if (!OperatingSystem.IsLinux() || file.IsInvalid || file.IsClosed)
        {
            return false;
        }

        var added = false;
        try
        {
            file.DangerousAddRef(ref added);
            return SyncFileRange((int)file.DangerousGetHandle(), 0, 0, Write) == 0;
        }
        finally
        {
            if (added)
            {
                file.DangerousRelease();
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "sync_file_range")]
    private static partial int SyncFileRange(int descriptor, long offset, long bytes, uint flags);
}
