package mlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import mlspark.testing.ProjectData;

/** submit/local's own --master yields to one given after the job name (bash, as the launcher runs it). */
class LauncherTest {
    @Test
    void launcherMasterYieldsToTheCommandLine() throws Exception {
        assertEquals(List.of(), masterArgs(null, "primal-svm", "--out", "x", "--master", "spark://h:7077"));
        assertEquals(List.of(), masterArgs("local[3]", "--out", "x", "--master=local[1]"));
        assertEquals(List.of("--master", "local[2]"), masterArgs(null, "--out", "x"));
        assertEquals(List.of("--master", "local[3]"), masterArgs("local[3]", "--out", "x", "--spark", "a=--master"));
    }

    @Test
    void theJobParsesTheLauncherCommandLine() throws Exception {
        List<String> user = List.of("--out", "x", "--master", "spark://h:7077");
        List<String> line = new ArrayList<>(List.of("kernels"));
        line.addAll(masterArgs("local[3]", user.toArray(String[]::new)));
        line.addAll(user);
        CommandLine.ParseResult parsed = new CommandLine(new Main()).parseArgs(line.toArray(String[]::new));
        assertEquals("spark://h:7077", parsed.subcommand().matchedOptionValue("--master", null));
    }

    /** The words mlspark_master_args of submit/common.sh prints for {@code args}. */
    private static List<String> masterArgs(String env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "source submit/common.sh && mlspark_master_args \"$@\"", "test"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ProjectData.root().toFile());
        pb.environment().remove("MLSPARK_MASTER");
        if (env != null) {
            pb.environment().put("MLSPARK_MASTER", env);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue());
        return out.lines().toList();
    }
}
