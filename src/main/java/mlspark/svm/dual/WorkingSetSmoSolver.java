package mlspark.svm.dual;

import java.util.Arrays;

import mlspark.kernel.KernelBlocks;
import mlspark.linalg.Blas;

/**
 * SMO with large working sets (Joachims' decomposition, as ThunderSVM's CSMOSolver), {@code --solver smo}
 * and the cascade's sub-problems: the same problem and optimum as {@link SmoSolver} (LIBSVM's algorithm
 * row by row), with the kernel work batched.
 * <ol>
 *   <li>Stop when the maximal violating pair m(alpha) - M(alpha) < eps over all n points (LIBSVM's rule).</li>
 *   <li>A working set W of q points: the most violating ones, alternately the largest -y_i G_i of I_up
 *       and the smallest of I_low. From the second round on only half of W is chosen anew, replacing the
 *       older half; the newer half and its kernel rows stay, and so do the rows of replaced points chosen
 *       again (q >= 4; q = 2 is chosen whole each round: one new point would not always make a violating pair).</li>
 *   <li>The new points' kernel rows against all n points by one {@link KernelRows#fillRows} (one
 *       {@code Kernel.block}: a {@code dgemm} and the kernel's function, on two threads).</li>
 *   <li>The subproblem in alpha_W (the others fixed) solved by {@link SmoSolver} on the q x q matrix Q_WW
 *       from the current alpha_W and G_W, without shrinking: LIBSVM's second-order pair selection and
 *       two-variable step, to the same tolerance eps (measured: a looser local one, ThunderSVM's
 *       max(eps, 0.1 x the subproblem's initial violation), takes as many kernel rows in all), or at
 *       most {@code maxLocalIterations} pair steps.</li>
 *   <li>G += Q[:, W] (alpha_W' - alpha_W) for all n points, per half of W on its kernel rows by a
 *       {@code dgemv} on each of two threads, each on half of those rows.</li>
 * </ol>
 * A problem of at most q points is one working set: its kernel matrix by one {@link KernelRows#fillRows}
 * and {@link SmoSolver} on it whole, in the points' order and with shrinking, which is LIBSVM's Solver.
 * W always holds the global maximal violating pair, so every round decreases the objective. The
 * bias follows from G as LIBSVM's rho ({@link BiasRule#LIBSVM}). Memory: the kernel rows of W and a spare half, 1.5 q x n doubles.
 */
public final class WorkingSetSmoSolver implements DualSolver {
    /**
     * @param eps                stopping tolerance on the maximal violating pair (LIBSVM -e)
     * @param workingSetSize     q, the points of a working set: even, at least 2; by default 128, the fastest of
     *                           64 to 1024 on two moons of 50,000 points (more rows per round cost more kernel rows in all)
     * @param maxLocalIterations pair steps of one working set's subproblem at most
     * @param maxIterations      pair steps in all at most (the meaning of {@link SmoSolver.Settings#maxIterations})
     */
    public record Settings(double eps, int workingSetSize, int maxLocalIterations, int maxIterations)
            implements java.io.Serializable {
        public Settings {
            if (workingSetSize < 2 || workingSetSize % 2 != 0) {
                throw new IllegalArgumentException("working set size must be even and at least 2, got " + workingSetSize);
            }
            if (maxLocalIterations < 1 || maxIterations < 1) {
                throw new IllegalArgumentException("iteration limits must be positive, got " + maxLocalIterations
                        + " and " + maxIterations);
            }
        }

        public static Settings defaults() {
            return new Settings(1e-3, 128, 100_000, 10_000_000);
        }

        public Settings withEps(double value) {
            return new Settings(value, workingSetSize, maxLocalIterations, maxIterations);
        }

        public Settings withWorkingSetSize(int value) {
            return new Settings(eps, value, maxLocalIterations, maxIterations);
        }

        public Settings withMaxLocalIterations(int value) {
            return new Settings(eps, workingSetSize, value, maxIterations);
        }

        public Settings withMaxIterations(int value) {
            return new Settings(eps, workingSetSize, maxLocalIterations, value);
        }
    }

    /**
     * Where a solve spent its time.
     *
     * @param rounds           working sets solved
     * @param kernelRows       kernel rows computed
     * @param reusedRows       kernel rows of points chosen again into the half they were in, copied rather than computed
     * @param kernelSeconds    in {@link KernelRows#fillRows}
     * @param localSeconds     in the subproblems (Q_WW gathered, SMO on it)
     * @param gradientSeconds  in the updates of G over all points
     * @param selectionSeconds in the stopping test and the choice of working sets
     */
    public record Phases(int rounds, long kernelRows, long reusedRows, double kernelSeconds, double localSeconds,
                         double gradientSeconds, double selectionSeconds) {
    }

    /** A solution and where its time went. */
    public record Run(DualSolution solution, Phases phases) {
    }

    private final Settings settings;

    public WorkingSetSmoSolver(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "smo";
    }

    @Override
    public boolean readsRows() {
        return true;
    }

    @Override
    public DualSolution solve(DualProblem problem) {
        return run(problem, null, null).solution();
    }

    /**
     * Solves from a feasible starting point (0 <= a_i <= C_i, y'a = 0; null for a = 0) whose gradient
     * G_i = sum_j a_j Q_ij - 1 is given, or null: computed from the kernel rows of the non-zero a_j.
     */
    public Run run(DualProblem problem, double[] initialAlpha, double[] initialGradient) {
        int n = problem.size();
        if (initialGradient != null && initialAlpha == null) {
            throw new IllegalArgumentException("an initial gradient needs its initial alpha");
        }
        if (initialAlpha != null && initialAlpha.length != n
                || initialGradient != null && initialGradient.length != n) {
            throw new IllegalArgumentException("initial alpha or gradient of another length than the problem's "
                    + n + " samples");
        }
        long start = System.nanoTime();
        if (n <= settings.workingSetSize()) {
            return whole(problem, initialAlpha, start);
        }
        return new Round(problem, initialAlpha, initialGradient).solve(start);
    }

    /** The problem as one working set (its gradient from the kernel matrix, which is at hand). */
    private Run whole(DualProblem problem, double[] initialAlpha, long start) {
        int n = problem.size();
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        double[] gram = new double[n * n];
        problem.kernel().fillRows(all, 0, n, gram);
        long kernelNanos = System.nanoTime() - start;
        DualSolution s = new SmoSolver(SmoSolver.Settings.defaults().withEps(settings.eps())
                .withMaxIterations(settings.maxIterations()))
                .solve(new DualProblem(new GramMatrixRows(n, gram), problem.y(), problem.costs()), initialAlpha);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(new DualSolution(name(), s.alpha(), s.gradient(), s.dualObjective(), s.iterations(), seconds,
                s.kktResidual(), s.converged(), s.status()),
                new Phases(1, n, 0, kernelNanos / 1e9, seconds - kernelNanos / 1e9, 0, 0));
    }

    /** The state of one solve. */
    private final class Round {
        final DualProblem problem;
        final int n;
        final double[] y;
        final double[] alpha;
        final double[] gradient;
        /** Half b of the working set: its points members[b][0, count[b]) and their kernel rows, count x n. */
        final int half;
        final int[][] members;
        final int[] count = new int[2];
        final double[][] rows;
        /** A third buffer of rows, where {@link #replaceHalf} puts the new half's. */
        double[] spare;
        /** Scratch of {@link #replaceHalf}: a point's row in the replaced half, else -1. */
        final int[] position;
        /** Scratch: K[:, W] (y delta)_W, the sum of the two halves of W's rows. */
        final double[] product;
        final double[] secondProduct;
        final boolean[] chosen;
        long kernelNanos;
        long localNanos;
        long gradientNanos;
        long selectionNanos;
        long kernelRows;
        long reusedRows;
        int rounds;
        int pairSteps;

        Round(DualProblem problem, double[] initialAlpha, double[] initialGradient) {
            this.problem = problem;
            n = problem.size();
            y = problem.y();
            alpha = initialAlpha == null ? new double[n] : initialAlpha.clone();
            half = Math.min(settings.workingSetSize() / 2, Math.max(1, n));
            members = new int[2][half];
            rows = new double[2][half * n];
            spare = new double[half * n];
            position = new int[n];
            Arrays.fill(position, -1);
            product = new double[n];
            secondProduct = new double[n];
            chosen = new boolean[n];
            if (initialGradient != null) {
                gradient = initialGradient.clone();
                return;
            }
            gradient = new double[n];
            Arrays.fill(gradient, -1);
            int[] support = new int[n];
            int s = 0;
            for (int i = 0; i < n; i++) {
                if (alpha[i] != 0) {
                    support[s++] = i;
                }
            }
            for (int from = 0; from < s; from += half) {
                int to = Math.min(s, from + half);
                long start = System.nanoTime();
                problem.kernel().fillRows(support, from, to, rows[0]);
                kernelNanos += System.nanoTime() - start;
                kernelRows += to - from;
                double[] coefficients = new double[to - from];
                for (int t = from; t < to; t++) {
                    coefficients[t - from] = y[support[t]] * alpha[support[t]];
                }
                start = System.nanoTime();
                addToGradient(rows[0], coefficients, to - from);
                gradientNanos += System.nanoTime() - start;
            }
        }

        Run solve(long start) {
            boolean keepHalf = settings.workingSetSize() >= 4;
            boolean converged = false;
            while (true) {
                long t0 = System.nanoTime();
                double[] bounds = DualKkt.violationBounds(alpha, gradient, y, problem.costs());
                if (bounds[0] - bounds[1] < settings.eps()) {
                    converged = true;
                    selectionNanos += System.nanoTime() - t0;
                    break;
                }
                if (pairSteps >= settings.maxIterations()) {
                    selectionNanos += System.nanoTime() - t0;
                    break;
                }
                // the older half is replaced: half 0 in odd rounds, half 1 in even ones
                int replaced = rounds % 2 == 1 ? 0 : 1;
                boolean both = rounds == 0 || !keepHalf;
                Arrays.fill(chosen, false);
                if (!both) {
                    for (int t = 0; t < count[1 - replaced]; t++) {
                        chosen[members[1 - replaced][t]] = true;
                    }
                }
                int[] picked = select(both ? 2 * half : half);
                selectionNanos += System.nanoTime() - t0;
                if (both) {
                    fillHalf(0, picked, 0, Math.min(half, picked.length));
                    fillHalf(1, picked, Math.min(half, picked.length), picked.length);
                } else {
                    replaceHalf(replaced, picked);
                }
                solveSubproblem();
                rounds++;
            }
            String status = converged ? "optimal (max violating pair < eps " + settings.eps() + ")"
                    : "iteration limit (" + settings.maxIterations() + ")";
            DualSolution solution = new DualSolution(name(), alpha, gradient, DualKkt.dualObjective(alpha, gradient),
                    pairSteps, (System.nanoTime() - start) / 1e9,
                    DualKkt.residual(alpha, gradient, problem), converged, status);
            return new Run(solution, new Phases(rounds, kernelRows, reusedRows, kernelNanos / 1e9, localNanos / 1e9,
                    gradientNanos / 1e9, selectionNanos / 1e9));
        }

        /**
         * Half b := the points {@code picked} and their kernel rows, the rows of those that were in half b
         * already copied, the others computed (into the spare buffer, which then swaps with half b's).
         */
        void replaceHalf(int b, int[] picked) {
            for (int t = 0; t < count[b]; t++) {
                position[members[b][t]] = t;
            }
            int[] computed = new int[picked.length];
            int[] reused = new int[picked.length];
            int c = 0;
            int r = 0;
            for (int p : picked) {
                if (position[p] >= 0) {
                    reused[r++] = p;
                } else {
                    computed[c++] = p;
                }
            }
            long start = System.nanoTime();
            problem.kernel().fillRows(computed, 0, c, spare);
            kernelNanos += System.nanoTime() - start;
            kernelRows += c;
            reusedRows += r;
            for (int t = 0; t < r; t++) {
                System.arraycopy(rows[b], position[reused[t]] * n, spare, (c + t) * n, n);
            }
            for (int t = 0; t < count[b]; t++) {
                position[members[b][t]] = -1;
            }
            System.arraycopy(computed, 0, members[b], 0, c);
            System.arraycopy(reused, 0, members[b], c, r);
            count[b] = c + r;
            double[] swapped = rows[b];
            rows[b] = spare;
            spare = swapped;
        }

        /** Half b := the points picked[from, to) and their kernel rows. */
        void fillHalf(int b, int[] picked, int from, int to) {
            count[b] = to - from;
            System.arraycopy(picked, from, members[b], 0, to - from);
            long start = System.nanoTime();
            problem.kernel().fillRows(members[b], 0, count[b], rows[b]);
            kernelNanos += System.nanoTime() - start;
            kernelRows += count[b];
        }

        /**
         * Up to {@code wanted} points not yet chosen, alternately the next of I_up by largest -y_i G_i
         * and of I_low by smallest (ThunderSVM's select_working_set); fewer when both run out.
         */
        int[] select(int wanted) {
            double[] violation = new double[n];
            boolean[] up = new boolean[n];
            boolean[] low = new boolean[n];
            for (int i = 0; i < n; i++) {
                violation[i] = -y[i] * gradient[i];
                boolean belowC = alpha[i] < problem.cost(i);
                boolean aboveZero = alpha[i] > 0;
                up[i] = !chosen[i] && (y[i] > 0 ? belowC : aboveZero);
                low[i] = !chosen[i] && (y[i] > 0 ? aboveZero : belowC);
            }
            int[] ups = largest(violation, 1, up, wanted);
            int[] lows = largest(violation, -1, low, wanted);
            int[] picked = new int[wanted];
            int k = 0;
            int u = 0;
            int l = 0;
            while (k < wanted && (u < ups.length || l < lows.length)) {
                while (u < ups.length && chosen[ups[u]]) {
                    u++;
                }
                if (u < ups.length) {
                    chosen[ups[u]] = true;
                    picked[k++] = ups[u++];
                }
                while (l < lows.length && chosen[lows[l]]) {
                    l++;
                }
                if (k < wanted && l < lows.length) {
                    chosen[lows[l]] = true;
                    picked[k++] = lows[l++];
                }
            }
            return Arrays.copyOf(picked, k);
        }

        /** SMO on alpha_W from the current point, then G updated by the change of alpha_W. */
        void solveSubproblem() {
            long start = System.nanoTime();
            int w = count[0] + count[1];
            int[] ws = new int[w];
            System.arraycopy(members[0], 0, ws, 0, count[0]);
            System.arraycopy(members[1], 0, ws, count[0], count[1]);
            double[] kww = new double[w * w];
            for (int s = 0; s < w; s++) {
                double[] r = rows[s < count[0] ? 0 : 1];
                int offset = (s < count[0] ? s : s - count[0]) * n;
                for (int t = 0; t < w; t++) {
                    kww[s * w + t] = r[offset + ws[t]];
                }
            }
            double[] yW = new double[w];
            double[] alphaW = new double[w];
            double[] gradientW = new double[w];
            for (int s = 0; s < w; s++) {
                yW[s] = y[ws[s]];
                alphaW[s] = alpha[ws[s]];
                gradientW[s] = gradient[ws[s]];
            }
            int steps = Math.min(settings.maxLocalIterations(), settings.maxIterations() - pairSteps);
            SmoSolver local = new SmoSolver(new SmoSolver.Settings(settings.eps(), false,
                    (long) w * w * Double.BYTES + (4L * w + 16) * Double.BYTES, steps));
            DualSolution s = local.solve(new DualProblem(new GramMatrixRows(w, kww), yW, problem.costs()), alphaW,
                    gradientW, new double[w]);
            pairSteps += s.iterations();
            localNanos += System.nanoTime() - start;

            start = System.nanoTime();
            double[][] coefficients = new double[2][];
            for (int b = 0; b < 2; b++) {
                coefficients[b] = new double[count[b]];
            }
            for (int t = 0; t < w; t++) {
                int b = t < count[0] ? 0 : 1;
                coefficients[b][b == 0 ? t : t - count[0]] = yW[t] * (s.alpha()[t] - alphaW[t]);
                alpha[ws[t]] = s.alpha()[t];
            }
            for (int b = 0; b < 2; b++) {
                addToGradient(rows[b], coefficients[b], count[b]);
            }
            gradientNanos += System.nanoTime() - start;
        }

        /**
         * G_i += y_i sum_t K(w_t, i) c_t over the m kernel rows of {@code kernelRows}.
         */
        void addToGradient(double[] kernelRows, double[] coefficients, int m) {
            boolean any = false;
            for (int t = 0; t < m && !any; t++) {
                any = coefficients[t] != 0;
            }
            if (!any) {
                return;
            }
            // the row-major m x n rows are the column-major n x m matrix K[:, W]; its two halves of columns
            // (kernel rows) each by one dgemv on a thread of its own, into a vector of its own
            Arrays.fill(secondProduct, 0);
            double[][] products = {product, secondProduct};
            KernelBlocks.inTwoHalves(m, n, (from, to) -> Blas.blas().dgemv("N", n, to - from, 1.0, kernelRows,
                    from * n, n, coefficients, from, 1, 0.0, products[from == 0 ? 0 : 1], 0, 1));
            for (int i = 0; i < n; i++) {
                gradient[i] += y[i] * (product[i] + secondProduct[i]);
            }
        }
    }

    /**
     * The (at most) k eligible indices of the largest sign x key, largest first, by a min-heap of k
     * entries: O(n log k).
     */
    static int[] largest(double[] key, double sign, boolean[] eligible, int k) {
        int[] heap = new int[k];
        int size = 0;
        for (int i = 0; i < key.length; i++) {
            if (!eligible[i]) {
                continue;
            }
            double v = sign * key[i];
            if (size < k) {
                int at = size++;
                while (at > 0 && sign * key[heap[(at - 1) / 2]] > v) {
                    heap[at] = heap[(at - 1) / 2];
                    at = (at - 1) / 2;
                }
                heap[at] = i;
            } else if (k > 0 && v > sign * key[heap[0]]) {
                siftDown(heap, size, i, key, sign);
            }
        }
        int[] sorted = new int[size];
        for (int t = size - 1; t >= 0; t--) {
            sorted[t] = heap[0];
            siftDown(heap, t, heap[t], key, sign);
        }
        return sorted;
    }

    /** Puts {@code index} at the root of the min-heap heap[0, size) and sifts it down. */
    private static void siftDown(int[] heap, int size, int index, double[] key, double sign) {
        double v = sign * key[index];
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && sign * key[heap[child + 1]] < sign * key[heap[child]]) {
                child++;
            }
            if (sign * key[heap[child]] >= v) {
                break;
            }
            heap[at] = heap[child];
            at = child;
        }
        if (size > 0) {
            heap[at] = index;
        }
    }
}
