package mlspark.cli.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import mlspark.cli.Main;
import mlspark.cli.output.Json;
import mlspark.mnist.ImageSet;
import mlspark.mnist.Mnist;
import mlspark.testing.ProjectData;
import mlspark.testing.SharedSpark;

/**
 * {@code --data mnist} and {@code --data fashion-mnist} in the three jobs, on slices of the real sets
 * written as IDX files into a data directory of the test's (so their checksums are not the published ones).
 */
class ImageSetJobsTest extends SharedSpark {
    @TempDir
    static Path dir;
    static Path dataDir;
    static Map<ImageSet, Mnist.DataSet> slices;

    private StringWriter err;

    @BeforeAll
    static void writeSlices() throws IOException {
        dataDir = dir.resolve("data");
        Mnist.DataSet fashion = ImageSet.FASHION_MNIST.load(ProjectData.dataDirWith("fashion-mnist/" + Mnist.TRAIN_LABELS
                + ".gz"), false);
        Mnist.DataSet mnist = ImageSet.MNIST.load(ProjectData.dataDirWith("mnist/" + Mnist.TRAIN_LABELS + ".gz"), false);
        slices = Map.of(ImageSet.FASHION_MNIST, new Mnist.DataSet(fashion.train().range(0, 2000), fashion.test().range(0, 500),
                List.of()), ImageSet.MNIST, new Mnist.DataSet(mnist.train().range(0, 300), mnist.test().range(0, 100), List.of()));
        for (var slice : slices.entrySet()) {
            Path folder = slice.getKey().directory(dataDir);
            TwoLayerNetJobTest.writeIdx(folder, Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS, slice.getValue().train());
            TwoLayerNetJobTest.writeIdx(folder, Mnist.TEST_IMAGES, Mnist.TEST_LABELS, slice.getValue().test());
        }
    }

    private int run(String... args) {
        err = new StringWriter();
        return Main.run(new PrintWriter(err, true), args);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /**
     * fashion-mnist from the data directory trains the same net as the same files given to
     * --mnist, and metrics.json names the four files with their SHA-256.
     */
    @Test
    void theNetTrainsOnFashionMnistFromTheDataDirectory() throws Exception {
        List<String> common = List.of("--no-verify-checksums", "--validation", "500", "--epochs", "2", "--hidden", "30",
                "--normalize", "unit", "--init", "he", "--update", "adam");
        Path named = dir.resolve("named");
        List<String> args = new java.util.ArrayList<>(List.of("two-layer-net", "--out", named.toString(), "--data-dir",
                dataDir.toString(), "--data", "fashion-mnist"));
        args.addAll(common);
        assertEquals(0, run(args.toArray(String[]::new)), err.toString());
        Path files = dir.resolve("files");
        args = new java.util.ArrayList<>(List.of("two-layer-net", "--out", files.toString(), "--mnist",
                ImageSet.FASHION_MNIST.directory(dataDir).toString()));
        args.addAll(common);
        assertEquals(0, run(args.toArray(String[]::new)), err.toString());

        JsonNode got = Json.read(named.resolve("metrics.json"));
        JsonNode want = Json.read(files.resolve("metrics.json"));
        for (String field : List.of("test_accuracy", "history", "data")) {
            assertEquals(want.get(field), got.get(field), field);
        }
        assertEquals(1500, got.get("data").get("train").asLong());
        assertEquals(500, got.get("data").get("test").asLong());
        assertEquals(784, got.get("data").get("dimension").asInt());
        // two short epochs on 1,500 images: well above the 0.1 of guessing
        assertTrue(got.get("test_accuracy").asDouble() > 0.4, got.get("test_accuracy").toString());
        JsonNode inputs = got.get("provenance").get("inputs");
        assertEquals(4, inputs.size());
        for (String f : List.of(Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS, Mnist.TEST_IMAGES, Mnist.TEST_LABELS)) {
            Path file = ImageSet.FASHION_MNIST.directory(dataDir).resolve(f);
            assertEquals(sha256(file), inputs.get(file.toString()).asText(), f);
        }
    }

    /**
     * The SVM jobs get the ten classes of each set (the labels of the slice's training images,
     * counted here): the linear SVM trains one-vs-rest over them, the kernel SVM one-vs-one.
     */
    @Test
    void theSvmJobsGetTheTenClasses() {
        for (ImageSet set : ImageSet.values()) {
            String labels = Arrays.toString(Arrays.stream(slices.get(set).train().labels()).distinct().sorted()
                    .asDoubleStream().toArray());
            assertEquals("[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]", labels);
            Path linear = dir.resolve("primal-svm-" + set.label());
            assertEquals(0, run("primal-svm", "--out", linear.toString(), "--data-dir", dataDir.toString(), "--data",
                    set.label(), "--no-verify-checksums", "--normalize", "standard", "--epochs", "1,3"), err.toString());
            assertEquals(10, Json.read(linear.resolve("metrics.json")).get("classes").size(),
                    "primal-svm: one-vs-rest over the ten classes");
            Path kernel = dir.resolve("dual-svm-" + set.label());
            assertEquals(0, run("dual-svm", "--out", kernel.toString(), "--data-dir", dataDir.toString(), "--data",
                    set.label(), "--no-verify-checksums", "--normalize", "unit", "--solver", "smo", "--gamma", "scale",
                    "--C", "10"), err.toString());
            JsonNode metrics = Json.read(kernel.resolve("metrics.json"));
            assertEquals(10, metrics.get("classes").size(), "dual-svm: one-vs-one over the ten classes");
            assertEquals(45, metrics.get("pairs").size(), "dual-svm: K(K-1)/2 pairs");
        }
    }

    @Test
    void theSlicesFailThePublishedChecksums() {
        for (String job : List.of("dual-svm", "primal-svm", "two-layer-net")) {
            assertEquals(68, run(job, "--out", dir.resolve("never").toString(), "--data-dir", dataDir.toString(), "--data",
                    "fashion-mnist"), err.toString());
            assertTrue(err.toString().contains(Mnist.TRAIN_IMAGES + ": sha256: "), err.toString());
        }
    }

    @Test
    void optionsThatDoNotApplyAreUsageErrors() {
        String out = dir.resolve("never").toString();
        String[][] cases = {
                {"dual-svm", "--data", "moons", "--normalize", "unit"},
                {"primal-svm", "--data", "hw3", "--verify-checksums"},
                {"primal-svm", "--data", "mnist", "--normalize", "minmax"},
                {"dual-svm", "--data", "fashion-mnist", "--test", "x.csv"},
                {"two-layer-net", "--data", "fashion-mnist", "--test", "libsvm:x"},
                {"two-layer-net", "--data", "fashion-mnist", "--mnist", "x"}};
        String[] options = {"--normalize: applies to --data mnist or fashion-mnist, not --data moons",
                "--verify-checksums: applies to --data mnist or fashion-mnist, not --data hw3",
                "--normalize: 'minmax' is not one of none, unit, standard",
                "--test: fashion-mnist comes with its test images", "--test: fashion-mnist comes with its test images",
                "--mnist: cannot be combined with --data fashion-mnist"};
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new java.util.ArrayList<>(List.of(cases[i][0], "--out", out, "--data-dir", dataDir.toString()));
            args.addAll(List.of(cases[i]).subList(1, cases[i].length));
            assertEquals(64, run(args.toArray(String[]::new)), String.join(" ", cases[i]) + ": " + err);
            assertTrue(err.toString().startsWith("error: " + options[i]), err.toString());
        }
    }
}
