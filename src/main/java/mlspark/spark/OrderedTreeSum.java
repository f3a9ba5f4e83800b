package mlspark.spark;

import java.util.Iterator;
import java.util.List;

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
    private OrderedTreeSum() {
    }

    /** The sum over partitions of {@code partial(partition's elements)}. */
    public static <T, A extends Mergeable<A>> A sum(JavaRDD<T> rdd, Function<Iterator<T>, A> partial, int depth) {
        int partitions = rdd.getNumPartitions();
        JavaRDD<CanonicalTreeSum<A>> partials = rdd.mapPartitionsWithIndex((index, it) ->
                List.of(new CanonicalTreeSum<A>(partitions).add(index, partial.call(it))).iterator(), true);
        return partials.treeAggregate(new CanonicalTreeSum<A>(partitions), CanonicalTreeSum::merge,
                CanonicalTreeSum::merge, depth).total();
    }
}
