package mlspark.cli.reproduce;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/** What every part runs with: the one Spark context, the data directory, the partitions of the data, the progress log. */
public record Context(JavaSparkContext sc, Path dataDir, int partitions, Consumer<String> log) {

    public SparkSession spark() {
        return SparkSession.builder().config(sc.getConf()).getOrCreate();
    }

    /** The partitions for {@code samples} rows: at most one per row. */
    public int partitions(int samples) {
        return Math.max(1, Math.min(partitions, samples));
    }
}
