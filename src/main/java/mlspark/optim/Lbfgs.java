package mlspark.optim;

import java.util.ArrayDeque;
import java.util.Deque;

import mlspark.errors.ParameterText;
import mlspark.errors.TrainingFailedException;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, Algorithm 7.4) for a smooth
 * function: the direction from the two-loop recursion over the last {@code memory} pairs (s, y),
 * the step by backtracking until the Armijo condition f(x + t d) <= f(x) + 1e-4 t g.d holds. Stops
 * after {@code maxIterations} or when the relative decrease of f falls below {@code tolerance}.
 */
public final class Lbfgs implements Minimizer {
    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 40;

    private final int memory;
    private final double tolerance;
    private int evaluations;

    public Lbfgs(int memory, double tolerance) {
        this.memory = memory;
        this.tolerance = tolerance;
    }

    @Override
    public int evaluations() {
        return evaluations;
    }

    /** L-BFGS keeps its curvature pairs besides the point: it starts afresh only. */
    @Override
    public boolean resumes() {
        return false;
    }

    @Override
    public boolean needsSmoothFunction() {
        return true;
    }

    @Override
    public boolean searchesLines() {
        return true;
    }

    /** Minimizes from {@code start} ({@code done} must be 0: see {@link #resumes()}). */
    @Override
    public double[] minimize(DifferentiableFunction f, double[] start, int done, int maxIterations, Listener listener) {
        if (done != 0) {
            throw new IllegalArgumentException("L-BFGS starts afresh only; cannot continue after iteration " + done);
        }
        int n = start.length;
        double[] x = start.clone();
        LossAndGradient current = evaluate(f, x, 0);
        evaluations = 1;
        Deque<double[][]> pairs = new ArrayDeque<>();
        for (int k = 0; k < maxIterations; k++) {
            double[] g = current.gradient();
            double[] d = direction(g, pairs);
            double slope = dot(g, d);
            if (!(slope < 0)) {
                pairs.clear();
                d = negate(g);
                slope = dot(g, d);
            }
            if (slope == 0) {
                break;
            }
            double t = pairs.isEmpty() ? 1 / Math.sqrt(dot(g, g)) : 1;
            double[] next = new double[n];
            LossAndGradient trial = null;
            for (int h = 0; h <= MAX_HALVINGS; h++) {
                for (int j = 0; j < n; j++) {
                    next[j] = x[j] + t * d[j];
                }
                trial = evaluate(f, next, k + 1);
                evaluations++;
                if (trial.loss() <= current.loss() + ARMIJO * t * slope) {
                    break;
                }
                t *= 0.5;
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int j = 0; j < n; j++) {
                s[j] = next[j] - x[j];
                y[j] = trial.gradient()[j] - g[j];
            }
            if (dot(s, y) > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
                pairs.addLast(new double[][]{s, y});
                if (pairs.size() > memory) {
                    pairs.removeFirst();
                }
            }
            double before = current.loss();
            x = next;
            current = trial;
            listener.afterIteration(k + 1, x.clone(), before);
            if (before - current.loss() <= tolerance * Math.max(1, Math.abs(before))) {
                break;
            }
        }
        return x;
    }

    private static LossAndGradient evaluate(DifferentiableFunction f, double[] x, int iteration) {
        LossAndGradient lg = f.evaluate(x);
        if (!Double.isFinite(lg.loss())) {
            throw new TrainingFailedException(TrainingFailedException.Kind.DIVERGED, ParameterText.of(
                    "L-BFGS diverged at iteration " + iteration + ": the objective is " + lg.loss()));
        }
        return lg;
    }

    /** -H g by the two-loop recursion, H_0 = (s'y / y'y) I of the newest pair. */
    private static double[] direction(double[] g, Deque<double[][]> pairs) {
        double[] q = g.clone();
        double[] a = new double[pairs.size()];
        int i = pairs.size() - 1;
        for (java.util.Iterator<double[][]> it = pairs.descendingIterator(); it.hasNext(); i--) {
            double[][] p = it.next();
            a[i] = dot(p[0], q) / dot(p[1], p[0]);
            axpy(-a[i], p[1], q);
        }
        if (!pairs.isEmpty()) {
            double[][] last = pairs.getLast();
            double gamma = dot(last[0], last[1]) / dot(last[1], last[1]);
            for (int j = 0; j < q.length; j++) {
                q[j] *= gamma;
            }
        }
        i = 0;
        for (double[][] p : pairs) {
            double b = dot(p[1], q) / dot(p[1], p[0]);
            axpy(a[i] - b, p[0], q);
            i++;
        }
        return negate(q);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int j = 0; j < x.length; j++) {
            y[j] += a * x[j];
        }
    }

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = -v[j];
        }
        return out;
    }
}
