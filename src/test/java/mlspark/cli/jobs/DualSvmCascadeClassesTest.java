package mlspark.cli.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import libsvm.svm;
import libsvm.svm_model;
import mlspark.cli.Main;
import mlspark.cli.output.Json;
import mlspark.svm.multiclass.Blobs;
import mlspark.svm.multiclass.LibsvmMulticlass;
import mlspark.testing.SharedSpark;

/**
 * {@code dual-svm --solver cascade} on a LIBSVM file of three classes: one-vs-one with LIBSVM's (its Java port's)
 * test accuracy and support vectors, {@code classes} in LIBSVM's order and the figures of each class pair in
 * metrics.json; with --probability, a one-line error naming the option.
 */
class DualSvmCascadeClassesTest extends SharedSpark {
    @TempDir
    Path tmp;

    private static void writeLibsvm(Path file, double[][] x, double[] y) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            text.append(String.format(Locale.ROOT, "%d 1:%.17g 2:%.17g%n", (long) y[i], x[i][0], x[i][1]));
        }
        Files.writeString(file, text);
    }

    @Test
    void cascadeOnAThreeClassFileWritesClassesAndPairs() throws IOException {
        double[] labels = {3, 1, 2};
        int[] counts = {40, 30, 35};
        Blobs train = Blobs.generate(labels, counts, 41);
        Blobs test = Blobs.generate(labels, new int[]{30, 30, 30}, 42);
        Path trainFile = tmp.resolve("three.train");
        Path testFile = tmp.resolve("three.test");
        writeLibsvm(trainFile, train.x(), train.y());
        writeLibsvm(testFile, test.x(), test.y());
        Path out = tmp.resolve("cascade");
        assertEquals(0, Main.run("dual-svm", "--out", out.toString(), "--data", trainFile.toString(), "--test",
                testFile.toString(), "--gamma", "0.5", "--solver", "cascade", "--cascade-partitions", "3",
                "--bias-rule", "libsvm", "--sv-threshold", "0", "--eps", "1e-6"));
        JsonNode m = Json.read(out.resolve("metrics.json"));

        svm_model oracle = LibsvmMulticlass.train(train.x(), train.y(), 0.5, 1, new int[0], new double[0], 1e-6, null);
        int correct = 0;
        for (int i = 0; i < test.y().length; i++) {
            correct += svm.svm_predict(oracle, LibsvmMulticlass.nodes(test.x()[i])) == test.y()[i] ? 1 : 0;
        }
        assertEquals("cascade", m.get("solver").asText());
        assertEquals(3, m.get("classes").size());
        for (int k = 0; k < 3; k++) {
            assertEquals(oracle.label[k], m.get("classes").get(k).asDouble(), "classes in order of first appearance");
        }
        assertEquals((double) correct / test.y().length, m.get("test_accuracy").asDouble(), 1e-12);
        assertEquals(oracle.l, m.get("n_support").asInt());

        JsonNode pairs = m.get("pairs");
        assertEquals(3, pairs.size());
        int iterations = 0;
        int p = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++, p++) {
                JsonNode pair = pairs.get(p);
                assertEquals(List.of(labels[i], labels[j]), List.of(pair.get("classes").get(0).asDouble(),
                        pair.get("classes").get(1).asDouble()));
                assertEquals(counts[i] + counts[j], pair.get("rows").asInt());
                assertTrue(pair.get("n_support").asInt() > 0 && pair.get("dual_objective").asDouble() > 0
                        && pair.get("seconds").asDouble() > 0, pair.toString());
                iterations += pair.get("iterations").asInt();
            }
        }
        assertEquals(iterations, m.get("iterations").asInt());
        assertTrue(m.get("seconds").asDouble() > 0);

        Path refused = tmp.resolve("probability");
        assertEquals(64, Main.run("dual-svm", "--out", refused.toString(), "--data", trainFile.toString(), "--test",
                testFile.toString(), "--solver", "cascade", "--probability"));
    }
}
