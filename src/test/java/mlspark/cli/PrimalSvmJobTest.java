package mlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import mlspark.data.BinaryDataSets;
import mlspark.data.LabeledData;
import mlspark.data.NpyFiles;
import mlspark.data.TrainTest;
import mlspark.cli.output.Json;
import mlspark.cli.output.OutputDir;
import mlspark.optim.StepSchedule;
import mlspark.svm.ClassCosts;
import mlspark.svm.primal.SequentialPrimalSvm;
import mlspark.testing.ProjectData;
import mlspark.testing.SharedSpark;

/** The primal-svm job as a user runs it (in-process, joining the shared Spark context). */
class PrimalSvmJobTest extends SharedSpark {
    @TempDir
    Path dir;

    /** What the last run printed on stderr (test instances are shared by the class's tests). */
    private StringWriter err;

    private int run(String... args) {
        err = new StringWriter();
        return Main.run(new PrintWriter(err, true), args);
    }

    @Test
    void writesTheAssignmentsTableAsTheSequentialLoopComputesIt() throws IOException {
        Path dataDir = ProjectData.dataDirWith("hw3/soft_margin_svm_data.npy");
        Path out = dir.resolve("primal");
        assertEquals(0, run("primal-svm", "--out", out.toString(), "--data-dir", dataDir.toString(), "--epochs", "1,3,10"),
                err.toString());
        JsonNode metrics = Json.read(out.resolve("metrics.json"));
        TrainTest data = BinaryDataSets.load("hw3", null, dataDir, m -> { });
        LabeledData train = data.train();
        double[] x = Arrays.stream(train.x()).flatMapToDouble(Arrays::stream).toArray();
        int[] epochs = {1, 3, 10};
        for (int r = 0; r < epochs.length; r++) {
            JsonNode run = metrics.get("runs").get(r);
            assertEquals(epochs[r], run.get("epochs").asInt());
            double[] expected = SequentialPrimalSvm.train(x, train.y(), 4, ClassCosts.symmetric(5),
                    StepSchedule.constant(1e-3), epochs[r]);
            for (int j = 0; j < 4; j++) {
                assertEquals(expected[j], run.get("w").get(j).asDouble(), 1e-12 * Math.max(1, Math.abs(expected[j])));
            }
            assertEquals(expected[4], run.get("b").asDouble(), 1e-12);
            assertEquals(SequentialPrimalSvm.objective(x, train.y(), 4, ClassCosts.symmetric(5), expected),
                    run.get("objective").asDouble(), 1e-9);
        }
        assertTrue(Files.size(out.resolve("primal_svm.png")) > 1000);
        assertEquals(11, Files.readAllLines(out.resolve("objective.csv")).size() - 1, "epochs 0..10");
        assertEquals(Json.read(out.resolve("metrics.json")).get("provenance").get("inputs").size(), 1);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no staging directory left behind");
        }
    }

    /** Each bad input: its exit code, a one-line message with the expected words, no output directory. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--C=0                   | 64 | --C: expected a finite number > 0",
            "--C0=-1                 | 64 | --C0: expected a finite number > 0",
            "--eta=0                 | 64 | --eta: expected a finite number > 0",
            "--epochs=3,-1           | 64 | --epochs: expected an integer >= 0",
            "--schedule=cosine       | 64 | --schedule: 'cosine' is not one of",
            "--partitions=0          | 64 | --partitions: expected an integer >= 1",
            "--no-such-option        | 64 | Unknown option: '--no-such-option'",
            "--data=missing.npy      | 66 | missing.npy: no such file",
            "--data=BADMAGIC         | 65 | bad.npy: magic: not a NumPy .npy file",
            "--data=TRUNCATED        | 65 | data: truncated",
            "--data=ROWS             | 65 | y_train: has 3 rows but x_train has 2",
            "--data=LABELS           | 67 | labels [0.0, 2.0] are not a binary label set",
            "--data=NAN              | 67 | x_train: row 1, column 0 is NaN"})
    void badInputFailsCleanly(String option, int code, String message) throws IOException {
        Path out = dir.resolve("out");
        String arg = option.strip();
        String dataFile = switch (arg) {
            case "--data=BADMAGIC" -> write("bad.npy", "hello".getBytes());
            case "--data=TRUNCATED" -> write("t.npy", Arrays.copyOf(NpyFiles.npy(1, "<f8", false, new int[]{2, 3},
                    new double[6]), 140));
            case "--data=ROWS" -> write("rows.npz", npz(2, 3, new double[]{1, -1, 1}, 1.0));
            case "--data=LABELS" -> write("labels.npz", npz(2, 2, new double[]{0, 2}, 1.0));
            case "--data=NAN" -> write("nan.npz", npz(2, 2, new double[]{1, -1}, Double.NaN));
            default -> null;
        };
        String[] args = dataFile != null
                ? new String[]{"primal-svm", "--out", out.toString(), "--data", dataFile}
                : arg.startsWith("--data") ? new String[]{"primal-svm", "--out", out.toString(), "--data", dir.resolve("missing.npy").toString()}
                : new String[]{"primal-svm", "--out", out.toString(), arg};
        assertEquals(code, run(args), err.toString());
        String first = err.toString().lines().findFirst().orElse("");
        assertTrue(first.startsWith("error: ") && first.contains(message.strip()), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace without --verbose");
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".out")), "no staging directory left");
        }
    }

    /** More partitions than samples: one note, one partition per sample, the same model as the sequential loop. */
    @Test
    void clampsPartitionsToTheSampleCount() throws IOException {
        Path dataDir = ProjectData.dataDirWith("hw3/soft_margin_svm_data.npy");
        Path out = dir.resolve("clamped");
        java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        java.io.PrintStream console = System.out;
        System.setOut(new java.io.PrintStream(stdout, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertEquals(0, run("primal-svm", "--out", out.toString(), "--data-dir", dataDir.toString(), "--epochs", "2",
                    "--partitions", "100000"), err.toString());
        } finally {
            System.setOut(console);
        }
        LabeledData train = BinaryDataSets.load("hw3", null, dataDir, m -> { }).train();
        int n = train.size();
        assertEquals(1, stdout.toString(java.nio.charset.StandardCharsets.UTF_8).lines()
                .filter(l -> l.equals("[primal-svm] --partitions 100000 is more than the " + n + " samples: using " + n))
                .count(), stdout.toString(java.nio.charset.StandardCharsets.UTF_8));
        JsonNode metrics = Json.read(out.resolve("metrics.json"));
        assertEquals(n, metrics.get("config").get("partitions").asInt());
        double[] expected = SequentialPrimalSvm.train(Arrays.stream(train.x()).flatMapToDouble(Arrays::stream).toArray(),
                train.y(), 4, ClassCosts.symmetric(5), StepSchedule.constant(1e-3), 2);
        for (int j = 0; j < 4; j++) {
            assertEquals(expected[j], metrics.get("runs").get(0).get("w").get(j).asDouble(),
                    1e-12 * Math.max(1, Math.abs(expected[j])));
        }
    }

    @Test
    void aFailedRunLeavesTheEarlierResultInPlace() throws IOException {
        Path out = dir.resolve("kept");
        Files.createDirectories(out);
        Files.writeString(out.resolve("metrics.json"), "{\"earlier\": true}");
        Files.writeString(out.resolve(OutputDir.MARKER), "{\"job\": \"primal-svm\"}");
        assertEquals(66, run("primal-svm", "--out", out.toString(), "--overwrite", "--data", dir.resolve("nope.csv").toString(),
                "--test", dir.resolve("nope.csv").toString()));
        assertEquals("{\"earlier\": true}", Files.readString(out.resolve("metrics.json")));
    }

    private String write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes).toString();
    }

    /** An .npz with x_train (rows x 2, one value replaced by {@code poke} at (1, 0)), y_train, x_test, y_test. */
    private static byte[] npz(int rows, int yRows, double[] y, double poke) throws IOException {
        double[] x = new double[rows * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        x[2] = poke;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (String split : new String[]{"train", "test"}) {
                zip.putNextEntry(new java.util.zip.ZipEntry("x_" + split + ".npy"));
                zip.write(NpyFiles.npy(1, "<f8", false, new int[]{rows, 2}, x));
                zip.putNextEntry(new java.util.zip.ZipEntry("y_" + split + ".npy"));
                zip.write(NpyFiles.npy(1, "<f8", false, new int[]{yRows}, y));
            }
        }
        return bytes.toByteArray();
    }
}
