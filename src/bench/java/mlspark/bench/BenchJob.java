package mlspark.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaSparkContext;

import mlspark.cli.JobFailure;
import mlspark.cli.OptionalJob;
import mlspark.cli.jobs.SparkJob;
import mlspark.cli.output.Json;
import mlspark.cli.output.OutputDir;
import mlspark.cli.output.Png;
import mlspark.cli.output.Provenance;
import mlspark.linalg.Blas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench}: runs benchmark suites, ours beside the baselines in one run; writes bench.md and
 * bench.json, and beside them the suites' plots and detail files. Not in the application jar:
 * {@code mlspark.cli.Main} finds it as an {@link OptionalJob} when the bench classes are on the classpath
 * (submit/bench).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: our implementations beside their baselines, measured in the same run.")
public final class BenchJob extends SparkJob implements OptionalJob {
    /** Every suite, by name. */
    static final List<BenchSuite> SUITES = List.of(new PrimalBench(), new DualBench(), new NetBench(), new ScaleBench(),
            new KernelScaleBench(), new MulticlassBench(), new LinearBench());

    @Parameters(arity = "0..*", paramLabel = "SUITE", description = "Suites to run (default: all): ${COMPLETION-CANDIDATES}")
    List<String> names = new ArrayList<>();

    @Option(names = "--quick", description = "Smaller problems, for a smoke run.")
    boolean quick;

    private List<BenchSuite> selected;

    @Override
    protected void prepare(Provenance provenance) {
        selected = new ArrayList<>();
        for (String name : names.isEmpty() ? SUITES.stream().map(BenchSuite::name).toList() : names) {
            selected.add(SUITES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                    JobFailure.usage("SUITE", "'" + name + "' is not one of "
                            + SUITES.stream().map(BenchSuite::name).toList())));
        }
    }

    @Override
    protected BenchMetrics run(JavaSparkContext sc, OutputDir out, Provenance provenance) {
        BenchTable table = new BenchTable(this::log);
        for (BenchSuite suite : selected) {
            log(suite.name() + ": " + suite.description());
            table.start(suite.name());
            suite.run(sc, quick, table);
        }
        String header = "BLAS: " + Blas.describe() + "; " + Runtime.getRuntime().availableProcessors()
                + " cores; Java " + System.getProperty("java.version") + "; Spark " + sc.version() + "\n\n";
        try {
            Files.writeString(out.resolve("bench.md"), header + table.markdown());
            for (Map.Entry<String, String> file : table.files().entrySet()) {
                Files.writeString(out.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Json.write(out.resolve("bench.json"), table.rows());
        table.plots().forEach((name, chart) -> Png.save(chart, out.resolve(name + ".png")));
        System.out.print("\n" + header + table.markdown());
        return new BenchMetrics(quick, table.rows());
    }
}
