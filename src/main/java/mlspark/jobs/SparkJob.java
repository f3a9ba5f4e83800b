package mlspark.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.spark.api.java.JavaSparkContext;

import mlspark.cli.Home;
import mlspark.cli.JobOptions;
import mlspark.cli.ParameterFlags;
import mlspark.io.Json;
import mlspark.io.OutputDir;
import mlspark.io.Provenance;
import mlspark.spark.SparkSetup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The life of a job: check the options, load and check the inputs, then (and only then) start
 * Spark and a staging output directory, run, write {@code metrics.json} with provenance and move
 * the output into place. Any failure before the commit leaves {@code --out} untouched.
 */
public abstract class SparkJob implements Callable<Integer>, ParameterFlags {
    @Mixin
    protected JobOptions options;

    @Spec
    protected CommandSpec spec;

    private final List<OutputDir> otherOutputs = new ArrayList<>();

    /** Checks options and reads inputs; nothing is created yet. */
    protected abstract void prepare(Provenance provenance);

    /** Runs the job, writing its files into {@code out}; returns the metrics. */
    protected abstract Map<String, Object> run(JavaSparkContext sc, OutputDir out, Provenance provenance);

    @Override
    public final Integer call() {
        Provenance provenance = new Provenance(spec.name(), spec.commandLine().getParseResult().originalArgs(), Home.get());
        prepare(provenance);
        try (OutputDir out = OutputDir.create(options.out);
             SparkSetup.Lease spark = SparkSetup.lease("mlspark " + spec.name(), options.master, options.spark)) {
            provenance.spark(spark.sc().version(), spark.sc().master());
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("job", spec.name());
            metrics.putAll(run(spark.sc(), out, provenance));
            metrics.put("provenance", provenance.finish());
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
        return exitCode();
    }

    /**
     * Another output directory of the job besides {@code --out} (a saved model): staged now, moved
     * into place right after {@code --out}, removed if the job fails.
     */
    protected final OutputDir otherOutput(java.nio.file.Path dir) {
        OutputDir other = OutputDir.create(dir);
        otherOutputs.add(other);
        return other;
    }

    /** The job's flags for the library's parameter names that are not {@code "--" + name}; none by default. */
    @Override
    public Map<String, String> parameterFlags() {
        return Map.of();
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
