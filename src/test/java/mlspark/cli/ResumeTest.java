package mlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import mlspark.cli.output.Checkpoints;
import mlspark.cli.output.Json;
import mlspark.testing.CliProcess;
import mlspark.testing.ProjectData;
import mlspark.testing.SharedSpark;

/** A driver killed mid-training resumes from its checkpoint to the same final model. */
class ResumeTest extends SharedSpark {
    @TempDir
    Path dir;

    @Test
    void killedDriverResumesToTheUninterruptedResult() throws Exception {
        Path dataDir = ProjectData.dataDirWith("hw3/soft_margin_svm_data.npy");
        String[] common = {"--data-dir", dataDir.toString(), "--epochs", "1,10,150", "--checkpoint-every", "2"};

        Path crashed = dir.resolve("crashed");
        Process driver = startDriver(crashed, common);
        Checkpoints checkpoints = new Checkpoints(Checkpoints.besideOutput(crashed), "primal-svm");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int epoch = 0;
        while (epoch < 10 && driver.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            if (checkpoints.exists()) {
                epoch = checkpoints.load(JsonNode.class).get("epoch").asInt();
            }
        }
        assertTrue(driver.isAlive(), "the driver finished before it could be killed; epoch " + epoch);
        driver.destroyForcibly().waitFor();
        assertFalse(Files.exists(crashed), "a killed run leaves no output directory");
        assertTrue(epoch >= 10 && epoch < 150, "killed at epoch " + epoch);

        assertEquals(0, Main.run(concat(new String[]{"primal-svm", "--out", crashed.toString(), "--resume"}, common)));
        Path clean = dir.resolve("clean");
        assertEquals(0, Main.run(concat(new String[]{"primal-svm", "--out", clean.toString()}, common)));

        JsonNode resumed = Json.read(crashed.resolve("metrics.json")).get("runs");
        JsonNode uninterrupted = Json.read(clean.resolve("metrics.json")).get("runs");
        assertEquals(uninterrupted.toString(), resumed.toString());
        assertFalse(checkpoints.exists(), "the checkpoint is removed once the job has finished");
    }

    @Test
    void killedNetTrainingResumesToTheUninterruptedResult() throws Exception {
        Path dataDir = ProjectData.dataDirWith("mnist/train-labels-idx1-ubyte.gz");
        String[] common = {"--data-dir", dataDir.toString(), "--epochs", "8", "--batch-size", "1000", "--normalize", "unit",
                "--learning-rate", "0.5", "--update", "momentum", "--init", "gaussian", "--checkpoint-every", "1"};
        Path crashed = dir.resolve("net-crashed");
        Process driver = startDriver("two-layer-net", crashed, common);
        Checkpoints checkpoints = new Checkpoints(Checkpoints.besideOutput(crashed), "two-layer-net");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        int epoch = 0;
        while (epoch < 2 && driver.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            if (checkpoints.exists()) {
                epoch = checkpoints.load(JsonNode.class).get("epoch").asInt();
            }
        }
        assertTrue(driver.isAlive(), "the driver finished before it could be killed; epoch " + epoch);
        driver.destroyForcibly().waitFor();
        assertTrue(epoch >= 2 && epoch < 8, "killed after epoch " + epoch);

        assertEquals(0, Main.run(concat(new String[]{"two-layer-net", "--out", crashed.toString(), "--resume"}, common)));
        Path clean = dir.resolve("net-clean");
        assertEquals(0, Main.run(concat(new String[]{"two-layer-net", "--out", clean.toString()}, common)));
        JsonNode resumed = Json.read(crashed.resolve("metrics.json"));
        JsonNode uninterrupted = Json.read(clean.resolve("metrics.json"));
        for (String field : new String[]{"test_accuracy", "best_val_accuracy"}) {
            assertEquals(uninterrupted.get(field), resumed.get(field), field);
        }
        assertEquals(uninterrupted.at("/history/loss"), resumed.at("/history/loss"));
        assertEquals(uninterrupted.at("/history/val_acc"), resumed.at("/history/val_acc"));
    }

    private Process startDriver(Path out, String[] common) throws Exception {
        return startDriver("primal-svm", out, common);
    }

    /** The job in a JVM of its own, started with this JVM's flags and classpath. */
    private Process startDriver(String job, Path out, String[] common) throws Exception {
        List<String> args = new ArrayList<>(List.of(job, "--out", out.toString()));
        args.addAll(List.of(common));
        List<String> command = CliProcess.command(List.of(), args);
        File log = dir.resolve(job + "-driver.log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
