using System.Runtime.InteropServices;

namespace CustomerProcess.Infrastructure.Runtime;

/// <summary>
/// glibc's allocator settings for this long-running server (docs/adr/0010). SQLite, SkiaSharp, ICU and the
/// runtime itself allocate native memory with malloc. By default glibc gives threads that meet a locked
/// arena an arena of their own (up to 8 per core) and, after a large block is freed, raises the sizes at
/// which it maps blocks separately and gives the top of a heap back, so freed memory stayed resident:
/// measured on the benchmark machine, 14 MB of the peak resident set. Applied before the host starts,
/// on Linux with glibc only; a setting the operator gave in the environment (MALLOC_ARENA_MAX,
/// MALLOC_MMAP_THRESHOLD_, MALLOC_TRIM_THRESHOLD_, or glibc.malloc tunables) is left to glibc.
/// </summary>
public static partial class NativeHeap
{
    /// <summary>Arenas in all (glibc's default: 8 per core).</summary>
    public const int ArenaMax = 2;

    /// <summary>Blocks from this size are mapped on their own and unmapped when freed; free memory above
    /// this at the top of a heap is given back. Fixed, so glibc does not raise them after a large free.</summary>
    public const int Threshold = 128 * 1024;

    private const int TrimThreshold = -1;
    private const int MmapThreshold = -3;
    private const int ArenaMaxParameter = -8;

    /// <summary>Applies the settings; returns the ones glibc accepted, as "NAME=value".</summary>
    public static IReadOnlyList<string> Tune(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var applied = new List<string>();
        if (!OperatingSystem.IsLinux() || environment("GLIBC_TUNABLES")?.Contains("glibc.malloc", StringComparison.Ordinal) == true)
        {
            return applied;
        }

        try
        {
            Set("MALLOC_ARENA_MAX", ArenaMaxParameter, ArenaMax);
            Set("MALLOC_MMAP_THRESHOLD_", MmapThreshold, Threshold);
            Set("MALLOC_TRIM_THRESHOLD_", TrimThreshold, Threshold);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl's mallopt is a no-op, other C libraries may lack it): nothing to tune.
        }

        return applied;

        void Set(string variable, int parameter, int value)
        {
            // mallopt returns 1 on success, 0 on error.
            if (string.IsNullOrEmpty(environment(variable)) && Mallopt(parameter, value) == 1)
            {
                applied.Add($"{variable}={value}");
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int Mallopt(int parameter, int value);
}
