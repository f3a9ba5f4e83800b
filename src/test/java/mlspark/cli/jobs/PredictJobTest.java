package mlspark.cli.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import mlspark.cli.Main;
import mlspark.data.BinaryDataSets;
import mlspark.data.LabeledData;
import mlspark.data.TrainTest;
import mlspark.cli.output.Json;
import mlspark.mnist.Digits;
import mlspark.mnist.Mnist;
import mlspark.optim.StepSchedule;
import mlspark.svm.ClassCosts;
import mlspark.svm.primal.SequentialPrimalSvm;
import mlspark.testing.ProjectData;
import mlspark.testing.SharedSpark;

/** The predict job on models the training jobs saved with --save-model (in-process, joining the shared Spark context). */
class PredictJobTest extends SharedSpark {
    @TempDir
    static Path dir;
    static Path dataDir;
    static Path slice;

    private String stderr;

    @BeforeAll
    static void data() throws IOException {
        dataDir = ProjectData.dataDirWith("hw3/soft_margin_svm_data.npy");
        Mnist.DataSet mnist = Mnist.load(ProjectData.dataDirWith("mnist/" + Mnist.TRAIN_IMAGES + ".gz").resolve("mnist"), false);
        slice = dir.resolve("slice");
        TwoLayerNetJobTest.writeIdx(slice, Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS, mnist.train().range(0, 3000));
        TwoLayerNetJobTest.writeIdx(slice, Mnist.TEST_IMAGES, Mnist.TEST_LABELS, mnist.test().range(0, 500));
    }

    private int run(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(err, true), args);
        stderr = err.toString();
        return code;
    }

    private void runOk(String... args) {
        assertEquals(0, run(args), stderr);
    }

    /**
     * The model saved by primal-svm (the largest reported epoch count, 100) predicts the assignment's
     * test set as the training job reported, and row by row as w, b of the sequential reference loop.
     */
    @Test
    void primalSvmModelReproducesTheJobsTestAccuracy() throws IOException {
        Path trained = dir.resolve("primal");
        Path model = dir.resolve("primal-model");
        runOk("primal-svm", "--out", trained.toString(), "--data-dir", dataDir.toString(), "--epochs", "10,100",
                "--save-model", model.toString());
        JsonNode reported = Json.read(trained.resolve("metrics.json")).get("runs").get(1);
        assertEquals(100, reported.get("epochs").asInt());

        Path out = dir.resolve("primal-predictions");
        runOk("predict", "--out", out.toString(), "--data-dir", dataDir.toString(), "--model", model.toString(),
                "--data", "hw3", "--kind", "primal-svm");
        JsonNode metrics = Json.read(out.resolve("metrics.json"));
        assertEquals(reported.get("test_accuracy").asDouble(), metrics.get("accuracy").asDouble(), 0);
        assertEquals(reported.get("test_confusion"), metrics.get("confusion"));
        assertEquals("primal-svm", metrics.get("model").get("kind").asText());
        assertEquals(4, metrics.get("model").get("num_features").asInt());

        // the independent computation: the plain sequential loop's w, b after 100 epochs
        TrainTest data = BinaryDataSets.load("hw3", null, dataDir, m -> { });
        LabeledData train = data.train();
        double[] wb = SequentialPrimalSvm.train(Arrays.stream(train.x()).flatMapToDouble(Arrays::stream).toArray(),
                train.y(), 4, ClassCosts.symmetric(5), StepSchedule.constant(1e-3), 100);
        LabeledData test = data.test();
        List<Row> rows = SparkSession.builder().sparkContext(sc.sc()).getOrCreate().read()
                .parquet(out.resolve("predictions.parquet").toString()).orderBy("id").collectAsList();
        assertEquals(test.size(), rows.size());
        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            double h = wb[4];
            for (int j = 0; j < 4; j++) {
                h += wb[j] * test.x()[i][j];
            }
            Row r = rows.get(i);
            assertEquals(i, r.getLong(r.fieldIndex("id")));
            assertEquals(test.y()[i] > 0 ? 1.0 : 0.0, r.getDouble(r.fieldIndex("label")));
            assertEquals(h > 0 ? 1.0 : 0.0, r.getDouble(r.fieldIndex("prediction")), "row " + i);
            assertEquals(h, ((Vector) r.get(r.fieldIndex("rawPrediction"))).apply(1), 1e-9 * Math.max(1, Math.abs(h)));
            correct += (h > 0) == (test.y()[i] > 0) ? 1 : 0;
        }
        assertEquals((double) correct / test.size(), metrics.get("accuracy").asDouble(), 0);
        assertEquals(23.0 / 24, metrics.get("accuracy").asDouble(), 0, "the published figure");

        Path csv = dir.resolve("primal-csv");
        runOk("predict", "--out", csv.toString(), "--data-dir", dataDir.toString(), "--model", model.toString(),
                "--data", "hw3", "--format", "csv");
        Path part;
        try (var files = Files.list(csv.resolve("predictions.csv"))) {
            part = files.filter(f -> f.getFileName().toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(part);
        assertEquals("id,label,rawPrediction_0,rawPrediction_1,prediction", lines.get(0));
        assertEquals(1 + test.size(), lines.size());
    }

    /** dual-svm's model (rbf on moons, interior point) predicts the test split as the job reported. */
    @Test
    void dualSvmModelReproducesTheJobsTestAccuracy() throws IOException {
        Path toy = ProjectData.dataDirWith("hw3/generated_toy/toy_moons_train.csv");
        Path trained = dir.resolve("dual");
        Path model = dir.resolve("dual-model");
        runOk("dual-svm", "--out", trained.toString(), "--data-dir", toy.toString(), "--grid", "10",
                "--save-model", model.toString());
        Path out = dir.resolve("dual-predictions");
        runOk("predict", "--out", out.toString(), "--data-dir", toy.toString(), "--model", model.toString(),
                "--data", "moons");
        JsonNode metrics = Json.read(out.resolve("metrics.json"));
        assertEquals(Json.read(trained.resolve("metrics.json")).get("test_accuracy").asDouble(),
                metrics.get("accuracy").asDouble(), 0);
        assertEquals("dual-svm", metrics.get("model").get("kind").asText());
        assertEquals(40, metrics.get("data").get("n").asInt());
    }

    /** two-layer-net's best-validation net, with its input scaling, predicts the test images as the job reported. */
    @Test
    void twoLayerNetModelReproducesTheJobsTestAccuracy() throws IOException {
        Path trained = dir.resolve("net");
        Path model = dir.resolve("net-model");
        runOk("two-layer-net", "--out", trained.toString(), "--mnist", slice.toString(), "--no-verify-checksums",
                "--validation", "500", "--epochs", "2", "--hidden", "50", "--normalize", "standard", "--init", "he",
                "--update", "adam", "--precision", "float32", "--save-model", model.toString());
        Path out = dir.resolve("net-predictions");
        runOk("predict", "--out", out.toString(), "--model", model.toString(), "--data", slice.toString(),
                "--no-verify-checksums");
        JsonNode metrics = Json.read(out.resolve("metrics.json"));
        double reported = Json.read(trained.resolve("metrics.json")).get("test_accuracy").asDouble();
        assertTrue(reported > 0.7, "the net learned something: " + reported);
        assertEquals(reported, metrics.get("accuracy").asDouble(), 0);
        assertEquals(10, metrics.get("confusion_matrix").size());
        long total = 0;
        for (JsonNode row : metrics.get("confusion_matrix")) {
            for (JsonNode count : row) {
                total += count.asLong();
            }
        }
        assertEquals(500, total);
        Row first = SparkSession.builder().sparkContext(sc.sc()).getOrCreate().read()
                .parquet(out.resolve("predictions.parquet").toString()).orderBy("id").first();
        Vector p = (Vector) first.get(first.fieldIndex("probability"));
        assertEquals(1, Arrays.stream(p.toArray()).sum(), 1e-9);

        // the same test images as LIBSVM text (sparse: the zero pixels left out), read by the executors
        Digits images = Mnist.load(slice, false).test();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < images.count(); i++) {
            text.append(images.labels()[i]);
            for (int j = 0; j < images.dimension(); j++) {
                if (images.pixel(i, j) != 0) {
                    text.append(' ').append(j + 1).append(':').append((int) images.pixel(i, j));
                }
            }
            text.append('\n');
        }
        Files.writeString(dir.resolve("digits.libsvm"), text);
        Path sparse = dir.resolve("net-predictions-libsvm");
        runOk("predict", "--out", sparse.toString(), "--model", model.toString(), "--data",
                "libsvm:" + dir.resolve("digits.libsvm"));
        JsonNode fromText = Json.read(sparse.resolve("metrics.json"));
        assertEquals(reported, fromText.get("accuracy").asDouble(), 0);
        assertEquals(metrics.get("confusion_matrix"), fromText.get("confusion_matrix"));
        assertEquals(784, fromText.get("provenance").get("sources").get("data").get("num_features").asInt());
    }

    /**
     * primal-svm's model applied to the assignment's test split given as libsvm:, csv: and parquet:
     * (read by the executors) predicts row by row as on the named set; a set whose dimension differs
     * from the model's is exit 65 naming both (or 64 for --num-features), with no output.
     */
    @Test
    void sourcesReadByTheExecutorsPredictAsTheNamedSet() throws IOException {
        Path model = dir.resolve("source-model");
        runOk("primal-svm", "--out", dir.resolve("source-trained").toString(), "--data-dir", dataDir.toString(),
                "--epochs", "100", "--save-model", model.toString());
        Path named = dir.resolve("source-named");
        runOk("predict", "--out", named.toString(), "--data-dir", dataDir.toString(), "--model", model.toString(),
                "--data", "hw3");
        SparkSession spark = SparkSession.builder().sparkContext(sc.sc()).getOrCreate();
        List<Row> want = spark.read().parquet(named.resolve("predictions.parquet").toString()).orderBy("id").collectAsList();

        LabeledData test = BinaryDataSets.load("hw3", null, dataDir, m -> { }).test();
        StringBuilder libsvm = new StringBuilder();
        StringBuilder csv = new StringBuilder("a,b,c,d,y\n");
        StringBuilder wide = new StringBuilder("a,b,c,y\n");
        for (int i = 0; i < test.size(); i++) {
            libsvm.append(test.y()[i] > 0 ? "+1" : "-1");
            for (int j = 0; j < 4; j++) {
                libsvm.append(' ').append(j + 1).append(':').append(test.x()[i][j]);
                csv.append(test.x()[i][j]).append(',');
                wide.append(j < 3 ? test.x()[i][j] + "," : "");
            }
            libsvm.append('\n');
            csv.append(test.y()[i] > 0 ? 1 : 0).append('\n');
            wide.append(test.y()[i] > 0 ? 1 : 0).append('\n');
        }
        Files.writeString(dir.resolve("hw3-test.libsvm"), libsvm);
        Files.writeString(dir.resolve("hw3-test.csv"), csv);
        Files.writeString(dir.resolve("hw3-3.csv"), wide);
        spark.read().format("libsvm").load(dir.resolve("hw3-test.libsvm").toString()).coalesce(2).write()
                .parquet(dir.resolve("hw3-test.parquet").toString());
        for (String source : List.of("libsvm:" + dir.resolve("hw3-test.libsvm"), "csv:" + dir.resolve("hw3-test.csv"),
                "parquet:" + dir.resolve("hw3-test.parquet"))) {
            Path out = dir.resolve("source-" + source.substring(0, source.indexOf(':')));
            runOk("predict", "--out", out.toString(), "--model", model.toString(), "--data", source);
            List<Row> got = spark.read().parquet(out.resolve("predictions.parquet").toString()).orderBy("id").collectAsList();
            assertEquals(want.size(), got.size(), source);
            for (int i = 0; i < want.size(); i++) {
                for (String column : List.of("id", "label", "rawPrediction", "prediction")) {
                    assertEquals(want.get(i).get(want.get(i).fieldIndex(column)), got.get(i).get(got.get(i).fieldIndex(column)),
                            source + " row " + i + " " + column);
                }
            }
            JsonNode metrics = Json.read(out.resolve("metrics.json"));
            assertEquals(23.0 / 24, metrics.get("accuracy").asDouble(), 0, source);
            JsonNode provenance = metrics.get("provenance").get("sources").get("data");
            assertEquals(source, provenance.get("source").asText());
            assertEquals(4, provenance.get("num_features").asInt());
        }

        Files.writeString(dir.resolve("hw3-5.libsvm"), "+1 1:0.5 5:1.0\n");
        String[][] bad = {
                {"csv:" + dir.resolve("hw3-3.csv"), "65", "3 features, the model " + model + " takes 4"},
                {"libsvm:" + dir.resolve("hw3-5.libsvm"), "65", "index 5 exceeds the dimension 4 (the model " + model + " takes 4)"},
                {"libsvm:" + dir.resolve("hw3-test.libsvm") + " --num-features 5", "64", "--num-features: 5 features, but the model "
                        + model + " takes 4"},
                {"parquet:" + dir.resolve("no-such.parquet"), "66", "no such file or directory"},
        };
        for (String[] c : bad) {
            Path out = dir.resolve("source-bad");
            String[] data = c[0].split(" ");
            List<String> args = new java.util.ArrayList<>(List.of("predict", "--out", out.toString(), "--model", model.toString(),
                    "--data", data[0]));
            args.addAll(Arrays.asList(data).subList(1, data.length));
            assertEquals(Integer.parseInt(c[1]), run(args.toArray(String[]::new)), stderr);
            assertTrue(stderr.contains(c[2]), stderr);
            assertEquals(1, stderr.strip().lines().filter(l -> l.startsWith("error")).count(), stderr);
            assertTrue(Files.notExists(out), "no output for " + c[0]);
        }
    }
}
