package mlspark.linalg;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;

/**
 * The BLAS and LAPACK this process uses: netlib's (dev.ludovic.netlib, as Spark MLlib), native
 * OpenBLAS where the system has it, else the Vector API implementation, else plain Java.
 */
public final class Blas {
    private Blas() {
    }

    public static BLAS blas() {
        return BLAS.getInstance();
    }

    public static LAPACK lapack() {
        return LAPACK.getInstance();
    }

    /** "native", "vector-api" or "java", from the class netlib loaded. */
    public static String implementation() {
        return kind(blas().getClass().getSimpleName());
    }

    public static String lapackImplementation() {
        return kind(lapack().getClass().getSimpleName());
    }

    /** A line for start-up logs and provenance: which BLAS loaded, and its class. */
    public static String describe() {
        return "BLAS " + implementation() + " (" + blas().getClass().getName() + "), LAPACK "
                + lapackImplementation() + " (" + lapack().getClass().getName() + ")";
    }

    private static String kind(String simpleName) {
        if (simpleName.startsWith("JNI")) {
            return "native";
        }
        if (simpleName.startsWith("Vector")) {
            return "vector-api";
        }
        return "java";
    }
}
