package mlspark.distributed;

import java.util.Iterator;
import java.util.List;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;

import mlspark.optim.CanonicalTreeSum;
import mlspark.optim.Mergeable;

/**
 * {@code treeAggregate} with a deterministic result: each partition's partial sum enters a
 * {@link CanonicalTreeSum} under its partition index, so the floating-point total does not depend
 * on the order tasks finish or are retried in.
 */
public final class OrderedTreeSum {
    /**
     * Fault injection for tests: a Spark local property (set with {@code sc.setLocalProperty} on
     * the submitting thread) listing partition indices, comma-separated, whose first task attempt
     * fails; the retries then run normally.
     */
    public static final String FAIL_FIRST_ATTEMPT = "mlspark.test.failFirstAttempt";

    private OrderedTreeSum() {
    }

    /** The sum over partitions of {@code partial(partition's elements)}. */
    public static <T, A extends Mergeable<A>> A sum(JavaRDD<T> rdd, Function<Iterator<T>, A> partial, int depth) {
        int partitions = rdd.getNumPartitions();
        JavaRDD<CanonicalTreeSum<A>> partials = rdd.mapPartitionsWithIndex((index, it) -> {
            injectFault(index);
            return List.of(new CanonicalTreeSum<A>(partitions).add(index, partial.call(it))).iterator();
        }, true);
        return partials.treeAggregate(new CanonicalTreeSum<A>(partitions), CanonicalTreeSum::merge,
                CanonicalTreeSum::merge, depth).total();
    }

    private static void injectFault(int partition) {
        TaskContext task = TaskContext.get();
        String failing = task == null ? null : task.getLocalProperty(FAIL_FIRST_ATTEMPT);
        if (failing != null && task.attemptNumber() == 0
                && java.util.Arrays.asList(failing.split(",")).contains(String.valueOf(partition))) {
            throw new IllegalStateException("injected failure of the first attempt of partition " + partition);
        }
    }
}
