package mlspark.cli.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.ml.classification.ClassificationModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import mlspark.cli.Main;
import mlspark.cli.output.Json;
import mlspark.ml.KernelSvmClassifier;
import mlspark.ml.PrimalSvmClassifier;
import mlspark.testing.ProjectData;
import mlspark.testing.SharedSpark;

/**
 * Sparse LIBSVM rows of 2^22 features through the jobs in this JVM (6 GiB), where their dense copies (32 MiB a
 * row: 12.5 GiB for the 400 test rows, 62.5 GiB for the 2,000 training rows) would not fit: predict on a local
 * file, dual-svm on libsvm: sources; and dual-svm --all's progress lines.
 */
class SparseRowsJobsTest extends SharedSpark {
    @TempDir
    static Path dir;
    static Path train;
    static Path test;

    @BeforeAll
    static void files() throws IOException {
        train = dir.resolve("train.libsvm");
        test = dir.resolve("test.libsvm");
        SparseDualJobTest.write(train, 2000, 1);
        SparseDualJobTest.write(test, 400, 2);
    }

    private SparkSession spark() {
        return SparkSession.builder().config(sc.getConf()).getOrCreate();
    }

    /** A LIBSVM file as Spark's own reader gives it: sparse vectors of 2^22 features, labels -1/+1. */
    private Dataset<Row> libsvm(Path file) {
        return spark().read().format("libsvm").option("numFeatures", SparseDualJobTest.DIMENSION).load(file.toString());
    }

    private static void runOk(String... args) {
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(err, true), args), err.toString());
    }

    /**
     * predict with a saved kernel model and a saved linear model on the sparse test file: row by row the
     * predictions and raw predictions of the models' own transform on the rows as Spark's reader gives them.
     */
    @Test
    void predictKeepsALibsvmFilesRowsSparse() throws IOException {
        Dataset<Row> rows = libsvm(train);
        List<Row> testRows = libsvm(test).collectAsList();
        List<ClassificationModel<?, ?>> models = List.of(
                new KernelSvmClassifier().setSolver("smo").setGamma(0.02).setC(1).fit(rows),
                new PrimalSvmClassifier().setOptimizer("lbfgs").setMaxIter(30).setC(1).fit(rows));
        for (ClassificationModel<?, ?> model : models) {
            String kind = model.getClass().getSimpleName();
            Path saved = dir.resolve(kind);
            ((MLWritable) model).write().save(saved.toString());
            Path out = dir.resolve(kind + "-predictions");
            runOk("predict", "--out", out.toString(), "--model", saved.toString(), "--data", test.toString());
            List<Row> predicted = spark().read().parquet(out.resolve("predictions.parquet").toString()).orderBy("id")
                    .collectAsList();
            List<Row> expected = model.transform(libsvm(test)).select("label", "rawPrediction", "prediction").collectAsList();
            assertEquals(testRows.size(), predicted.size(), kind);
            int correct = 0;
            for (int i = 0; i < predicted.size(); i++) {
                Row got = predicted.get(i);
                Row want = expected.get(i);
                double label = want.getDouble(0) > 0 ? 1 : 0;
                assertEquals(label, got.getDouble(got.fieldIndex("label")), kind + " row " + i);
                assertEquals(want.getDouble(2), got.getDouble(got.fieldIndex("prediction")), kind + " row " + i);
                double h = ((Vector) want.get(1)).apply(1);
                assertEquals(h, ((Vector) got.get(got.fieldIndex("rawPrediction"))).apply(1), 1e-12 * Math.max(1, Math.abs(h)),
                        kind + " row " + i);
                correct += want.getDouble(2) == label ? 1 : 0;
            }
            JsonNode metrics = Json.read(out.resolve("metrics.json"));
            assertEquals((double) correct / predicted.size(), metrics.get("accuracy").asDouble(), 0, kind);
            assertEquals(SparseDualJobTest.DIMENSION, metrics.get("data").get("dimension").asInt(), kind);
            assertTrue(metrics.get("accuracy").asDouble() > 0.9, kind + ": " + metrics.get("accuracy"));
        }
    }

    /**
     * dual-svm on libsvm: sources gathers their rows sparse: the same model as from the same files read by the
     * driver (kept sparse by its LIBSVM reader), to the last digit.
     */
    @Test
    void dualSvmGathersASparseSourceSparse() throws IOException {
        List<String> model = List.of("--solver", "smo", "--gamma", "0.02", "--C", "1");
        Path fromSource = dir.resolve("dual-source");
        Path fromFile = dir.resolve("dual-file");
        runOk(concat(List.of("dual-svm", "--out", fromSource.toString(), "--data", "libsvm:" + train, "--test",
                "libsvm:" + test), model));
        runOk(concat(List.of("dual-svm", "--out", fromFile.toString(), "--data", train.toString(), "--test",
                test.toString()), model));
        JsonNode source = Json.read(fromSource.resolve("metrics.json"));
        JsonNode file = Json.read(fromFile.resolve("metrics.json"));
        assertTrue(source.get("test_accuracy").asDouble() > 0.9, source.toString());
        assertEquals(file.get("test_accuracy").asDouble(), source.get("test_accuracy").asDouble(), 0);
        double objective = file.get("dual_objective").asDouble();
        assertEquals(objective, source.get("dual_objective").asDouble(), 1e-12 * Math.abs(objective));
        assertEquals(file.get("n_support").asInt(), source.get("n_support").asInt());
    }

    private static String[] concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }

    /** dual-svm --all prints the solver's progress lines: the cascade's first layer of each of the assignment's 16 fits. */
    @Test
    void dualSvmAllPrintsTheSolversProgress() {
        Path dataDir = ProjectData.dataDirWith("hw3/generated_toy/toy_moons_train.csv");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            runOk("dual-svm", "--out", dir.resolve("all").toString(), "--data-dir", dataDir.toString(), "--all",
                    "--grid", "10", "--solver", "cascade", "--cascade-partitions", "2");
        } finally {
            System.setOut(stdout);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        long firstLayers = printed.lines().filter(l -> l.startsWith("[dual-svm] cascade pass 1 layer 1 (")).count();
        assertEquals(16, firstLayers, printed);
    }
}
