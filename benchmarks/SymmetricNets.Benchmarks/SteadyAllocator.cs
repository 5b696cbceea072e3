using System.Runtime.InteropServices;

namespace SymmetricNets.Benchmarks;

/// <summary>
/// <c>--steady-malloc</c>: keeps glibc's allocator from handing freed memory back to the kernel between iterations.
/// </summary>
/// <remarks>
/// libtorch's CPU allocator is plain <c>malloc</c>/<c>free</c>, with no cache of its own. With glibc's defaults, a freed
/// block of a megabyte or more either goes back to the kernel at once (above the mmap threshold) or makes the top of
/// the heap exceed the trim threshold (twice the mmap threshold, which adapts to the largest block freed so far), and
/// the heap is trimmed. The next allocation of that size then faults its pages in again and the kernel zeroes them.
/// Whether that happens in a given iteration depends on the heap's layout at that moment: profiled with
/// <c>perf</c>, page zeroing (<c>clear_page_erms</c>) took from 0.5 to 8 ms of a 2-D MLP GAN iteration of 30-46 ms
/// in different runs of the same code (docs/benchmarks.md). Raising both thresholds and padding the heap top
/// makes the allocator keep and reuse that memory, as the CUDA caching allocator does on a GPU. Both sides of every
/// comparison run under the same setting; the default (no flag) measures glibc as users get it.
/// </remarks>
internal static class SteadyAllocator
{
    private const int M_TRIM_THRESHOLD = -1, M_TOP_PAD = -2, M_MMAP_THRESHOLD = -3;

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int Mallopt(int param, int value);

    /// <summary>Applies the setting (Linux with glibc only) and returns a line saying what was set.</summary>
    public static string Apply()
    {
        if (!OperatingSystem.IsLinux()) return "--steady-malloc: not Linux, nothing changed";
        try
        {
            // 32 MiB is glibc's largest mmap threshold on 64-bit; blocks below it come from the heap, which is never trimmed.
            bool ok = Mallopt(M_MMAP_THRESHOLD, 32 << 20) == 1 & Mallopt(M_TRIM_THRESHOLD, 1 << 30) == 1 & Mallopt(M_TOP_PAD, 64 << 20) == 1;
            return ok ? "--steady-malloc: glibc mmap threshold 32 MiB, trim threshold 1 GiB, top pad 64 MiB"
                      : "--steady-malloc: mallopt refused a setting; the allocator may still return memory to the kernel";
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return $"--steady-malloc: no glibc mallopt ({e.GetType().Name}), nothing changed";
        }
    }
}
