package mlspark.nn;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * One round of local SGD on one worker: {@code steps} updates with mini-batches of
 * {@code batchSize} rows drawn (with replacement, seeded by the round's seed and the worker's
 * first row) from the worker's own rows. The rounds' results are averaged across workers, which
 * trades exactness (the average of local walks is not a walk on the union) for one coordination
 * per {@code steps} updates.
 */
public record LocalSgd(UpdateRule rule, int steps, int batchSize, double learningRate, double reg, long firstStep,
                       long seed) implements Serializable {

    /** Parameters and update state after the round, and the loss of each step (mean over workers when merged). */
    public record Result(Matrix params, Matrix state, double[] losses) implements Serializable {
    }

    public Result run(TwoLayerNet start, Matrix startState, LabeledRows rows, long workerKey) {
        TwoLayerNet net = start.copy();
        Matrix state = startState.copy();
        SplittableRandom random = new SplittableRandom(seed ^ (workerKey * 0x9E3779B97F4A7C15L));
        double[] losses = new double[steps];
        for (int s = 0; s < steps; s++) {
            LabeledRows batch = rows.gather(random.ints(batchSize, 0, rows.size()).toArray());
            TwoLayerNet.Loss loss = net.loss(batch.x(), batch.labels(), reg);
            losses[s] = loss.loss();
            if (!Double.isFinite(losses[s])) {
                break;
            }
            rule.apply(net.params(), loss.gradient(), state, learningRate, firstStep + s);
        }
        return new Result(net.params(), state, losses);
    }
}
