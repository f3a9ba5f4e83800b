package mlspark.cli.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import mlspark.cli.Main;
import mlspark.cli.output.Json;
import mlspark.mnist.Mnist;
import mlspark.testing.ProjectData;
import mlspark.testing.SharedSpark;

/**
 * metrics.json is a contract for scripts: each job's file has exactly the fields, in the order, that
 * docs/jobs.md documents. The expected names below are copied from docs/jobs.md (whose
 * {@code config}/{@code configuration} lists come from the metrics the jobs wrote before they
 * became records), never from the records themselves.
 */
class MetricsFieldsTest extends SharedSpark {
    private static final List<String> SVM_DATA = List.of("name", "n_train", "n_test", "dimension");
    private static final List<String> CONFUSION = List.of("tp", "fp", "tn", "fn");

    @TempDir
    static Path dir;
    static Path dataDir;
    static Path toyDir;

    @BeforeAll
    static void data() {
        dataDir = ProjectData.dataDirWith("hw3/soft_margin_svm_data.npy");
        toyDir = ProjectData.dataDirWith("hw3/generated_toy/toy_moons_train.csv");
    }

    private static JsonNode run(String... args) {
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(err, true), args), err.toString());
        int out = List.of(args).indexOf("--out") + 1;
        return Json.read(Path.of(args[out]).resolve("metrics.json"));
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void primalSvm() {
        Path model = dir.resolve("primal-model");
        JsonNode m = run("primal-svm", "--out", dir.resolve("primal").toString(), "--data-dir", dataDir.toString(),
                "--epochs", "1,3", "--save-model", model.toString());
        assertEquals(List.of("job", "data", "config", "train_seconds", "runs", "provenance"), fields(m));
        assertEquals(SVM_DATA, fields(m.get("data")));
        assertEquals(List.of("C0", "C1", "eta", "schedule", "decay", "partitions", "block_kib", "optimizer", "storage"),
                fields(m.get("config")));
        assertEquals(2, m.get("runs").size());
        for (JsonNode r : m.get("runs")) {
            assertEquals(List.of("epochs", "w", "b", "test_accuracy", "test_confusion", "train_accuracy", "objective"),
                    fields(r));
            assertEquals(CONFUSION, fields(r.get("test_confusion")));
        }

        JsonNode predicted = run("predict", "--out", dir.resolve("predict").toString(), "--data-dir", dataDir.toString(),
                "--model", model.toString(), "--data", "hw3");
        assertEquals(List.of("job", "model", "data", "format", "predictions", "accuracy", "confusion", "provenance"),
                fields(predicted));
        assertEquals(List.of("dir", "class", "kind", "stages", "num_features", "num_classes"),
                fields(predicted.get("model")));
        assertEquals(List.of("name", "n", "dimension", "labeled"), fields(predicted.get("data")));
        assertEquals(CONFUSION, fields(predicted.get("confusion")));
    }

    @Test
    void primalSvmWithLbfgsOnKernelFeatures() {
        JsonNode m = run("primal-svm", "--out", dir.resolve("rff").toString(), "--data", "moons:200:0.2:3", "--features",
                "rff", "--components", "40", "--gamma", "1", "--optimizer", "lbfgs", "--epochs", "5");
        assertEquals(List.of("job", "data", "config", "train_seconds", "passes", "features", "runs", "provenance"),
                fields(m));
        assertEquals(List.of("kind", "components", "requested_components", "kernel", "seed", "cached",
                "kernel_error_sample", "kernel_error_max", "kernel_error_mean"), fields(m.get("features")));
    }

    private static final List<String> DUAL_RUN = List.of("test_accuracy", "train_accuracy", "n_support", "b",
            "dual_objective", "solver", "iterations", "seconds", "kkt_residual", "solver_status", "gram_seconds");

    @Test
    void dualSvm() {
        JsonNode m = run("dual-svm", "--out", dir.resolve("dual").toString(), "--data-dir", toyDir.toString(),
                "--grid", "10");
        List<String> expected = new ArrayList<>(List.of("job"));
        expected.addAll(DUAL_RUN);
        expected.addAll(List.of("data", "kernel", "kernel_formula", "config", "provenance"));
        assertEquals(expected, fields(m));
        assertEquals(SVM_DATA, fields(m.get("data")));
        assertEquals(List.of("name", "gamma_option", "gamma", "degree", "coef0"), fields(m.get("kernel")));
        assertEquals(List.of("C0", "C1", "sv_threshold", "bias_rule", "eps", "max_iterations", "partitions"),
                fields(m.get("config")));
        assertEquals(true, m.get("config").get("max_iterations").isNull(), "written as null when not given");

        JsonNode c = run("dual-svm", "--out", dir.resolve("cascade").toString(), "--data", "moons:200:0.2:3",
                "--solver", "cascade", "--cascade-partitions", "2", "--grid", "10");
        expected.add(expected.indexOf("data"), "cascade");
        assertEquals(expected, fields(c));
        assertEquals(List.of("C0", "C1", "sv_threshold", "bias_rule", "eps", "max_iterations", "partitions",
                "cascade_partitions"), fields(c.get("config")));
        JsonNode cascade = c.get("cascade");
        assertEquals(List.of("partitions", "passes", "pass_history", "layers"), fields(cascade));
        assertEquals(List.of("pass", "dual_objective", "maximal_violation", "support_vectors", "violators",
                "changed", "check_seconds", "seconds"), fields(cascade.get("pass_history").get(0)));
        assertEquals(List.of("pass", "layer", "where", "sizes", "support_vectors", "seconds"),
                fields(cascade.get("layers").get(0)));
    }

    @Test
    void dualSvmAll() {
        JsonNode m = run("dual-svm", "--out", dir.resolve("all").toString(), "--data-dir", toyDir.toString(), "--all",
                "--grid", "10");
        assertEquals(List.of("job", "assignment", "sklearn", "runs", "provenance"), fields(m));
        for (String setting : List.of("assignment", "sklearn")) {
            assertEquals(List.of("description", "solver", "bias_rule", "sv_threshold", "table"),
                    fields(m.get(setting)));
            assertEquals(List.of("moons", "circles", "linearly_separable", "xor"), fields(m.get(setting).get("table")));
            assertEquals(List.of("linear", "poly", "sigmoid", "rbf"), fields(m.get(setting).get("table").get("xor")));
        }
        assertEquals(32, m.get("runs").size());
        List<String> expected = new ArrayList<>(List.of("setting"));
        expected.addAll(DUAL_RUN);
        expected.addAll(List.of("data", "kernel", "kernel_formula"));
        for (JsonNode r : m.get("runs")) {
            assertEquals(expected, fields(r));
        }
    }

    @Test
    void kernels() {
        JsonNode m = run("kernels", "--out", dir.resolve("kernels").toString(), "--points", "12");
        assertEquals(List.of("job", "points", "dimension", "seed", "tolerance", "constructions", "feature_maps",
                "provenance"), fields(m));
        for (JsonNode c : m.get("constructions")) {
            assertEquals(List.of("construction", "kernel", "expected", "symmetric", "psd", "smallest_eigenvalue",
                    "largest_eigenvalue", "witness_quadratic_form", "witness"), fields(c));
        }
        for (JsonNode f : m.get("feature_maps")) {
            assertEquals(List.of("map", "kernel", "features", "max_error", "mean_error"), fields(f));
        }
    }

    @Test
    void twoLayerNetAndItsPredictions() throws Exception {
        Mnist.DataSet mnist = Mnist.load(ProjectData.dataDirWith("mnist/" + Mnist.TRAIN_IMAGES + ".gz").resolve("mnist"),
                false);
        Path slice = dir.resolve("slice");
        TwoLayerNetJobTest.writeIdx(slice, Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS, mnist.train().range(0, 600));
        TwoLayerNetJobTest.writeIdx(slice, Mnist.TEST_IMAGES, Mnist.TEST_LABELS, mnist.test().range(0, 100));
        List<String> top = List.of("job", "test_accuracy", "best_val_accuracy", "history", "seconds",
                "training_seconds", "seconds_per_epoch", "iterations", "configuration", "data", "provenance");
        List<String> head = List.of("hidden", "init", "weight_scale", "precision", "normalize", "input_shift",
                "input_scale", "epochs", "batch_size", "learning_rate", "lr_decay", "update");
        List<String> tail = List.of("weight_decay", "local_steps", "iterations_per_epoch", "train_subset", "seed",
                "partitions");
        Path model = dir.resolve("net-model");
        for (List<String> update : List.of(List.of("sgd"), List.of("momentum", "momentum"),
                List.of("adam", "beta1", "beta2"))) {
            String rule = update.get(0);
            List<String> args = new ArrayList<>(List.of("two-layer-net", "--out", dir.resolve("net-" + rule).toString(),
                    "--mnist", slice.toString(), "--no-verify-checksums", "--validation", "100", "--epochs", "1",
                    "--hidden", "10", "--batch-size", "100", "--update", rule));
            if (rule.equals("adam")) {
                args.addAll(List.of("--save-model", model.toString()));
            }
            JsonNode m = run(args.toArray(String[]::new));
            assertEquals(top, fields(m));
            assertEquals(List.of("loss", "train_acc", "val_acc", "checkpoint_iterations"), fields(m.get("history")));
            List<String> configuration = new ArrayList<>(head);
            configuration.addAll(update.subList(1, update.size()));
            configuration.addAll(tail);
            assertEquals(configuration, fields(m.get("configuration")), rule);
            assertEquals(List.of("train", "validation", "test", "dimension"), fields(m.get("data")));
        }
        JsonNode predicted = run("predict", "--out", dir.resolve("net-predict").toString(), "--model", model.toString(),
                "--data", slice.toString(), "--no-verify-checksums");
        assertEquals(List.of("job", "model", "data", "format", "predictions", "accuracy", "confusion_matrix",
                "provenance"), fields(predicted));
    }
}
