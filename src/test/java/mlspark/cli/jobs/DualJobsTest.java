package mlspark.cli.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import mlspark.bench.LibsvmBaseline;
import mlspark.cli.Main;
import mlspark.data.BinaryDataSets;
import mlspark.data.TrainTest;
import mlspark.cli.output.Json;
import mlspark.kernel.Kernel;
import mlspark.kernel.RbfKernel;
import mlspark.svm.ClassCosts;
import mlspark.testing.DualTables;
import mlspark.testing.ProjectData;
import mlspark.testing.SharedSpark;
import mlspark.svm.multiclass.Blobs;
import mlspark.svm.multiclass.LibsvmMulticlass;

class DualJobsTest extends SharedSpark {
    @TempDir
    Path tmp;

    private static Path dataDir() {
        return ProjectData.dataDirWith("hw3/generated_toy/toy_moons_train.csv");
    }

    @Test
    void allWritesBothTablesAsTheirRecipesGiveThem() throws IOException {
        Path out = tmp.resolve("all");
        assertEquals(0, Main.run("dual-svm", "--out", out.toString(), "--data-dir", dataDir().toString(), "--all",
                "--grid", "12"));
        for (String setting : List.of("assignment", "sklearn")) {
            for (String file : List.of("table.md", "table.json", "decision_boundaries.png")) {
                assertTrue(Files.size(out.resolve(setting).resolve(file)) > 0, setting + "/" + file);
            }
            JsonNode table = Json.read(out.resolve(setting).resolve("table.json"));
            assertEquals(mlspark.data.DataSpec.TOY_SETS.size(), table.size());
            for (String name : mlspark.data.DataSpec.TOY_SETS) {
                TrainTest set = BinaryDataSets.load(name, null, dataDir(), m -> { });
                for (String kernelName : mlspark.ml.KernelSvmExperiments.TABLE_KERNELS) {
                    double got = table.get(name).get(kernelName).asDouble();
                    double expected = setting.equals("assignment")
                            ? DualTables.assignmentAccuracy(set, DualTables.kernel(kernelName, 0.2))
                            : DualTables.libsvmAccuracy(set, DualTables.kernel(kernelName, DualTables.scale(set.train().x())));
                    assertEquals(expected, got, 1e-12, setting + " " + name + " " + kernelName);
                }
            }
        }
        JsonNode metrics = Json.read(out.resolve("metrics.json"));
        assertEquals(32, metrics.get("runs").size());
    }

    @Test
    void singleRunWritesTheIssuesMetricsAndAPlot() {
        Path out = tmp.resolve("one");
        assertEquals(0, Main.run("dual-svm", "--out", out.toString(), "--data-dir", dataDir().toString(),
                "--data", "circles", "--kernel", "rbf", "--gamma", "scale", "--solver", "smo", "--bias-rule", "libsvm",
                "--eps", "1e-3", "--grid", "20"));
        JsonNode m = Json.read(out.resolve("metrics.json"));
        for (String field : List.of("test_accuracy", "train_accuracy", "n_support", "b", "dual_objective", "solver",
                "iterations", "seconds")) {
            assertTrue(m.has(field), field);
        }
        assertEquals("smo", m.get("solver").asText());
        TrainTest set = BinaryDataSets.load("circles", null, dataDir(), s -> { });
        Kernel k = new RbfKernel(DualTables.scale(set.train().x()));
        LibsvmBaseline.Result libsvm = LibsvmBaseline.train(set.train().x(), set.train().y(), k,
                ClassCosts.symmetric(1), 1e-3, 20);
        assertEquals(DualTables.libsvmAccuracy(set, k), m.get("test_accuracy").asDouble(), 1e-12);
        assertEquals(libsvm.model().l, m.get("n_support").asInt());
        assertEquals(libsvm.b(), m.get("b").asDouble(), 1e-4);
        assertEquals(libsvm.dualObjective(), m.get("dual_objective").asDouble(), 1e-5 * libsvm.dualObjective());
        assertTrue(Files.exists(out.resolve("decision_boundary.png")));
    }

    /**
     * The moons given as libsvm: text and as parquet: sparse vectors (read by the executors,
     * gathered and densified for the QP) train the same model as the named set: the same points in
     * the same order give the same objective, bias, support vectors and accuracy.
     */
    @Test
    void sparseSourcesTrainAsTheNamedSet() throws IOException {
        TrainTest moons = BinaryDataSets.load("moons", null, dataDir(), s -> { });
        Path named = tmp.resolve("named");
        assertEquals(0, Main.run("dual-svm", "--out", named.toString(), "--data-dir", dataDir().toString(),
                "--data", "moons", "--kernel", "rbf", "--solver", "smo", "--grid", "10"));
        JsonNode want = Json.read(named.resolve("metrics.json"));
        for (mlspark.data.LabeledData set : List.of(moons.train(), moons.test())) {
            StringBuilder text = new StringBuilder();
            List<org.apache.spark.sql.Row> rows = new java.util.ArrayList<>();
            for (int i = 0; i < set.size(); i++) {
                text.append(set.y()[i] > 0 ? "+1" : "-1");
                for (int j = 0; j < set.dimension(); j++) {
                    if (set.x()[i][j] != 0) {
                        text.append(' ').append(j + 1).append(':').append(set.x()[i][j]);
                    }
                }
                text.append('\n');
                rows.add(org.apache.spark.sql.RowFactory.create(
                        org.apache.spark.ml.linalg.Vectors.dense(set.x()[i]).toSparse(), set.y()[i] > 0 ? 1.0 : 0.0));
            }
            String name = set == moons.train() ? "train" : "test";
            Files.writeString(tmp.resolve(name + ".libsvm"), text);
            org.apache.spark.sql.SparkSession.builder().config(sc.getConf()).getOrCreate()
                    .createDataFrame(sc.parallelize(rows, 3), mlspark.distributed.SampleBlocks.SCHEMA).write()
                    .parquet(tmp.resolve(name + ".parquet").toString());
        }
        for (String format : List.of("libsvm", "parquet")) {
            Path out = tmp.resolve("from-" + format);
            assertEquals(0, Main.run("dual-svm", "--out", out.toString(), "--data", format + ":" + tmp.resolve("train." + format),
                    "--test", format + ":" + tmp.resolve("test." + format), "--kernel", "rbf", "--solver", "smo",
                    "--grid", "10"));
            JsonNode got = Json.read(out.resolve("metrics.json"));
            assertEquals(want.get("test_accuracy").asDouble(), got.get("test_accuracy").asDouble(), 0, format);
            assertEquals(want.get("n_support").asInt(), got.get("n_support").asInt(), format);
            assertEquals(want.get("b").asDouble(), got.get("b").asDouble(), 1e-12, format);
            assertEquals(want.get("dual_objective").asDouble(), got.get("dual_objective").asDouble(),
                    1e-12 * Math.abs(want.get("dual_objective").asDouble()), format);
            assertEquals(format + ":" + tmp.resolve("train." + format),
                    got.get("provenance").get("sources").get("train").get("source").asText());
        }
    }

    /** The cascade through the job, on generated moons: LIBSVM's objective on all the data, its accuracy, the layers reported. */
    @Test
    void cascadeRunReportsItsPassesAndLayersAndReachesLibsvmsOptimum() {
        Path out = tmp.resolve("cascade");
        assertEquals(0, Main.run("dual-svm", "--out", out.toString(), "--data", "moons:600:0.2:3", "--gamma", "1",
                "--solver", "cascade", "--cascade-partitions", "5", "--bias-rule", "libsvm", "--grid", "20"));
        JsonNode m = Json.read(out.resolve("metrics.json"));
        assertEquals("cascade", m.get("solver").asText());
        JsonNode cascade = m.get("cascade");
        assertEquals(5, cascade.get("partitions").asInt());
        int passes = cascade.get("passes").asInt();
        assertTrue(passes >= 1 && passes == cascade.get("pass_history").size(), cascade.toString());
        JsonNode first = cascade.get("layers").get(0);
        assertEquals(5, first.get("sizes").size());
        int total = 0;
        for (JsonNode size : first.get("sizes")) {
            total += size.asInt();
        }
        assertEquals(600, total, "the first layer holds every training point once");
        assertTrue(first.has("seconds") && first.has("support_vectors") && first.has("where"));

        TrainTest set = mlspark.data.TwoMoons.load((mlspark.data.DataSpec.Moons) mlspark.data.DataSpec.parse("moons:600:0.2:3"));
        Kernel k = new RbfKernel(1);
        LibsvmBaseline.Result libsvm = LibsvmBaseline.train(set.train().x(), set.train().y(), k,
                ClassCosts.symmetric(1), 1e-3, 20);
        assertEquals(libsvm.dualObjective(), m.get("dual_objective").asDouble(), 1e-3 * libsvm.dualObjective());
        assertEquals(mlspark.testing.DualTables.libsvmAccuracy(set, k), m.get("test_accuracy").asDouble(), 0.002);
        assertTrue(Files.exists(out.resolve("decision_boundary.png")));
    }

    private int run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = args[0];
        all[1] = "--out";
        all[2] = tmp.resolve("bad").toString();
        all[3] = "--data-dir=" + dataDir();
        System.arraycopy(args, 1, all, 4, args.length - 1);
        return Main.run(all);
    }

    @Test
    void badInputIsAFailureWithItsExitCode() throws IOException {
        assertEquals(64, run("dual-svm", "--kernel", "laplacian"));
        assertEquals(64, run("dual-svm", "--gamma", "-1"));
        assertEquals(64, run("dual-svm", "--kernel", "poly", "--degree", "-2"));
        assertEquals(64, run("dual-svm", "--C", "0"));
        assertEquals(64, run("dual-svm", "--C0", "-1"));
        assertEquals(64, run("dual-svm", "--solver", "cvxopt"));
        assertEquals(64, run("dual-svm", "--bias-rule", "mean"));
        assertEquals(64, run("dual-svm", "--all", "--kernel", "rbf"));
        assertEquals(64, run("kernels", "--points", "1"));

        Path oneClass = tmp.resolve("one_class.csv");
        Files.writeString(oneClass, "x1,x2,y\n0.1,0.2,1\n0.3,0.1,1\n-0.2,0.5,1\n");
        Path test = tmp.resolve("test.csv");
        Files.writeString(test, "x1,x2,y\n0.1,0.2,1\n0.3,0.1,0\n");
        assertEquals(67, run("dual-svm", "--data", oneClass.toString(), "--test", test.toString()));
        Path nan = tmp.resolve("nan.csv");
        Files.writeString(nan, "x1,x2,y\n0.1,nan,1\n0.3,0.1,0\n");
        assertEquals(67, run("dual-svm", "--data", nan.toString(), "--test", test.toString()));

        // an unconverged solve fails, and says how far it got
        assertEquals(69, run("dual-svm", "--max-iterations", "2"));
        assertEquals(69, run("dual-svm", "--solver", "smo", "--max-iterations", "3"));
        assertFalse(Files.exists(tmp.resolve("bad")), "a failed run leaves no output");
    }

    @Test
    void kernelsJobFindsTheNonKernels() {
        Path out = tmp.resolve("kernels");
        assertEquals(0, Main.run("kernels", "--out", out.toString(), "--points", "25", "--seed", "3"));
        JsonNode rows = Json.read(out.resolve("metrics.json")).get("constructions");
        int failures = 0;
        for (JsonNode row : rows) {
            String rule = row.get("construction").asText();
            if (row.get("expected").asText().equals("yes")) {
                assertTrue(row.get("psd").asBoolean(), rule);
            }
            if (rule.startsWith("-a k1") || rule.startsWith("sigmoid")) {
                assertFalse(row.get("psd").asBoolean(), rule);
                assertTrue(row.get("witness_quadratic_form").asDouble() < 0, rule);
                failures++;
            }
        }
        assertEquals(2, failures);
        JsonNode maps = Json.read(out.resolve("metrics.json")).get("feature_maps");
        assertTrue(maps.get(0).get("max_error").asDouble() < 1e-12, "quadratic map");
        for (int i = 2; i < maps.size(); i++) {
            assertTrue(maps.get(i).get("mean_error").asDouble() < maps.get(i - 1).get("mean_error").asDouble());
        }
        assertTrue(Files.exists(out.resolve("table.md")));
    }

    private static void writeLibsvm(Path file, double[][] x, double[] y) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            text.append(String.format(Locale.ROOT, "%s 1:%.17g 2:%.17g%n", y[i] == Math.rint(y[i]) ? Long.toString((long) y[i])
                    : Double.toString(y[i]), x[i][0], x[i][1]));
        }
        Files.writeString(file, text);
    }

    /**
     * A LIBSVM file of three classes labelled 3, 1, 2 (and a test row of class 7, unseen in training): one-vs-one
     * with LIBSVM's test accuracy and log loss (its Java port, -b 1 on the same folds), per-pair figures; the saved
     * model through predict.
     */
    @Test
    void multiClassFilesTrainOneVsOneAsLibsvm() throws Exception {
        Blobs train = Blobs.generate(new double[]{3, 1, 2}, new int[]{40, 30, 35}, 31);
        Blobs test = Blobs.generate(new double[]{3, 1, 2, 7}, new int[]{30, 30, 30, 2}, 32);
        Path trainFile = tmp.resolve("three.train");
        Path testFile = tmp.resolve("three.test");
        writeLibsvm(trainFile, train.x(), train.y());
        writeLibsvm(testFile, test.x(), test.y());
        Path out = tmp.resolve("three");
        Path model = tmp.resolve("three-model");
        assertEquals(0, Main.run("dual-svm", "--out", out.toString(), "--data", trainFile.toString(), "--test",
                testFile.toString(), "--gamma", "0.5", "--solver", "smo", "--bias-rule", "libsvm", "--sv-threshold", "0",
                "--eps", "1e-5", "--probability", "--save-model", model.toString()));
        JsonNode m = Json.read(out.resolve("metrics.json"));

        svm_model oracle = LibsvmMulticlass.train(train.x(), train.y(), 0.5, 1, new int[0], new double[0], 1e-5, 0L);
        double[] labels = new double[oracle.nr_class];
        for (int k = 0; k < labels.length; k++) {
            labels[k] = oracle.label[k];
        }
        int correct = 0;
        double logLoss = 0;
        for (int i = 0; i < test.y().length; i++) {
            if (svm.svm_predict(oracle, LibsvmMulticlass.nodes(test.x()[i])) == test.y()[i]) {
                correct++;
            }
            double[] p = LibsvmMulticlass.probabilities(oracle, test.x()[i]);
            double pTrue = 0;
            for (int k = 0; k < labels.length; k++) {
                pTrue += labels[k] == test.y()[i] ? p[k] : 0;
            }
            logLoss -= Math.log(Math.max(pTrue, 1e-15));
        }
        assertEquals(labels.length, m.get("classes").size());
        for (int k = 0; k < labels.length; k++) {
            assertEquals(labels[k], m.get("classes").get(k).asDouble(), "classes in order of first appearance");
        }
        assertEquals((double) correct / test.y().length, m.get("test_accuracy").asDouble(), 1e-12);
        assertEquals(logLoss / test.y().length, m.get("test_log_loss").asDouble(), 2e-2);
        assertEquals(oracle.l, m.get("n_support").asInt());
        assertEquals(3, m.get("pairs").size());
        for (JsonNode pair : m.get("pairs")) {
            for (String field : List.of("classes", "rows", "n_support", "iterations", "dual_objective", "seconds")) {
                assertTrue(pair.has(field), field);
            }
        }
        assertTrue(m.get("seconds").asDouble() > 0);

        // predict takes class indices: the test rows of the training classes, their labels as the model's indices
        int[] seen = java.util.stream.IntStream.range(0, test.y().length).filter(i -> test.y()[i] != 7).toArray();
        double[][] seenX = new double[seen.length][];
        double[] seenY = new double[seen.length];
        int seenCorrect = 0;
        for (int t = 0; t < seen.length; t++) {
            seenX[t] = test.x()[seen[t]];
            for (int k = 0; k < labels.length; k++) {
                seenY[t] = labels[k] == test.y()[seen[t]] ? k : seenY[t];
            }
            seenCorrect += svm.svm_predict(oracle, LibsvmMulticlass.nodes(seenX[t])) == test.y()[seen[t]] ? 1 : 0;
        }
        Path indexed = tmp.resolve("three-indexed.test");
        writeLibsvm(indexed, seenX, seenY);
        Path predicted = tmp.resolve("three-predicted");
        assertEquals(0, Main.run("predict", "--out", predicted.toString(), "--model", model.toString(), "--data",
                indexed.toString(), "--format", "csv"));
        JsonNode p = Json.read(predicted.resolve("metrics.json"));
        assertEquals((double) seenCorrect / seen.length, p.get("accuracy").asDouble(), 1e-12);
        try (var csv = Files.list(predicted.resolve("predictions.csv"))) {
            Path part = csv.filter(f -> f.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
            assertTrue(Files.readAllLines(part).get(0).contains("probability_2"), "the probabilities of the 3 classes");
        }

        // one class, or a label that is not a number: one-line errors
        Path one = tmp.resolve("one.train");
        Files.writeString(one, "3 1:0.5 2:1\n3 1:0.1 2:0.2\n");
        assertEquals(67, run("dual-svm", "--data", one.toString(), "--test", testFile.toString()));
        Path word = tmp.resolve("word.train");
        Files.writeString(word, "3 1:0.5 2:1\ncat 1:0.1 2:0.2\n");
        assertEquals(65, run("dual-svm", "--data", word.toString(), "--test", testFile.toString()));
    }
}
