package mlspark.cli;

import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkContext$;
import org.apache.spark.api.java.JavaSparkContext;

import mlspark.linalg.Blas;

/**
 * Creates the Spark context of a job. Settings come, later ones winning, from what spark-submit
 * set, the job's {@code --spark key=value} options and {@code --master}; without any master the
 * job runs in {@code local[2]}.
 */
public final class SparkSetup {
    private SparkSetup() {
    }

    /** A Spark context for one job; closing it stops the context unless it was running before. */
    public record Lease(JavaSparkContext sc, boolean owned) implements AutoCloseable {
        @Override
        public void close() {
            if (owned) {
                sc.stop();
            }
        }
    }

    /**
     * Starts a context, or joins the one already running in this JVM (tests, notebooks), which is
     * then left running and keeps its own settings.
     */
    public static Lease lease(String appName, String master, Map<String, String> settings) {
        // getActive is private[spark] in Scala, public in bytecode
        scala.Option<SparkContext> active = SparkContext$.MODULE$.getActive();
        if (active.isDefined()) {
            return new Lease(JavaSparkContext.fromSparkContext(active.get()), false);
        }
        return new Lease(context(appName, master, settings), true);
    }

    public static JavaSparkContext context(String appName, String master, Map<String, String> settings) {
        SparkConf conf = new SparkConf().setIfMissing("spark.app.name", appName)
                .setIfMissing("spark.ui.showConsoleProgress", "false");
        settings.forEach(conf::set);
        if (master != null && !master.isBlank()) {
            conf.setMaster(master);
        }
        conf.setIfMissing("spark.master", "local[2]");
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        JavaSparkContext sc = new JavaSparkContext(conf);
        sc.setLogLevel(conf.get("spark.log.level", "WARN"));
        System.out.println("[spark] " + sc.version() + ", master " + sc.master() + ", " + Blas.describe());
        if (!Blas.isNative()) {
            System.out.println("[spark] native BLAS/LAPACK not found (libblas.so.3, liblapack.so.3), running on Java's; "
                    + "for native speed: apt-get install libopenblas0-pthread");
        }
        return sc;
    }
}
