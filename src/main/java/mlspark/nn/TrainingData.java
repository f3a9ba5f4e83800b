package mlspark.nn;

/**
 * The training and validation data as the {@link Solver} sees them, wherever they live: mean
 * losses and gradients of mini-batches given by the rows' global indices, accuracies, and local
 * SGD rounds over the data's workers.
 */
public interface TrainingData {
    /** How many training rows; batch indices are in {@code [0, trainSize)}. */
    int trainSize();

    /** How many workers hold the training rows (each runs its own steps in a local SGD round). */
    int workers();

    /** The mean data loss of the rows {@code batch} (repeats count) and its gradient, without weight decay. */
    TwoLayerNet.Loss batchLoss(TwoLayerNet net, int[] batch);

    /** The fraction of the training rows {@code rows} classified correctly. */
    double trainAccuracy(TwoLayerNet net, int[] rows);

    double validationAccuracy(TwoLayerNet net);

    /** Runs {@code round} on every worker from {@code net} and {@code state}; the row-weighted average of the results. */
    LocalSgd.Result localRound(TwoLayerNet net, Matrix state, LocalSgd round);
}
