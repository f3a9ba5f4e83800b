package mlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import mlspark.cli.output.Json;
import mlspark.testing.SharedSpark;

/** primal-svm on a CSV set of three label values that are no class indices. */
class PrimalSvmMultiClassJobTest extends SharedSpark {
    @TempDir
    Path dir;

    /** Rows x1,x2,label of three blobs labelled 7, -3, 5 (in that order of appearance). */
    private static Path csv(Path file, int n, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centers = {{0, 4}, {4, -2}, {-4, -2}};
        double[] labels = {7, -3, 5};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i % 3;
            lines.add((centers[k][0] + random.nextGaussian()) + "," + (centers[k][1] + random.nextGaussian()) + ","
                    + labels[k]);
        }
        return Files.write(file, lines);
    }

    @Test
    void reportsTheClassesAndKRuns() throws IOException {
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(err, true), "primal-svm", "--out", out.toString(), "--data",
                csv(dir.resolve("train.csv"), 120, 1).toString(), "--test", csv(dir.resolve("test.csv"), 60, 2).toString(),
                "--epochs", "5,40", "--C", "1");
        assertEquals(0, code, err.toString());
        JsonNode m = Json.read(out.resolve("metrics.json"));
        assertEquals("[7.0,-3.0,5.0]", m.get("classes").toString());
        assertEquals(2, m.get("runs").size());
        JsonNode last = m.get("runs").get(1);
        assertEquals(3, last.get("weights").size());
        assertEquals(3, last.get("intercepts").size());
        assertTrue(last.get("w") == null && last.get("b") == null);
        long total = 0;
        long diagonal = 0;
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 3; j++) {
                total += last.get("test_confusion").get(k).get(j).asLong();
            }
            diagonal += last.get("test_confusion").get(k).get(k).asLong();
        }
        assertEquals(60, total);
        assertEquals((double) diagonal / total, last.get("test_accuracy").asDouble(), 1e-12);
        assertTrue(last.get("test_accuracy").asDouble() > 0.9);
    }
}
