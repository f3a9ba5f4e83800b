package mlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Each training job's options are its estimator's Params: every option that is not in the job's
 * short list of job-only options (inputs, outputs, reporting, checkpoints) sets the Param of the
 * same name, starts from the Param's default through the whole command line (the configuration
 * file, picocli's conversion) and shows the Param's doc in {@code --help}.
 */
class OptionsAreParamsTest {
    /** Options every job takes (JobOptions) and picocli's own. */
    private static final Set<String> EVERY_JOB = Set.of("--out", "--overwrite", "--data-dir", "--master", "--spark",
            "--partitions", "--verbose", "--help", "--version");

    /** Per training job: its options that set no Param. */
    private static final Map<String, Set<String>> JOB_ONLY = Map.of(
            "primal-svm", Set.of("--data", "--test", "--num-features", "--features-col", "--label-col", "--epochs",
                    "--checkpoint-every", "--checkpoint-dir", "--resume", "--save-model", "--normalize", "--verify-checksums"),
            "dual-svm", Set.of("--data", "--test", "--num-features", "--features-col", "--label-col", "--grid", "--all",
                    "--save-model", "--normalize", "--verify-checksums"),
            "two-layer-net", Set.of("--mnist", "--data", "--test", "--num-features", "--features-col", "--label-col",
                    "--verify-checksums",
                    "--normalize", "--checkpoint-every", "--checkpoint-dir", "--resume", "--save-model"));

    @Test
    void everyModelOptionIsAParamWithItsDefaultAndDoc() {
        for (String name : JOB_ONLY.keySet()) {
            CommandLine cli = Main.commandLine();
            CommandLine job = cli.getSubcommands().get(name);
            assertTrue(job.getCommand() instanceof ParamsJob, name + " is a ParamsJob");
            Params estimator = ((ParamsJob) job.getCommand()).params();
            cli.parseArgs(name, "--out", "unused");

            Set<String> jobOnly = new TreeSet<>();
            for (OptionSpec option : job.getCommandSpec().options()) {
                var param = ParamOptions.param(estimator, option);
                if (param.isEmpty()) {
                    jobOnly.add(option.longestName());
                    continue;
                }
                Param<Object> p = param.get();
                if (estimator.hasDefault(p)) {
                    assertEquals(String.valueOf(estimator.getDefault(p).get()),
                            String.valueOf(converted(option.getValue(), estimator.getDefault(p).get())),
                            name + " " + option.longestName() + " starts from the default of Param " + p.name());
                } else {
                    assertEquals((Object) null, option.getValue(), name + " " + option.longestName() + ": Param " + p.name()
                            + " has no default");
                }
                String doc = p.doc();
                String help = usage(job);
                assertTrue(help.contains(doc.substring(1, Math.min(doc.length(), 40))),
                        name + " --help shows the doc of " + p.name() + ": " + doc);
            }
            Set<String> expected = new TreeSet<>(EVERY_JOB);
            expected.addAll(JOB_ONLY.get(name));
            assertEquals(expected, jobOnly, name + ": the options that set no Param");
        }
    }

    private static Object converted(Object value, Object like) {
        if (value instanceof Number n && like instanceof Double) {
            return n.doubleValue();
        }
        if (value instanceof Number n && like instanceof Long) {
            return n.longValue();
        }
        return value;
    }

    private static String usage(CommandLine job) {
        StringWriter text = new StringWriter();
        job.usage(new PrintWriter(text));
        return text.toString().replaceAll("\\s+", " ");
    }
}
