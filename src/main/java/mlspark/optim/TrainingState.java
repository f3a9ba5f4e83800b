package mlspark.optim;

/**
 * A trainer's state after a whole epoch, enough to continue exactly. Both iterative trainers have
 * the same checkpoint shape: they take a state to resume from (or none) and hand each new state to
 * a listener; the caller decides which states to keep and where, the trainers never write them.
 */
public interface TrainingState {
    /** Epochs done. */
    int epoch();
}
