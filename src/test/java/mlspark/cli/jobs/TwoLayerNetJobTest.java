package mlspark.cli.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import mlspark.cli.Main;
import mlspark.mnist.Digits;
import mlspark.mnist.Mnist;
import mlspark.testing.ProjectData;
import mlspark.testing.SharedSpark;

/** The two-layer-net job run in-process on a slice of real MNIST written as IDX files, and its exit codes. */
class TwoLayerNetJobTest extends SharedSpark {
    @TempDir
    static Path dir;
    static Path slice;

    static void writeIdx(Path folder, String images, String labels, Digits d) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve(images), ByteBuffer.allocate(16 + d.pixels().length).putInt(2051).putInt(d.count())
                .putInt(28).putInt(28).put(d.pixels()).array());
        ByteBuffer l = ByteBuffer.allocate(8 + d.count()).putInt(2049).putInt(d.count());
        for (int y : d.labels()) {
            l.put((byte) y);
        }
        Files.write(folder.resolve(labels), l.array());
    }

    @BeforeAll
    static void writeSlice() throws IOException {
        Mnist.DataSet data = Mnist.load(ProjectData.dataDirWith("mnist/" + Mnist.TRAIN_IMAGES + ".gz").resolve("mnist"), false);
        slice = dir.resolve("slice");
        writeIdx(slice, Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS, data.train().range(0, 3000));
        writeIdx(slice, Mnist.TEST_IMAGES, Mnist.TEST_LABELS, data.test().range(0, 1000));
    }

    private static int run(String... args) {
        return Main.run(args);
    }

    @Test
    @SuppressWarnings("unchecked")
    void trainsOnASliceAndWritesMetricsAndPlot() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, run("two-layer-net", "--out", out.toString(), "--mnist", slice.toString(),
                "--no-verify-checksums", "--validation", "500", "--epochs", "2", "--hidden", "50", "--normalize", "unit",
                "--init", "he", "--update", "adam", "--precision", "float32"));
        Map<String, Object> m = new ObjectMapper().readValue(out.resolve("metrics.json").toFile(), Map.class);
        double test = ((Number) m.get("test_accuracy")).doubleValue();
        assertTrue(test > 0.7, "test accuracy " + test);
        Map<String, Object> history = (Map<String, Object>) m.get("history");
        assertEquals(2 * 25, ((List<?>) history.get("loss")).size());
        assertEquals(3, ((List<?>) history.get("val_acc")).size());
        assertEquals(3, ((List<?>) history.get("train_acc")).size());
        double best = ((List<Number>) history.get("val_acc")).stream().mapToDouble(Number::doubleValue).max().orElseThrow();
        assertEquals(best, ((Number) m.get("best_val_accuracy")).doubleValue(), 0);
        assertEquals(100, ((Map<String, Object>) m.get("configuration")).get("batch_size"));
        assertTrue(Files.size(out.resolve("two_layer_net.png")) > 10_000);
    }

    /**
     * The slice as libsvm: text (training rows, zero pixels left out) and parquet: sparse vectors
     * (test rows), read and cut into blocks by the executors, trains the same net as --mnist: the
     * same rows in the same order give the same losses and accuracies.
     */
    @Test
    @SuppressWarnings("unchecked")
    void sparseSourcesTrainAsTheMnistFiles() throws IOException {
        Mnist.DataSet data = Mnist.load(slice, false);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < data.train().count(); i++) {
            text.append(data.train().labels()[i]);
            for (int j = 0; j < data.train().dimension(); j++) {
                if (data.train().pixel(i, j) != 0) {
                    text.append(' ').append(j + 1).append(':').append((int) data.train().pixel(i, j));
                }
            }
            text.append('\n');
        }
        Files.writeString(dir.resolve("train.libsvm"), text);
        List<org.apache.spark.sql.Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < data.test().count(); i++) {
            double[] x = new double[data.test().dimension()];
            for (int j = 0; j < x.length; j++) {
                x[j] = data.test().pixel(i, j);
            }
            rows.add(org.apache.spark.sql.RowFactory.create(org.apache.spark.ml.linalg.Vectors.dense(x).toSparse(),
                    (double) data.test().labels()[i]));
        }
        org.apache.spark.sql.SparkSession.builder().config(sc.getConf()).getOrCreate()
                .createDataFrame(sc.parallelize(rows, 3), mlspark.distributed.SampleBlocks.SCHEMA).write()
                .parquet(dir.resolve("test.parquet").toString());
        List<String> common = List.of("--validation", "500", "--epochs", "2", "--hidden", "30", "--normalize", "unit",
                "--init", "he", "--update", "adam", "--no-verify-checksums");
        Path fromFiles = dir.resolve("from-mnist");
        List<String> args = new java.util.ArrayList<>(List.of("two-layer-net", "--out", fromFiles.toString(), "--mnist",
                slice.toString()));
        args.addAll(common);
        assertEquals(0, run(args.toArray(String[]::new)));
        Path fromSources = dir.resolve("from-sources");
        args = new java.util.ArrayList<>(List.of("two-layer-net", "--out", fromSources.toString(), "--data",
                "libsvm:" + dir.resolve("train.libsvm"), "--test", "parquet:" + dir.resolve("test.parquet")));
        args.addAll(common);
        assertEquals(0, run(args.toArray(String[]::new)));
        Map<String, Object> want = new ObjectMapper().readValue(fromFiles.resolve("metrics.json").toFile(), Map.class);
        Map<String, Object> got = new ObjectMapper().readValue(fromSources.resolve("metrics.json").toFile(), Map.class);
        for (String field : List.of("test_accuracy", "best_val_accuracy", "history", "data")) {
            assertEquals(want.get(field), got.get(field), field);
        }
        Map<String, Object> provenance = (Map<String, Object>) ((Map<String, Object>) got.get("provenance")).get("sources");
        assertEquals(784, ((Map<String, Object>) provenance.get("train")).get("num_features"));
    }

    @Test
    void badOptionsAreUsageErrors() {
        String out = dir.resolve("never").toString();
        assertEquals(64, run("two-layer-net", "--out", out, "--mnist", slice.toString(), "--learning-rate", "0"));
        assertEquals(64, run("two-layer-net", "--out", out, "--mnist", slice.toString(), "--batch-size", "0"));
        assertEquals(64, run("two-layer-net", "--out", out, "--mnist", slice.toString(), "--update", "rmsprop"));
        assertEquals(64, run("two-layer-net", "--out", out, "--mnist", slice.toString(), "--no-verify-checksums",
                "--validation", "3000"));
        assertEquals(66, run("two-layer-net", "--out", out, "--mnist", dir.resolve("absent").toString()));
        assertTrue(Files.notExists(Path.of(out)));
    }

    @Test
    void badFilesGiveTheirExitCodes() throws IOException {
        String out = dir.resolve("never").toString();
        // the slice's files bear the canonical names but not the canonical contents
        assertEquals(68, run("two-layer-net", "--out", out, "--mnist", slice.toString()));

        Path corrupt = dir.resolve("corrupt");
        Files.createDirectories(corrupt);
        for (String f : new String[]{Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS, Mnist.TEST_IMAGES, Mnist.TEST_LABELS}) {
            Files.copy(slice.resolve(f), corrupt.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        byte[] images = Files.readAllBytes(slice.resolve(Mnist.TEST_IMAGES));
        Files.write(corrupt.resolve(Mnist.TEST_IMAGES), Arrays.copyOf(images, images.length - 100));
        assertEquals(65, run("two-layer-net", "--out", out, "--mnist", corrupt.toString(), "--no-verify-checksums"));

        Files.copy(slice.resolve(Mnist.TEST_IMAGES), corrupt.resolve(Mnist.TEST_IMAGES), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        byte[] labels = Files.readAllBytes(slice.resolve(Mnist.TEST_LABELS));
        labels[20] = 10;
        Files.write(corrupt.resolve(Mnist.TEST_LABELS), labels);
        assertEquals(67, run("two-layer-net", "--out", out, "--mnist", corrupt.toString(), "--no-verify-checksums"));
    }

    /** The softmax loss is stable, so only an overflow of the scores makes it NaN: float32 weights of 1e30 do. */
    @Test
    void divergenceStopsWithItsOwnExitCode() {
        String out = dir.resolve("diverged").toString();
        assertEquals(70, run("two-layer-net", "--out", out, "--mnist", slice.toString(), "--no-verify-checksums",
                "--validation", "500", "--precision", "float32", "--init", "gaussian", "--weight-scale", "1e30"));
        assertTrue(Files.notExists(Path.of(out)));
    }
}
