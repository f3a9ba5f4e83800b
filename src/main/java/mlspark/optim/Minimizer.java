package mlspark.optim;

/**
 * An iterative minimizer of a {@link DifferentiableFunction}: from a start point it runs up to a
 * number of iterations, telling a listener the point after each. The trainers take one and know
 * nothing of how it steps; {@link Optimizer} lists the ones a model can be trained with.
 */
public interface Minimizer {
    /** Told after every iteration: the iteration just done (1-based), the point after it, and f before it. */
    @FunctionalInterface
    interface Listener {
        void afterIteration(int iteration, double[] point, double lossBefore);
    }

    /**
     * Continues from {@code point}, the point after {@code done} iterations (0: a fresh start), up to
     * {@code iterations} in all; returns the last point ({@code point} is not modified). A minimizer
     * that stops early (converged) returns before {@code iterations}.
     *
     * @throws IllegalArgumentException with {@code done > 0} when the minimizer does not {@link #resumes()}
     */
    double[] minimize(DifferentiableFunction f, double[] point, int done, int iterations, Listener listener);

    /** From a fresh start: {@code minimize(f, start, 0, iterations, listener)}. */
    default double[] minimize(DifferentiableFunction f, double[] start, int iterations, Listener listener) {
        return minimize(f, start, 0, iterations, listener);
    }

    /**
     * Whether the point and the iteration count are the whole state, so that a run continued from a
     * saved point ends where the uninterrupted run would have ended.
     */
    boolean resumes();

    /** Whether f must be smooth (continuously differentiable); else a subgradient will do. */
    boolean needsSmoothFunction();

    /** Whether an iteration may evaluate f more than once (a line search), so evaluations and iterations differ. */
    boolean searchesLines();

    /** Evaluations of f (each a pass over the data on Spark) of the last {@link #minimize}. */
    int evaluations();
}
