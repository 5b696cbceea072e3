namespace SymmetricNets.Tests.Support;

/// <summary>Seeded test data built on the host, and tolerance-aware comparisons.</summary>
internal static class TT
{
    /// <summary>Tolerances. float64: a few ulps of sums of at most ~10^3 terms of size O(10). float32: the
    /// unit roundoff is 6e-8; sums of up to 64*8 products of O(1) terms reorder differently after a permutation
    /// or a different kernel, giving errors of a few 1e-6 on O(1) outputs, so 1e-4 absolute / 1e-4 relative.</summary>
    public static (double atol, double rtol) Tol(ScalarType dt) => dt == ScalarType.Float64 ? (1e-10, 1e-10) : (1e-4, 1e-4);

    public static double[] Uniform(Random r, long n, double lo = -1, double hi = 1)
    {
        var a = new double[n];
        for (long i = 0; i < n; i++) a[i] = lo + (hi - lo) * r.NextDouble();
        return a;
    }

    public static Tensor Rand(Random r, long[] shape, ScalarType dt = ScalarType.Float64, double lo = -1, double hi = 1) =>
        torch.tensor(Uniform(r, shape.Aggregate(1L, (a, b) => a * b), lo, hi), dtype: ScalarType.Float64).reshape(shape).to_type(dt);

    public static long[] Permutation(Random r, int n)
    {
        var p = Enumerable.Range(0, n).Select(i => (long)i).ToArray();
        for (int i = n - 1; i > 0; i--) { int j = r.Next(i + 1); (p[i], p[j]) = (p[j], p[i]); }
        return p;
    }

    public static Tensor Permute(Tensor x, long[] perm, int dim) => x.index_select(dim, torch.tensor(perm, dtype: ScalarType.Int64));

    public static double[] Data(Tensor t) => t.detach().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();

    public static void Close(Tensor expected, Tensor actual, ScalarType dt, string what = "") { var (a, r) = Tol(dt); Close(expected, actual, a, r, what); }

    public static void Close(Tensor expected, Tensor actual, double atol, double rtol, string what = "")
    {
        Assert.Equal(expected.shape, actual.shape);
        var e = Data(expected); var a = Data(actual);
        for (int i = 0; i < e.Length; i++)
        {
            var tol = atol + rtol * Math.Abs(e[i]);
            if (!(Math.Abs(e[i] - a[i]) <= tol))
                Assert.Fail($"{what} element {i}: expected {e[i]:R}, got {a[i]:R} (|diff| {Math.Abs(e[i] - a[i]):E2} > tol {tol:E2})");
        }
    }

    public static void Finite(Tensor t, string what = "")
    {
        foreach (var v in Data(t)) Assert.True(double.IsFinite(v), $"{what}: non-finite value {v}");
    }

    public static Tensor Mask(bool[] present, long[] shape) => torch.tensor(present, dtype: ScalarType.Bool).reshape(shape);
}
