using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Graph.Storage.Embedded.Storage;

/// <summary>
/// The few SQLite calls a write makes per value, straight into the SQLite library Microsoft.Data.Sqlite loads (the
/// same <c>e_sqlite3</c>, resolved the same way). Through SQLitePCL each call took and released the statement's safe
/// handle and bound text as a new UTF-8 array: a quarter of the writer thread's time in a bulk load.
/// </summary>
/// <remarks>
/// Binding is quick and never calls back into .NET, so it skips the GC transition; stepping can wait on the disk, so it
/// does not.
/// </remarks>
internal static unsafe partial class NativeSqlite
{
    private const string Library = "e_sqlite3";

    /// <summary>SQLITE_STATIC: the text stays where it is until the statement is stepped, so SQLite need not copy it.</summary>
    public static readonly IntPtr Static = IntPtr.Zero;

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_int64")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int BindInt64(IntPtr statement, int index, long value);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_double")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int BindDouble(IntPtr statement, int index, double value);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_null")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int BindNull(IntPtr statement, int index);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_text")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int BindText(IntPtr statement, int index, byte* text, int bytes, IntPtr destructor);

    [LibraryImport(Library, EntryPoint = "sqlite3_step")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Step(IntPtr statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_reset")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Reset(IntPtr statement);
}
