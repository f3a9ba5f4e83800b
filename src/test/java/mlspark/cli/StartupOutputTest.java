package mlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mlspark.testing.CliProcess;

/**
 * A job's start-up output where native BLAS/LAPACK cannot load (forced through netlib's
 * {@code dev.ludovic.netlib.*.nativeLib} properties, so the test does not depend on the machine):
 * the {@code [spark]} line names the implementations and one line says how to get the native one;
 * netlib's own warnings appear only with {@code --verbose}.
 */
class StartupOutputTest {
    private static final List<String> JAVA_BLAS = List.of("-Xmx512m",
            "-Ddev.ludovic.netlib.blas.nativeLib=mlspark-absent-libblas.so",
            "-Ddev.ludovic.netlib.lapack.nativeLib=mlspark-absent-liblapack.so");

    @TempDir
    Path dir;

    @Test
    void javaBlasStartsWithTheImplementationsAndAHintButNoNetlibWarnings() throws Exception {
        String output = run("quiet");
        List<String> spark = output.lines().filter(l -> l.startsWith("[spark] ")).toList();
        assertTrue(spark.size() == 2 && spark.get(0).contains(", BLAS ") && spark.get(0).contains(", LAPACK ")
                && !spark.get(0).contains("native"), output);
        assertTrue(spark.get(1).contains("apt-get install libopenblas0-pthread"), output);
        assertTrue(output.lines().noneMatch(l -> l.contains("Failed to load")), output);
    }

    @Test
    void verboseShowsNetlibsWarnings() throws Exception {
        String output = run("verbose", "--verbose");
        assertTrue(output.contains("WARNING: Failed to load implementation from:dev.ludovic.netlib.blas.JNIBLAS"), output);
    }

    /** The kernels job on a few points in a JVM of its own; stdout and stderr together. */
    private String run(String name, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("kernels", "--out", dir.resolve(name).toString(), "--points", "6"));
        args.addAll(List.of(extra));
        Process p = new ProcessBuilder(CliProcess.command(JAVA_BLAS, args)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out");
        assertEquals(0, p.exitValue(), output);
        return output;
    }
}
