package mlspark.cli.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
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
 * A three-class set labelled 3, 1, 2 (its test set with two rows of a class 7 that training lacks), written as a
 * LIBSVM file read on the driver and as {@code libsvm:}, {@code csv:} and {@code parquet:} sources read by the
 * executors: {@code dual-svm} and {@code primal-svm} give the same classes, accuracy and models from each, the
 * dual's test accuracy LIBSVM's (its Java port), the unseen rows errors.
 */
class MultiClassSourcesJobTest extends SharedSpark {
    @TempDir
    static Path dir;

    static final Blobs TRAIN = Blobs.generate(new double[]{3, 1, 2}, new int[]{40, 30, 35}, 31);
    static final Blobs TEST = Blobs.generate(new double[]{3, 1, 2, 7}, new int[]{30, 30, 30, 2}, 32);
    static final List<String> FORMATS = List.of("libsvm", "csv", "parquet");

    @BeforeAll
    void writeTheSetInEachFormat() throws IOException {
        SparkSession spark = SparkSession.builder().config(sc.getConf()).getOrCreate();
        for (String split : List.of("train", "test")) {
            Blobs set = split.equals("train") ? TRAIN : TEST;
            StringBuilder libsvm = new StringBuilder();
            StringBuilder csv = new StringBuilder("x1,x2,y\n");
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < set.y().length; i++) {
                double[] x = set.x()[i];
                libsvm.append(String.format(Locale.ROOT, "%d 1:%s 2:%s%n", (long) set.y()[i], x[0], x[1]));
                csv.append(x[0]).append(',').append(x[1]).append(',').append((long) set.y()[i]).append('\n');
                rows.add(RowFactory.create(Vectors.dense(x), (int) set.y()[i]));
            }
            Files.writeString(dir.resolve(split + ".libsvm"), libsvm);
            Files.writeString(dir.resolve(split + ".csv"), csv);
            spark.createDataFrame(rows, new StructType().add("features", new org.apache.spark.ml.linalg.VectorUDT())
                    .add("label", DataTypes.IntegerType)).coalesce(1).write().parquet(dir.resolve(split + ".parquet").toString());
        }
    }

    /** The distinct labels as a JSON array, in order of first appearance. */
    private static String firstAppearance(double[] labels) {
        return java.util.Arrays.stream(labels).boxed().distinct().map(String::valueOf).toList().toString().replace(" ", "");
    }

    private JsonNode run(String job, String name, String train, String test, String... options) {
        Path out = dir.resolve(job + "-" + name);
        List<String> args = new ArrayList<>(List.of(job, "--out", out.toString(), "--data", train, "--test", test));
        args.addAll(List.of(options));
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(err, true), args.toArray(String[]::new)), err.toString());
        return Json.read(out.resolve("metrics.json"));
    }

    @Test
    void dualSvmTrainsTheSameOneVsOneFromEverySource() throws Exception {
        String[] model = {"--gamma", "0.5", "--solver", "smo", "--bias-rule", "libsvm", "--sv-threshold", "0", "--eps", "1e-5"};
        JsonNode file = run("dual-svm", "file", dir.resolve("train.libsvm").toString(), dir.resolve("test.libsvm").toString(),
                model);
        svm_model oracle = LibsvmMulticlass.train(TRAIN.x(), TRAIN.y(), 0.5, 1, new int[0], new double[0], 1e-5, 0L);
        int correct = 0;
        for (int i = 0; i < TEST.y().length; i++) {
            correct += svm.svm_predict(oracle, LibsvmMulticlass.nodes(TEST.x()[i])) == TEST.y()[i] ? 1 : 0;
        }
        assertEquals((double) correct / TEST.y().length, file.get("test_accuracy").asDouble(), 1e-12);
        assertEquals(3, file.get("classes").size());
        for (int k = 0; k < 3; k++) {
            assertEquals(oracle.label[k], file.get("classes").get(k).asDouble(), "LIBSVM's order of the classes");
        }
        for (String format : FORMATS) {
            JsonNode got = run("dual-svm", format, format + ":" + dir.resolve("train." + format),
                    format + ":" + dir.resolve("test." + format), model);
            assertEquals(file.get("classes"), got.get("classes"), format);
            assertEquals(file.get("test_accuracy").asDouble(), got.get("test_accuracy").asDouble(), 0, format);
            assertEquals(file.get("train_accuracy").asDouble(), got.get("train_accuracy").asDouble(), 0, format);
            assertEquals(file.get("n_support").asInt(), got.get("n_support").asInt(), format);
            assertEquals(3, got.get("pairs").size(), format);
            for (int p = 0; p < 3; p++) {
                JsonNode want = file.get("pairs").get(p);
                JsonNode pair = got.get("pairs").get(p);
                assertEquals(want.get("classes"), pair.get("classes"), format);
                assertEquals(want.get("rows").asInt(), pair.get("rows").asInt(), format);
                assertEquals(want.get("dual_objective").asDouble(), pair.get("dual_objective").asDouble(),
                        1e-12 * Math.abs(want.get("dual_objective").asDouble()), format + " pair " + p);
            }
        }
    }

    @Test
    void primalSvmTrainsTheSameOneVsRestFromEverySource() {
        String[] model = {"--epochs", "5,40", "--C", "1"};
        JsonNode file = run("primal-svm", "file", dir.resolve("train.libsvm").toString(), dir.resolve("test.libsvm").toString(),
                model);
        assertEquals(firstAppearance(TRAIN.y()), file.get("classes").toString(), "the training labels only, in order of first appearance");
        JsonNode last = file.get("runs").get(1);
        JsonNode confusion = last.get("test_confusion");
        assertEquals(4, confusion.size(), "three classes and a last row for the label no training row has");
        long unseen = 0;
        long total = 0;
        long diagonal = 0;
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < 3; j++) {
                total += confusion.get(k).get(j).asLong();
                unseen += k == 3 ? confusion.get(k).get(j).asLong() : 0;
                diagonal += k == j ? confusion.get(k).get(j).asLong() : 0;
            }
        }
        assertEquals(TEST.y().length, total);
        assertEquals(2, unseen, "the two rows of class 7");
        assertEquals((double) diagonal / total, last.get("test_accuracy").asDouble(), 1e-12);
        for (String format : FORMATS) {
            JsonNode got = run("primal-svm", format, format + ":" + dir.resolve("train." + format),
                    format + ":" + dir.resolve("test." + format), model);
            assertEquals(file.get("classes"), got.get("classes"), format);
            for (int r = 0; r < 2; r++) {
                JsonNode want = file.get("runs").get(r);
                JsonNode run = got.get("runs").get(r);
                assertEquals(want.get("test_confusion"), run.get("test_confusion"), format);
                assertEquals(want.get("test_accuracy").asDouble(), run.get("test_accuracy").asDouble(), 0, format);
                assertEquals(want.get("objective").asDouble(), run.get("objective").asDouble(),
                        1e-9 * Math.abs(want.get("objective").asDouble()), format);
                for (int k = 0; k < 3; k++) {
                    assertEquals(want.get("intercepts").get(k).asDouble(), run.get("intercepts").get(k).asDouble(), 1e-9,
                            format);
                }
            }
        }
    }
}
