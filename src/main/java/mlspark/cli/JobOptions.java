package mlspark.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import picocli.CommandLine.Option;

/** The options every job takes (a picocli mixin); their defaults come from conf/defaults.properties. */
public final class JobOptions {
    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory, a path or a Hadoop URI (file:, hdfs:, ...); new or empty, written all at once when the job succeeds.")
    public String out;

    @Option(names = "--overwrite", description = "Replace --out if it holds an earlier output of the same job.")
    public boolean overwrite;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where named data sets live (default: ${DEFAULT-VALUE}; filled by submit/fetch-data).")
    public Path dataDir;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: as spark-submit set it, else local[2]).")
    public String master;

    @Option(names = "--spark", paramLabel = "KEY=VALUE", description = "A Spark setting; repeatable.")
    public Map<String, String> spark = new LinkedHashMap<>();

    @Option(names = "--partitions", paramLabel = "N", description = "Partitions of the data RDDs (default: ${DEFAULT-VALUE}).")
    public int partitions;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    public boolean verbose;

    /** The data directory: relative paths from the configuration are taken from the project home. */
    public Path dataDir() {
        return Home.resolve(dataDir);
    }

    public int partitions() {
        if (partitions < 1) {
            throw mlspark.cli.JobFailure.usage("--partitions", "expected an integer >= 1, got " + partitions);
        }
        return partitions;
    }

    /**
     * The partitions for a data set of {@code samples} rows: at most one per row, since more would only
     * add empty tasks to every Spark job; a one-line note says when {@code --partitions} was lowered.
     */
    public int partitions(int samples, Consumer<String> log) {
        int p = partitions();
        if (samples >= 1 && p > samples) {
            log.accept("--partitions " + p + " is more than the " + samples + " samples: using " + samples);
            return samples;
        }
        return p;
    }
}
