package mlspark.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import mlspark.errors.ParameterText;
import mlspark.errors.TrainingFailedException;
import mlspark.optim.TrainingState;

/**
 * The assignment's solver: {@code epochs * (N / batchSize)} iterations, each an update from a
 * mini-batch of row indices drawn uniformly with replacement (seeded, on the driver, so the
 * batches do not depend on how the data is spread); the learning rate decays by
 * {@code lrDecay} after each epoch; after the first iteration and after each epoch the accuracy on
 * a random subset of the training rows and on all validation rows is measured.
 *
 * <p>With {@code localSteps > 1} an iteration is a local SGD round instead ({@link LocalSgd}):
 * every worker makes {@code localSteps} updates on its own rows, then the results are averaged;
 * an epoch is then {@code N / (batchSize * localSteps * workers)} rounds.
 *
 * <p>With {@code earlyStopping} (the assignment's way) the parameters with the best validation
 * accuracy are the result, and with {@code nIterNoChange > 0} training stops once the validation
 * accuracy has not exceeded its best by more than {@code tol} for {@code nIterNoChange} epochs in a
 * row (scikit-learn's MLPClassifier with early_stopping). Without it the last parameters are the
 * result, and with {@code nIterNoChange > 0} training stops once an epoch's mean training loss has
 * not fallen below its best by more than {@code tol} for {@code nIterNoChange} epochs in a row
 * (MLPClassifier's default): on a small validation set the accuracy saturates early, and the net
 * it selects is an early, undertrained one.
 */
public final class Solver {

    public record Config(int epochs, int batchSize, double learningRate, double lrDecay, UpdateRule rule,
                         double weightDecay, int localSteps, int trainSubset, long seed, boolean earlyStopping,
                         int nIterNoChange, double tol) {
        /** The assignment's: all {@code epochs} epochs, the net of the best validation accuracy the result. */
        public Config(int epochs, int batchSize, double learningRate, double lrDecay, UpdateRule rule, double weightDecay,
                      int localSteps, int trainSubset, long seed) {
            this(epochs, batchSize, learningRate, lrDecay, rule, weightDecay, localSteps, trainSubset, seed, true, 0, 0);
        }
    }

    /**
     * An evaluation: after {@code iteration} iterations (epoch 0 is the one after the first
     * iteration), the mean loss of the steps since the previous checkpoint, the learning rate in
     * force next, and the seconds spent training so far (evaluations not counted).
     */
    public record Checkpoint(int epoch, long iteration, double meanLoss, double trainAccuracy,
                             double validationAccuracy, double learningRate, double trainingSeconds) {
    }

    /**
     * The trained {@code net} (of the best validation accuracy with earlyStopping, else the last),
     * the best validation accuracy seen, {@code iterations} run (fewer than planned when
     * {@code stoppedEarly}), the loss of each of their steps.
     */
    public record Result(TwoLayerNet net, double bestValidationAccuracy, double[] loss, List<Checkpoint> checkpoints,
                         long iterations, int iterationsPerEpoch, double seconds, double trainingSeconds,
                         boolean stoppedEarly) {
    }

    /**
     * The solver's state at the end of an epoch, enough to continue exactly: parameters and
     * optimizer state as doubles (exact for float32 too), the learning rate, the history, the best
     * net so far. The random generators are not saved: a resumed run replays their draws.
     */
    public record State(int epoch, long iteration, double lr, int stateRows, int stateCols, double[] params,
                        double[] optimizerState, double[] best, double bestAccuracy, double[] loss,
                        List<Checkpoint> checkpoints, int lastCheckpointStep) implements TrainingState {
    }

    @FunctionalInterface
    public interface Listener {
        /** Hears of each checkpoint with the net as it is then (not to be modified). */
        void checkpoint(Checkpoint checkpoint, TwoLayerNet net);
    }

    private final Config config;

    public Solver(Config config) {
        this.config = config;
    }

    /** Iterations in an epoch over {@code trainSize} rows held by {@code workers} workers. */
    public int iterationsPerEpoch(int trainSize, int workers) {
        long perIteration = (long) config.batchSize() * (config.localSteps() > 1 ? config.localSteps() * (long) workers : 1);
        return (int) Math.max(trainSize / perIteration, 1);
    }

    public Result train(TwoLayerNet start, TrainingData data, Listener listener) {
        return train(start, data, listener, null, null);
    }

    /**
     * Trains from {@code start}, or continues from {@code from} (a state of an earlier run of the
     * same configuration), handing {@code states} (when not null) the state after every epoch.
     */
    public Result train(TwoLayerNet start, TrainingData data, Listener listener, State from,
                        Consumer<? super State> states) {
        int n = data.trainSize();
        int perEpoch = iterationsPerEpoch(n, data.workers());
        long iterations = (long) config.epochs() * perEpoch;
        int stepsPerIteration = Math.max(config.localSteps(), 1);
        SplittableRandom batches = new SplittableRandom(config.seed());
        SplittableRandom subsets = batches.split();

        TwoLayerNet net = start.copy();
        Matrix state = config.rule().newState(net.params());
        double lr = config.learningRate();
        double[] loss = new double[Math.toIntExact(iterations * stepsPerIteration)];
        List<Checkpoint> checkpoints = new ArrayList<>();
        TwoLayerNet best = net.copy();
        double bestAccuracy = -1;
        long started = System.nanoTime();
        long evaluating = 0;
        int epoch = 0;
        int lastCheckpointStep = 0;
        long first = 0;
        long done = iterations;
        if (from != null) {
            Precision p = net.precision();
            net = net.withParams(p.of(net.params().rows(), net.params().cols(), from.params()));
            state = p.of(from.stateRows(), from.stateCols(), from.optimizerState());
            best = net.withParams(p.of(net.params().rows(), net.params().cols(), from.best()));
            bestAccuracy = from.bestAccuracy();
            lr = from.lr();
            epoch = from.epoch();
            lastCheckpointStep = from.lastCheckpointStep();
            checkpoints.addAll(from.checkpoints());
            System.arraycopy(from.loss(), 0, loss, 0, from.loss().length);
            first = from.iteration();
            for (long it = 0; it < first; it++) {
                // the same draws, in the same order, as the iterations already done
                if (stepsPerIteration == 1) {
                    batches.ints(config.batchSize(), 0, n).toArray();
                } else {
                    batches.nextLong();
                }
                if (it == 0 || (it + 1) % perEpoch == 0) {
                    subsets.ints(config.trainSubset(), 0, n).toArray();
                }
            }
        }
        for (long it = first; it < iterations; it++) {
            if (stepsPerIteration == 1) {
                TwoLayerNet.Loss l = data.batchLoss(net, batches.ints(config.batchSize(), 0, n).toArray());
                double value = l.loss() + net.addWeightDecay(config.weightDecay(), l.gradient());
                requireFinite(value, it, epoch, lr);
                config.rule().apply(net.params(), l.gradient(), state, lr, it + 1);
                loss[(int) it] = value;
            } else {
                LocalSgd round = new LocalSgd(config.rule(), stepsPerIteration, config.batchSize(), lr,
                        config.weightDecay(), it * stepsPerIteration + 1, batches.nextLong());
                LocalSgd.Result r = data.localRound(net, state, round);
                for (int s = 0; s < stepsPerIteration; s++) {
                    requireFinite(r.losses()[s], it, epoch, lr);
                }
                System.arraycopy(r.losses(), 0, loss, (int) it * stepsPerIteration, stepsPerIteration);
                net = net.withParams(r.params());
                state = r.state();
            }
            boolean epochEnd = (it + 1) % perEpoch == 0;
            if (epochEnd) {
                epoch++;
                lr *= config.lrDecay();
            }
            if (it == 0 || epochEnd) {
                long evalStart = System.nanoTime();
                int[] subset = subsets.ints(config.trainSubset(), 0, n).toArray();
                int step = (int) (it + 1) * stepsPerIteration;
                Checkpoint c = new Checkpoint(epoch, it + 1, mean(loss, lastCheckpointStep, step), data.trainAccuracy(net, subset),
                        data.validationAccuracy(net), lr, (evalStart - started - evaluating) / 1e9);
                checkpoints.add(c);
                lastCheckpointStep = step;
                if (c.validationAccuracy() > bestAccuracy) {
                    bestAccuracy = c.validationAccuracy();
                    best = net.copy();
                }
                listener.checkpoint(c, net);
                evaluating += System.nanoTime() - evalStart;
            }
            if (epochEnd && plateaued(checkpoints)) {
                done = it + 1;
            }
            if (epochEnd && states != null) {
                states.accept(new State(epoch, it + 1, lr, state.rows(), state.cols(), net.params().toDoubles(),
                        state.toDoubles(), best.params().toDoubles(), bestAccuracy,
                        Arrays.copyOf(loss, (int) (it + 1) * stepsPerIteration), List.copyOf(checkpoints),
                        lastCheckpointStep));
            }
            if (done == it + 1) {
                break;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(config.earlyStopping() ? best : net, bestAccuracy,
                Arrays.copyOf(loss, (int) done * stepsPerIteration), List.copyOf(checkpoints), done, perEpoch, seconds,
                seconds - evaluating / 1e9, done < iterations);
    }

    /**
     * Whether the last {@code nIterNoChange} epochs all failed to beat the best score before them
     * by more than {@code tol}, the score being the validation accuracy with earlyStopping, else
     * the epoch's mean training loss, negated; a function of the history alone, so a resumed run
     * stops where the uninterrupted one does.
     */
    boolean plateaued(List<Checkpoint> history) {
        if (config.nIterNoChange() < 1) {
            return false;
        }
        double best = Double.NEGATIVE_INFINITY;
        int withoutChange = 0;
        for (Checkpoint c : history) {
            if (c.epoch() == 0) {
                continue;
            }
            double score = config.earlyStopping() ? c.validationAccuracy() : -c.meanLoss();
            withoutChange = score > best + config.tol() ? 0 : withoutChange + 1;
            best = Math.max(best, score);
        }
        return withoutChange >= config.nIterNoChange();
    }

    private static void requireFinite(double loss, long iteration, int epoch, double lr) {
        if (!Double.isFinite(loss)) {
            throw new TrainingFailedException(TrainingFailedException.Kind.DIVERGED, ParameterText.of(
                    "training diverged at iteration " + (iteration + 1) + " (epoch " + (epoch + 1) + "): the loss is "
                            + loss + " at learning rate " + lr + "; lower ", "stepSize", " or ", "weightScale",
                    ", or normalize the input (", "normalize", ")"));
        }
    }

    /** The mean of {@code values[from..to)}. */
    public static double mean(double[] values, int from, int to) {
        return Arrays.stream(values, from, to).average().orElse(Double.NaN);
    }
}
