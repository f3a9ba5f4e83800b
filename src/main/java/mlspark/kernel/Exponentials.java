package mlspark.kernel;

/**
 * exp over a range of an array, the elementwise step of the RBF kernel's {@link Kernel#block}: by the
 * Vector API's {@code EXP} lane operation (jdk.incubator.vector; on x86 the JDK's SVML routines,
 * measured 4 ns a value against 15-18 ns for {@link Math#exp}) where the JVM has the module
 * ({@code --add-modules jdk.incubator.vector}), else by {@link Math#exp}. Both are within 1e-12
 * relative of {@link Math#exp} (KernelTest).
 */
public final class Exponentials {
    private static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private Exponentials() {
    }

    /** values[t] = exp(values[t]) for t in [from, to). */
    public static void exp(double[] values, int from, int to) {
        // VectorExponentials is loaded only when this branch runs, so a JVM without the module never links it
        if (VECTOR_API) {
            VectorExponentials.exp(values, from, to);
        } else {
            scalarExp(values, from, to);
        }
    }

    /** The fallback: {@link Math#exp} value by value. */
    static void scalarExp(double[] values, int from, int to) {
        for (int t = from; t < to; t++) {
            values[t] = Math.exp(values[t]);
        }
    }

    /** "vector-api (4 lanes)" or "Math.exp (no jdk.incubator.vector)", for logs and benchmarks. */
    public static String implementation() {
        return VECTOR_API ? "vector-api (" + VectorExponentials.lanes() + " lanes)" : "Math.exp (no jdk.incubator.vector)";
    }
}
