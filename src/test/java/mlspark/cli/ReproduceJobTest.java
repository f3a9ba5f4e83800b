package mlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mlspark.io.Json;
import mlspark.testing.ProjectData;
import mlspark.testing.SharedSpark;

/** The reproduce job grades its parts with the project's expectations and the autograder's exit codes. */
class ReproduceJobTest extends SharedSpark {
    @TempDir
    Path dir;

    @Test
    void theAssignmentsPrimalResultsHoldAndAWrongExpectationFails() throws IOException {
        Path dataDir = ProjectData.dataDirWith("hw3/soft_margin_svm_data.npy");
        Path out = dir.resolve("report");
        assertEquals(0, Main.run("reproduce", "--out", out.toString(), "--data-dir", dataDir.toString(), "--only", "primal",
                "--expectations", ProjectData.root().resolve("conf/expectations.json").toString()));
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("| primal.e100.test_accuracy | primal |"), report);
        assertTrue(report.contains("![primal/primal_svm.png](primal/primal_svm.png)"), report);
        assertEquals(0, Json.read(out.resolve("metrics.json")).get("exit_code").asInt());

        Path wrong = dir.resolve("wrong.json");
        Files.writeString(wrong, "{\"checks\": [{\"id\": \"b\", \"part\": \"primal\", \"path\": \"/runs/0/b\", "
                + "\"expected\": 0.02, \"tolerance\": 1e-9}]}");
        assertEquals(53, Main.run("reproduce", "--out", out.toString(), "--data-dir", dataDir.toString(), "--only", "primal",
                "--expectations", wrong.toString()));
        assertTrue(Files.readString(out.resolve("report.md")).contains("**outside tolerance (53)**"));
    }
}
