package mlspark.linalg;

import java.util.logging.Level;
import java.util.logging.Logger;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;

/**
 * The BLAS and LAPACK this process uses: netlib's (dev.ludovic.netlib, as Spark MLlib), native
 * OpenBLAS where the system has it, else the Vector API implementation, else plain Java.
 */
public final class Blas {
    /** netlib's java.util.logging parent logger, held here: the logging framework keeps loggers weakly. */
    private static final Logger NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib");

    private Blas() {
    }

    /**
     * Shows or hides netlib's warnings about the implementations it could not load ("Failed to load
     * implementation from: ...JNIBLAS" where the native library is missing). They take effect only
     * when called before the first BLAS or LAPACK use in this JVM.
     */
    public static void showLoaderWarnings(boolean show) {
        NETLIB_LOG.setLevel(show ? null : Level.SEVERE);
    }

    /** Whether both BLAS and LAPACK run on a native library (libblas.so.3, liblapack.so.3). */
    public static boolean isNative() {
        return implementation().equals("native") && lapackImplementation().equals("native");
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
