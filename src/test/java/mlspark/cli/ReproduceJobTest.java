package mlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import mlspark.cli.output.Json;
import mlspark.testing.CliProcess;
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
        assertEquals(73, Main.run("reproduce", "--out", out.toString(), "--data-dir", dataDir.toString(), "--only", "primal",
                "--expectations", wrong.toString()), "an earlier report is replaced only with --overwrite");
        assertEquals(53, Main.run("reproduce", "--out", out.toString(), "--data-dir", dataDir.toString(), "--only", "primal",
                "--expectations", wrong.toString(), "--overwrite"));
        assertTrue(Files.readString(out.resolve("report.md")).contains("**outside tolerance (53)**"));
    }

    /** A part that fails is graded as crashed (exit 2), with its own exit code in the report; the others still run and hold. */
    @Test
    void aFailingPartIsGradedAndTheOthersStillRun() throws IOException {
        Path dataDir = dir.resolve("data");
        Files.createDirectories(dataDir.resolve("hw3"));
        Files.copy(ProjectData.dataDirWith("hw3/soft_margin_svm_data.npy").resolve("hw3/soft_margin_svm_data.npy"),
                dataDir.resolve("hw3/soft_margin_svm_data.npy"));
        Path out = dir.resolve("report");
        assertEquals(2, Main.run("reproduce", "--out", out.toString(), "--data-dir", dataDir.toString(), "--only",
                "costs-dual,primal", "--expectations", ProjectData.root().resolve("conf/expectations.json").toString()));
        JsonNode checks = Json.read(out.resolve("metrics.json")).get("checks");
        List<String> failed = new ArrayList<>();
        for (JsonNode check : checks) {
            if (check.get("part").asText().equals("primal")) {
                assertEquals("pass", check.get("verdict").asText(), check.toString());
            } else if (!check.get("verdict").asText().equals("pass")) {
                failed.add(check.get("id").asText() + " " + check.get("got").asText() + " " + check.get("verdict").asText());
            }
        }
        assertEquals(List.of("costs-dual.exit 66 crashed", "costs.dual.test_accuracy missing wrong shape",
                "costs.dual.n_support missing wrong shape"), failed);
        assertTrue(Files.readString(out.resolve("report.md")).contains("**failed, exit code 66**"));
    }

    /** As a scheduler runs it: a JVM of its own, Spark event logs in --event-log, the last stdout line a JSON summary. */
    @Test
    void scheduledRunWritesEventLogsAndEndsWithOneJsonLine() throws Exception {
        Path dataDir = ProjectData.dataDirWith("hw3/soft_margin_svm_data.npy");
        Path expectations = ProjectData.root().resolve("conf/expectations.json");
        Path out = dir.resolve("nightly");
        Path events = dir.resolve("events");
        List<String> common = List.of("--data-dir", dataDir.toString(), "--only", "primal", "--expectations",
                expectations.toString(), "--event-log", events.toString());
        JsonNode line = lastLine(run(out, common));
        long primalChecks = StreamSupport.stream(Json.read(expectations).get("checks").spliterator(), false)
                .filter(c -> c.get("part").asText().equals("primal")).count();
        assertEquals(0, line.get("exit_code").asInt(), line.toString());
        assertEquals(primalChecks, line.get("checks_passed").asLong());
        assertEquals(0, line.get("checks_failed").asInt());
        assertTrue(line.get("seconds").asDouble() > 0);
        assertEquals(out.resolve("report.md").toString(), line.get("report").asText());
        try (Stream<Path> logs = Files.list(events)) {
            // a file, or with rolling event logs (Spark 4's default) a directory eventlog_v2_APP-ID
            assertTrue(logs.anyMatch(f -> f.getFileName().toString().contains("local-")), "an event log in " + events);
        }
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("| dual | Q4 test accuracy, circles, sigmoid kernel (C=1, gamma=0.2) | 0.4 | not run |"), report);

        JsonNode refused = lastLine(run(out, common));
        assertEquals(73, refused.get("exit_code").asInt(), "an earlier report is not replaced without --overwrite");
        assertTrue(refused.get("report").isNull());
    }

    private static String run(Path out, List<String> options) throws Exception {
        List<String> args = new ArrayList<>(List.of("reproduce", "--out", out.toString()));
        args.addAll(options);
        Process p = new ProcessBuilder(CliProcess.command(List.of(), args)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        return stdout;
    }

    private static JsonNode lastLine(String stdout) throws IOException {
        List<String> lines = stdout.lines().toList();
        return Json.mapper().readTree(lines.get(lines.size() - 1));
    }
}
