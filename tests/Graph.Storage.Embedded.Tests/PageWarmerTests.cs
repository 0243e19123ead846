using Graph.Storage.Embedded.Index;

namespace Graph.Storage.Tests.Embedded;

/// <summary>Warming an array maps its pages in, so the writes that follow take no page faults.</summary>
public sealed class PageWarmerTests
{
    private const int Pages = 16_384; // 64 MiB of 4 KiB pages

    [Fact]
    public void Writes_to_a_warmed_array_take_almost_no_page_faults_where_a_fresh_array_takes_one_per_page()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("Warming uses Linux's madvise(MADV_POPULATE_WRITE); elsewhere it does nothing.");
        }

        var control = GC.AllocateUninitializedArray<long>(Pages * 512);
        var controlFaults = FaultsWriting(control);
        if (controlFaults < Pages / 2)
        {
            Assert.Skip($"The runtime handed out memory already mapped ({controlFaults} faults writing {Pages} fresh pages), so there is nothing for warming to save here.");
        }

        var warmed = GC.AllocateUninitializedArray<long>(Pages * 512);
        PageWarmer.Warm(warmed);
        var warmedFaults = FaultsWriting(warmed);
        Assert.True(warmedFaults < Pages / 20, $"Writing {Pages} warmed pages took {warmedFaults} page faults (a fresh array: {controlFaults}).");
        GC.KeepAlive(control);
    }

    /// <summary>Minor page faults of this process while one value a page of the array is written.</summary>
    private static long FaultsWriting(long[] array)
    {
        var before = MinorFaults();
        for (var i = 0; i < array.Length; i += 512)
        {
            array[i] = i;
        }

        return MinorFaults() - before;
    }

    private static long MinorFaults()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[7], System.Globalization.CultureInfo.InvariantCulture); // minflt, the 10th field of stat(5)
    }
}
