package mlspark.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

import mlspark.data.SampleBlock;
import mlspark.optim.BlockAggregator;
import mlspark.optim.DifferentiableFunction;
import mlspark.optim.LossAndGradient;

/**
 * A data term summed over an RDD of sample blocks: each evaluation broadcasts the parameters,
 * every partition adds its blocks into an aggregator, and {@link OrderedTreeSum} sums the
 * partials with {@code treeAggregate} in a fixed order, so the result is bitwise the same whatever
 * order tasks finish or are retried in.
 *
 * @param <A> the aggregator of one block
 */
public final class RddLossFunction<A extends BlockAggregator<A>> implements DifferentiableFunction {
    private final JavaRDD<SampleBlock> blocks;
    private final Function<Broadcast<double[]>, A> newAggregator;
    private final int depth;

    /**
     * @param newAggregator makes an empty aggregator that reads the parameters from the broadcast
     *                      (inside the task, so they travel once per executor)
     */
    public RddLossFunction(JavaRDD<SampleBlock> blocks, Function<Broadcast<double[]>, A> newAggregator, int depth) {
        this.blocks = blocks;
        this.newAggregator = newAggregator;
        this.depth = depth;
    }

    @Override
    public LossAndGradient evaluate(double[] parameters) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(blocks.context());
        Broadcast<double[]> bc = sc.broadcast(parameters);
        try {
            Function<Broadcast<double[]>, A> factory = newAggregator;
            A total = OrderedTreeSum.sum(blocks, it -> {
                A partial = factory.call(bc);
                while (it.hasNext()) {
                    partial.add(it.next());
                }
                return partial;
            }, depth);
            return new LossAndGradient(total.loss(), total.gradient());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            bc.destroy();
        }
    }

}
