package mlspark.bench;

import org.apache.spark.api.java.JavaSparkContext;

/** Placeholder filled in below. */
public final class PrimalBench implements BenchSuite {
    @Override
    public String name() {
        return "primal";
    }

    @Override
    public String description() {
        return "primal SVM epoch: ours vs a single-threaded loop vs MLlib LinearSVC";
    }

    @Override
    public void run(JavaSparkContext sc, boolean quick, BenchTable table) {
        throw new UnsupportedOperationException("not yet");
    }
}
