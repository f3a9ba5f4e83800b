package mlspark.testing;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import mlspark.cli.SparkSetup;

/**
 * One local[2] Spark context for all tests of a class (starting one takes seconds). Jobs run
 * in-process by such a test join this context instead of starting their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SharedSpark {
    protected JavaSparkContext sc;

    /** The master of this class's context; local[2, 4] lets every task fail up to 3 times. */
    protected String master() {
        return "local[2]";
    }

    @BeforeAll
    void startSpark() {
        sc = SparkSetup.context(getClass().getSimpleName(), master(), java.util.Map.of("spark.ui.enabled", "false"));
    }

    /** {@code data} in {@code partitions} partitions, through the jobs' converter, in blocks of {@code blockRows} rows. */
    protected org.apache.spark.api.java.JavaRDD<mlspark.data.SampleBlock> blocks(mlspark.data.LabeledData data, int partitions,
                                                                                int blockRows) {
        org.apache.spark.sql.SparkSession spark = org.apache.spark.sql.SparkSession.builder().config(sc.getConf()).getOrCreate();
        return mlspark.distributed.SampleBlocks.of(mlspark.distributed.SampleBlocks.rows(spark, data, partitions),
                new mlspark.distributed.SampleBlocks.Layout(data.dimension(), Long.MAX_VALUE, blockRows,
                        mlspark.data.FeatureBlock.Storage.FLOAT64), false, data.source());
    }

    @AfterAll
    void stopSpark() {
        if (sc != null) {
            sc.stop();
        }
    }
}
