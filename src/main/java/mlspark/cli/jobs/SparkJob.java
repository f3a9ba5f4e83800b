package mlspark.cli.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.spark.api.java.JavaSparkContext;

import com.fasterxml.jackson.databind.node.ObjectNode;

import mlspark.cli.CheckpointOptions;
import mlspark.cli.Home;
import mlspark.cli.JobOptions;
import mlspark.cli.ParameterErrors;
import mlspark.cli.ParameterFlags;
import mlspark.cli.ParamOptions;
import mlspark.cli.ParamsJob;
import mlspark.cli.Failure;
import mlspark.cli.JobFailure;
import mlspark.cli.output.Checkpoints;
import mlspark.cli.output.Json;
import mlspark.cli.output.OutputDir;
import mlspark.cli.output.OutputRules;
import mlspark.cli.output.Provenance;
import mlspark.cli.SparkSetup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The life of a job: check {@code --out} against the rules of {@link OutputDir} and lock it, check
 * the options, load and check the inputs (an output that contains one is refused), then (and only
 * then) start Spark, run, write {@code metrics.json} with provenance and move the output into
 * place. Any failure before the commit leaves {@code --out} untouched.
 */
public abstract class SparkJob implements Callable<Integer>, ParameterFlags {
    @Mixin
    protected JobOptions options;

    @Spec
    protected CommandSpec spec;

    private final List<OutputDir> otherOutputs = new ArrayList<>();

    /** Checks options and reads inputs; nothing is created yet. */
    protected abstract void prepare(Provenance provenance);

    /**
     * Runs the job, writing its files into {@code out}; returns the metrics: a record (or map) whose
     * fields are those of metrics.json between {@code job} and {@code provenance}.
     */
    protected abstract Object run(JavaSparkContext sc, OutputDir out, Provenance provenance);

    private OutputRules rules;
    private OutputDir output;
    private Map<String, Object> identity;

    @Override
    public final Integer call() {
        long started = System.nanoTime();
        Provenance provenance = new Provenance(spec.name(), spec.commandLine().getParseResult().originalArgs(), Home.get());
        rules = new OutputRules()
                .protect(options.dataDir(), "the data directory")
                .protect(Home.get().resolve("conf"), "the configuration directory")
                .protect(Home.get(), "the project root")
                .protect(Path.of(System.getProperty("user.home")), "the home directory");
        identity = provenance.identity();
        try (OutputDir out = OutputDir.create("--out", options.out, rules, options.overwrite, identity, options.spark)) {
            output = out;
            prepare(provenance);
            out.refuseInputs(rules, provenance.inputFiles());
            try (SparkSetup.Lease spark = SparkSetup.lease("mlspark " + spec.name(), options.master, options.spark)) {
                provenance.spark(spark.sc().version(), spark.sc().master());
                ObjectNode metrics = Json.mapper().createObjectNode().put("job", spec.name());
                metrics.setAll((ObjectNode) Json.mapper().valueToTree(run(spark.sc(), out, provenance)));
                metrics.set("provenance", Json.mapper().valueToTree(provenance.finish()));
                Json.write(out.resolve("metrics.json"), metrics);
                out.commit();
                log("wrote " + out.target());
                for (OutputDir other : otherOutputs) {
                    other.commit();
                    log("wrote " + other.target());
                }
            } finally {
                otherOutputs.forEach(OutputDir::close);
            }
        } catch (RuntimeException e) {
            JobFailure failure = ParameterErrors.jobFailure(e, parameterFlags());
            ended(failure != null ? failure.exitCode() : Failure.INTERNAL.exitCode(), (System.nanoTime() - started) / 1e9, null);
            throw e;
        }
        ended(exitCode(), (System.nanoTime() - started) / 1e9, options.out);
        return exitCode();
    }

    /**
     * Called last, with the process's exit code, the seconds taken and the output written (null
     * when the job failed); for jobs that report to schedulers.
     */
    protected void ended(int exitCode, double seconds, String output) {
    }

    /** The job's checkpoint, its directory checked by the rules of outputs (for {@link #prepare}). */
    protected Checkpoints checkpoints(CheckpointOptions checkpointing) {
        return checkpointing.open(output, rules, spec, this::log);
    }

    /**
     * Another output directory of the job besides {@code --out} (a saved model), under the same rules
     * (given as {@code option}): staged now, moved into place right after {@code --out}, removed if
     * the job fails.
     */
    protected final OutputDir otherOutput(String option, Path dir) {
        OutputDir other = OutputDir.create(option, dir.toString(), rules, false, identity, options.spark);
        otherOutputs.add(other);
        return other;
    }

    /**
     * The job's flags for the library's parameter names that are not {@code "--" + name}: for a
     * {@link ParamsJob}, each Param's option as the user typed it.
     */
    @Override
    public Map<String, String> parameterFlags() {
        return this instanceof ParamsJob job ? ParamOptions.flags(spec, job.params()) : Map.of();
    }

    /** The exit code of a job that completed and wrote its output (0 unless the job grades its results). */
    protected int exitCode() {
        return 0;
    }

    protected void log(String message) {
        System.out.println("[" + spec.name() + "] " + message);
        System.out.flush();
    }
}
