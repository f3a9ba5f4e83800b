package mlspark.svm.dual;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import mlspark.kernel.KernelBlocks;

/**
 * SMO with large working sets (Joachims' decomposition, as ThunderSVM's CSMOSolver), {@code --solver smo}
 * and the cascade's sub-problems: the same problem and optimum as {@link SmoSolver} (LIBSVM's algorithm
 * row by row), with the kernel work batched.
 * <ol>
 *   <li>Stop when the maximal violating pair m(alpha) - M(alpha) < eps over all n points (LIBSVM's rule).</li>
 *   <li>A working set W of q points: the most violating ones, alternately the largest -y_i G_i of I_up
 *       and the smallest of I_low. From the second round on only half of W is chosen anew, replacing the
 *       older half (q >= 4; q = 2 is chosen whole each round: one new point would not always make a violating
 *       pair).</li>
 *   <li>W's kernel rows against all n points from a cache of the rows last used ({@code cacheBytes}, least
 *       recently used evicted first), those not there computed by one {@link KernelRows#fillRows} (one
 *       {@code Kernel.block}: a {@code dgemm} and the kernel's function).</li>
 *   <li>The subproblem in alpha_W (the others fixed) solved by {@link SmoSolver} on the q x q matrix Q_WW
 *       from the current alpha_W and G_W, without shrinking: LIBSVM's second-order pair selection and
 *       two-variable step, to the same tolerance eps (measured: a looser local one, ThunderSVM's
 *       max(eps, 0.1 x the subproblem's initial violation), takes as many kernel rows in all), or at
 *       most {@code maxLocalIterations} pair steps.</li>
 *   <li>G += Q[:, W] (alpha_W' - alpha_W) for all n points, over the rows of W whose alpha changed, the
 *       points in two halves on two threads.</li>
 * </ol>
 * A problem of at most q points is one working set: its kernel matrix by one {@link KernelRows#fillRows}
 * and {@link SmoSolver} on it whole, in the points' order and with shrinking, which is LIBSVM's Solver.
 * W always holds the global maximal violating pair, so every round decreases the objective. The
 * bias follows from G as LIBSVM's rho ({@link BiasRule#LIBSVM}). Memory: the cache, at least q kernel rows (q x n
 * doubles, or floats: {@link KernelPrecision#FLOAT32}, with G, alpha and all sums in double as LIBSVM's Qfloat),
 * and q/2 rows of scratch.
 */
public final class WorkingSetSmoSolver implements DualSolver {
    /**
     * @param eps                stopping tolerance on the maximal violating pair (LIBSVM -e)
     * @param workingSetSize     q, the points of a working set: even, at least 2; by default 128, the fastest of
     *                           64 to 1024 on two moons of 50,000 points (more rows per round cost more kernel rows in all)
     * @param maxLocalIterations pair steps of one working set's subproblem at most
     * @param maxIterations      pair steps in all at most (the meaning of {@link SmoSolver.Settings#maxIterations})
     * @param cacheBytes         the kernel rows kept across working sets, in bytes (LIBSVM -m); at least q rows are kept
     * @param kernelPrecision    the kernel rows' storage: float32 keeps twice the rows in {@code cacheBytes}
     */
    public record Settings(double eps, int workingSetSize, int maxLocalIterations, int maxIterations, long cacheBytes,
                           KernelPrecision kernelPrecision) implements java.io.Serializable {
        public Settings {
            if (workingSetSize < 2 || workingSetSize % 2 != 0) {
                throw new IllegalArgumentException("working set size must be even and at least 2, got " + workingSetSize);
            }
            if (maxLocalIterations < 1 || maxIterations < 1) {
                throw new IllegalArgumentException("iteration limits must be positive, got " + maxLocalIterations
                        + " and " + maxIterations);
            }
            if (cacheBytes < 0) {
                throw new IllegalArgumentException("cache bytes must be >= 0, got " + cacheBytes);
            }
            java.util.Objects.requireNonNull(kernelPrecision, "kernel precision");
        }

        public static Settings defaults() {
            return new Settings(1e-3, 128, 100_000, 10_000_000, 256L << 20, KernelPrecision.FLOAT64);
        }

        public Settings withEps(double value) {
            return new Settings(value, workingSetSize, maxLocalIterations, maxIterations, cacheBytes, kernelPrecision);
        }

        public Settings withWorkingSetSize(int value) {
            return new Settings(eps, value, maxLocalIterations, maxIterations, cacheBytes, kernelPrecision);
        }

        public Settings withMaxLocalIterations(int value) {
            return new Settings(eps, workingSetSize, value, maxIterations, cacheBytes, kernelPrecision);
        }

        public Settings withMaxIterations(int value) {
            return new Settings(eps, workingSetSize, maxLocalIterations, value, cacheBytes, kernelPrecision);
        }

        public Settings withCacheBytes(long value) {
            return new Settings(eps, workingSetSize, maxLocalIterations, maxIterations, value, kernelPrecision);
        }

        public Settings withKernelPrecision(KernelPrecision value) {
            return new Settings(eps, workingSetSize, maxLocalIterations, maxIterations, cacheBytes, value);
        }
    }

    /**
     * Where a solve spent its time.
     *
     * @param rounds           working sets solved
     * @param kernelRows       kernel rows computed
     * @param reusedRows       kernel rows of working-set members found in the cache rather than computed
     * @param kernelSeconds    in {@link KernelRows#fillRows}
     * @param localSeconds     in the subproblems (Q_WW gathered, SMO on it)
     * @param gradientSeconds  in the updates of G over all points
     * @param selectionSeconds in the stopping test and the choice of working sets
     */
    public record Phases(int rounds, long kernelRows, long reusedRows, double kernelSeconds, double localSeconds,
                         double gradientSeconds, double selectionSeconds) implements java.io.Serializable {
    }

    /** A solution and where its time went (also its {@link DualSolution#phases}). */
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
        if (settings.kernelPrecision() == KernelPrecision.FLOAT32) {
            float[] rows = new float[n * n];
            problem.kernel().fillRows(all, 0, n, rows);
            for (int t = 0; t < rows.length; t++) {
                gram[t] = rows[t];
            }
        } else {
            problem.kernel().fillRows(all, 0, n, gram);
        }
        long kernelNanos = System.nanoTime() - start;
        DualSolution s = new SmoSolver(SmoSolver.Settings.defaults().withEps(settings.eps())
                .withMaxIterations(settings.maxIterations()))
                .solve(new DualProblem(new GramMatrixRows(n, gram), problem.y(), problem.costs()), initialAlpha);
        double seconds = (System.nanoTime() - start) / 1e9;
        Phases phases = new Phases(1, n, 0, kernelNanos / 1e9, seconds - kernelNanos / 1e9, 0, 0);
        return new Run(new DualSolution(name(), s.alpha(), s.gradient(), s.dualObjective(), s.iterations(), seconds,
                s.kktResidual(), s.converged(), s.status(), phases), phases);
    }

    /**
     * The kernel rows of the points last used, least recently used evicted first: a point's row computed
     * once while it keeps coming back into working sets (the support vectors do: on an MNIST class pair
     * of 11,791 rows, 1,493 distinct points made the 9,733 new members of 153 working sets). Rows are
     * computed {@code chunk} at a time by one {@link KernelRows#fillRows}. A row is a double[], or a float[] for
     * {@link KernelPrecision#FLOAT32} ({@link #value}).
     */
    private static final class RowCache {
        private final KernelRows kernel;
        private final int n;
        private final int capacity;
        private final boolean single;
        private final LinkedHashMap<Integer, Object> rows;
        /** Scratch of {@code chunk} rows: a double[] or a float[]. */
        private final Object block;
        private final int chunk;
        long computed;
        long hits;
        long nanos;

        RowCache(KernelRows kernel, int capacity, int chunk, KernelPrecision precision) {
            this.kernel = kernel;
            n = kernel.size();
            this.capacity = capacity;
            this.chunk = chunk;
            single = precision == KernelPrecision.FLOAT32;
            rows = new LinkedHashMap<>(16, 0.75f, true);
            block = single ? new float[chunk * n] : new double[chunk * n];
        }

        /** Entry j of a row of this cache. */
        static double value(Object row, int j) {
            return row instanceof float[] f ? f[j] : ((double[]) row)[j];
        }

        /**
         * The rows of {@code points}, at most {@code capacity} of them, all kept until the next call (they
         * are the most recently used): those found are touched first, the others then computed into the
         * slots of the least recently used.
         */
        Object[] rows(int[] points, int count) {
            Object[] out = new Object[count];
            int[] missing = new int[count];
            int m = 0;
            for (int t = 0; t < count; t++) {
                out[t] = rows.get(points[t]);
                if (out[t] == null) {
                    missing[m++] = t;
                } else {
                    hits++;
                }
            }
            int[] asked = new int[chunk];
            for (int from = 0; from < m; from += chunk) {
                int to = Math.min(m, from + chunk);
                for (int u = from; u < to; u++) {
                    asked[u - from] = points[missing[u]];
                }
                long start = System.nanoTime();
                if (single) {
                    kernel.fillRows(asked, 0, to - from, (float[]) block);
                } else {
                    kernel.fillRows(asked, 0, to - from, (double[]) block);
                }
                nanos += System.nanoTime() - start;
                computed += to - from;
                for (int u = from; u < to; u++) {
                    Object row = slot();
                    System.arraycopy(block, (u - from) * n, row, 0, n);
                    rows.put(points[missing[u]], row);
                    out[missing[u]] = row;
                }
            }
            return out;
        }

        /** A row's storage: a new one below capacity, else the least recently used one's. */
        private Object slot() {
            if (rows.size() < capacity) {
                return single ? new float[n] : new double[n];
            }
            Iterator<Map.Entry<Integer, Object>> eldest = rows.entrySet().iterator();
            Object row = eldest.next().getValue();
            eldest.remove();
            return row;
        }
    }

    /** The state of one solve. */
    private final class Round {
        final DualProblem problem;
        final int n;
        final double[] y;
        final double[] alpha;
        final double[] gradient;
        /** Half b of the working set: its points members[b][0, count[b]). */
        final int half;
        final int[][] members;
        final int[] count = new int[2];
        final RowCache cache;
        /** Scratch: K[:, W] (y delta)_W. */
        final double[] product;
        final boolean[] chosen;
        long localNanos;
        long gradientNanos;
        long selectionNanos;
        int rounds;
        int pairSteps;

        Round(DualProblem problem, double[] initialAlpha, double[] initialGradient) {
            this.problem = problem;
            n = problem.size();
            y = problem.y();
            alpha = initialAlpha == null ? new double[n] : initialAlpha.clone();
            half = Math.min(settings.workingSetSize() / 2, Math.max(1, n));
            members = new int[2][half];
            long budget = settings.cacheBytes() / ((long) n * settings.kernelPrecision().bytes());
            cache = new RowCache(problem.kernel(), (int) Math.min(n, Math.max(2L * half, budget)), half,
                    settings.kernelPrecision());
            product = new double[n];
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
                int[] points = Arrays.copyOfRange(support, from, to);
                Object[] rows = cache.rows(points, to - from);
                double[] coefficients = new double[to - from];
                for (int t = from; t < to; t++) {
                    coefficients[t - from] = y[support[t]] * alpha[support[t]];
                }
                long start = System.nanoTime();
                addToGradient(rows, coefficients);
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
                    count[0] = Math.min(half, picked.length);
                    count[1] = picked.length - count[0];
                    System.arraycopy(picked, 0, members[0], 0, count[0]);
                    System.arraycopy(picked, count[0], members[1], 0, count[1]);
                } else {
                    count[replaced] = picked.length;
                    System.arraycopy(picked, 0, members[replaced], 0, picked.length);
                }
                solveSubproblem();
                rounds++;
            }
            String status = converged ? "optimal (max violating pair < eps " + settings.eps() + ")"
                    : "iteration limit (" + settings.maxIterations() + ")";
            Phases phases = new Phases(rounds, cache.computed, cache.hits, cache.nanos / 1e9, localNanos / 1e9,
                    gradientNanos / 1e9, selectionNanos / 1e9);
            DualSolution solution = new DualSolution(name(), alpha, gradient, DualKkt.dualObjective(alpha, gradient),
                    pairSteps, (System.nanoTime() - start) / 1e9,
                    DualKkt.residual(alpha, gradient, problem), converged, status, phases);
            return new Run(solution, phases);
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
            int w = count[0] + count[1];
            int[] ws = new int[w];
            System.arraycopy(members[0], 0, ws, 0, count[0]);
            System.arraycopy(members[1], 0, ws, count[0], count[1]);
            Object[] rows = cache.rows(ws, w);
            long start = System.nanoTime();
            double[] kww = new double[w * w];
            for (int s = 0; s < w; s++) {
                for (int t = 0; t < w; t++) {
                    kww[s * w + t] = RowCache.value(rows[s], ws[t]);
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
            double[] coefficients = new double[w];
            for (int t = 0; t < w; t++) {
                coefficients[t] = yW[t] * (s.alpha()[t] - alphaW[t]);
                alpha[ws[t]] = s.alpha()[t];
            }
            addToGradient(rows, coefficients);
            gradientNanos += System.nanoTime() - start;
        }

        /**
         * G_i += y_i sum_t K(w_t, i) c_t over the kernel rows whose c_t is not 0, the points i in two
         * halves on two threads.
         */
        void addToGradient(Object[] kernelRows, double[] coefficients) {
            int[] changed = new int[coefficients.length];
            int m = 0;
            for (int t = 0; t < coefficients.length; t++) {
                if (coefficients[t] != 0) {
                    changed[m++] = t;
                }
            }
            if (m == 0) {
                return;
            }
            int rowsChanged = m;
            KernelBlocks.inTwoHalves(n, rowsChanged, (from, to) -> {
                Arrays.fill(product, from, to, 0);
                for (int u = 0; u < rowsChanged; u++) {
                    double c = coefficients[changed[u]];
                    if (kernelRows[changed[u]] instanceof float[] row) {
                        for (int i = from; i < to; i++) {
                            product[i] += c * row[i];
                        }
                    } else {
                        double[] row = (double[]) kernelRows[changed[u]];
                        for (int i = from; i < to; i++) {
                            product[i] += c * row[i];
                        }
                    }
                }
                for (int i = from; i < to; i++) {
                    gradient[i] += y[i] * product[i];
                }
            });
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
