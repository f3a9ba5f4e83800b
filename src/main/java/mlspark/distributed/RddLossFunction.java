package mlspark.distributed;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.Serializable;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

import mlspark.data.BulkArrays;
import mlspark.data.SampleBlock;
import mlspark.optim.BlockAggregator;
import mlspark.optim.DifferentiableFunction;
import mlspark.optim.LossAndGradient;

/**
 * A data term summed over an RDD of sample blocks: each evaluation broadcasts the parameters,
 * every partition adds its blocks into an aggregator, and {@link OrderedTreeSum} sums the
 * partials with {@code treeAggregate} in a fixed order, so the result is bitwise the same whatever
 * order tasks finish or are retried in (and whatever the depth of the tree).
 *
 * @param <A> the aggregator of one block
 */
public final class RddLossFunction<A extends BlockAggregator<A>> implements DifferentiableFunction {
    /**
     * Partial sums up to this many bytes in all (partitions x parameters x 8) are summed on the
     * driver in one level: a deeper tree would add a shuffle stage of them per evaluation.
     */
    static final long ONE_LEVEL_BYTES = 64L << 20;

    /** The broadcast parameters as tasks see them; serialized in bulk (a D of 2^20 is 8 MiB a step). */
    public static final class Parameters implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Broadcast<Vector> broadcast;

        Parameters(Broadcast<Vector> broadcast) {
            this.broadcast = broadcast;
        }

        public double[] value() {
            return broadcast.value().values;
        }
    }

    /** The broadcast value: the parameters, serialized by {@link BulkArrays}. */
    static final class Vector implements Externalizable {
        private static final long serialVersionUID = 1L;
        private double[] values;

        /** For deserialization. */
        public Vector() {
        }

        Vector(double[] values) {
            this.values = values;
        }

        @Override
        public void writeExternal(ObjectOutput out) throws IOException {
            BulkArrays.writeDoubles(out, values);
        }

        @Override
        public void readExternal(ObjectInput in) throws IOException {
            values = BulkArrays.readDoubles(in);
        }
    }

    private final JavaRDD<SampleBlock> blocks;
    private final Function<Parameters, A> newAggregator;
    private final int depth;

    /**
     * @param newAggregator makes an empty aggregator that reads the parameters from the broadcast
     *                      (inside the task, so they travel once per executor)
     * @param depth         the most levels of {@code treeAggregate}; one where the partials are small
     *                      ({@link #ONE_LEVEL_BYTES})
     */
    public RddLossFunction(JavaRDD<SampleBlock> blocks, Function<Parameters, A> newAggregator, int depth) {
        this.blocks = blocks;
        this.newAggregator = newAggregator;
        this.depth = depth;
    }

    @Override
    public LossAndGradient evaluate(double[] parameters) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(blocks.context());
        Broadcast<Vector> bc = sc.broadcast(new Vector(parameters));
        try {
            Function<Parameters, A> factory = newAggregator;
            Parameters shared = new Parameters(bc);
            long partialBytes = 8L * parameters.length * blocks.getNumPartitions();
            A total = OrderedTreeSum.sum(blocks, it -> {
                A partial = factory.call(shared);
                while (it.hasNext()) {
                    partial.add(it.next());
                }
                return partial;
            }, partialBytes <= ONE_LEVEL_BYTES ? 1 : depth);
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
