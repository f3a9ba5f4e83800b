package mlspark.optim;

import mlspark.data.SampleBlock;

/**
 * The loss and gradient sums of a data term over the blocks it has seen, mergeable with other
 * partial sums (the per-partition partials that Spark's treeAggregate combines).
 *
 * @param <A> the concrete aggregator type
 */
public interface BlockAggregator<A extends BlockAggregator<A>> extends Mergeable<A> {
    A add(SampleBlock block);

    /** The summed loss of the samples seen. */
    double loss();

    /** The summed gradient of the samples seen (length of the parameter vector). */
    double[] gradient();

    /** How many samples were seen. */
    long count();
}
