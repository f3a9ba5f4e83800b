package mlspark.cli.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import mlspark.cli.output.Json;
import mlspark.testing.CliProcess;

/**
 * dual-svm on a sparse LIBSVM file of 2^22 features: 5,000 rows (160,000 MiB as dense doubles) train and predict
 * in a JVM of 1 GiB, the rows sparse throughout.
 */
class SparseDualJobTest {
    static final int DIMENSION = 1 << 22;

    @TempDir
    Path tmp;

    /**
     * n rows of 30 non-zeros: 10 of them among 20 features of the row's class (features 1..20 for +1, 21..40 for
     * -1), the others anywhere in the 2^22; seeded.
     */
    static void write(Path file, int n, long seed) throws IOException {
        Random random = new Random(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < n; i++) {
                boolean positive = random.nextBoolean();
                TreeMap<Integer, Double> row = new TreeMap<>();
                while (row.size() < 10) {
                    row.put((positive ? 1 : 21) + random.nextInt(20), 1 + 0.3 * random.nextGaussian());
                }
                while (row.size() < 30) {
                    row.put(41 + random.nextInt(DIMENSION - 40), random.nextGaussian());
                }
                StringBuilder line = new StringBuilder(positive ? "+1" : "-1");
                row.forEach((k, v) -> line.append(' ').append(k).append(':').append((float) (double) v));
                out.write(line.append('\n').toString());
            }
        }
    }

    @Test
    void aSparseSetOfFourMillionFeaturesTrainsAndPredictsInASmallHeap() throws Exception {
        Path train = tmp.resolve("train.libsvm");
        Path test = tmp.resolve("test.libsvm");
        write(train, 5000, 1);
        write(test, 1000, 2);
        Path out = tmp.resolve("out");
        Path model = tmp.resolve("model");
        List<String> command = CliProcess.command(List.of("-Xmx1g"), List.of("dual-svm", "--out", out.toString(),
                "--data", train.toString(), "--test", test.toString(), "--solver", "smo", "--gamma", "0.02", "--C", "1",
                "--save-model", model.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile())
                .start();
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "timed out");
        String log = Files.readString(tmp.resolve("log.txt"));
        assertEquals(0, p.exitValue(), log);
        JsonNode metrics = Json.read(out.resolve("metrics.json"));
        assertTrue(metrics.get("test_accuracy").asDouble() > 0.95, log);
        assertTrue(Files.isDirectory(model.resolve("sparseSupportVectors")), log);
    }
}
