using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Graph.Storage.Embedded.Index;

/// <summary>
/// Maps in the pages of newly allocated arrays ahead of their first writes, on a thread of its own: a bulk load sizes the
/// index's arrays once (hundreds of megabytes at a million relationships), and then took a page fault on the first
/// write to each 4 KiB of them, on the thread that stages and applies batches. On our 2-core VMs a fault costs 10-14 µs;
/// asking Linux to map the pages (<c>MADV_POPULATE_WRITE</c>) costs about 1 µs a page. It changes no byte, so it may run
/// while the arrays are being written. Elsewhere, or on a kernel before 5.14, it does nothing.
/// </summary>
internal static partial class PageWarmer
{
    private const int PopulateWrite = 23; // MADV_POPULATE_WRITE
    private const long PageSize = 4096;

    /// <summary>Maps the array's pages in (call it off the thread that will write the array).</summary>
    public static unsafe void Warm<T>(T[] array)
    {
        var bytes = (long)array.Length * Unsafe.SizeOf<T>();
        if (!OperatingSystem.IsLinux() || bytes < 16 * PageSize)
        {
            return;
        }

        // Pinned only while the call runs; if the array moved later, only the warming would be lost.
        fixed (byte* start = &Unsafe.As<T, byte>(ref MemoryMarshal.GetArrayDataReference(array)))
        {
            var from = ((long)start + PageSize - 1) & ~(PageSize - 1);
            var to = ((long)start + bytes) & ~(PageSize - 1);
            if (to > from)
            {
                _ = Advise((nint)from, (nuint)(to - from), PopulateWrite); // refused (an old kernel): the first writes fault the pages in, as without it
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Advise(nint address, nuint length, int advice);
}
