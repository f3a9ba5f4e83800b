package mlspark.svm.dual;

import java.util.Arrays;

/**
 * Sequential minimal optimization for the SVM dual row by row, {@code --solver smo-rows} (for comparison
 * with {@link WorkingSetSmoSolver}, which {@code smo} runs): LIBSVM's {@code Solver} (Chang and Lin,
 * libsvm 3.3x, svm.cpp) with its names: minimize f(alpha) = 1/2 alpha'Q alpha + p'alpha
 * (p = -1, Q_ij = y_i y_j K_ij) subject to 0 <= alpha_i <= C_i, y'alpha = 0, two variables at a time:
 * <ul>
 *   <li>working-set selection WSS2 (Fan, Chen, Lin 2005): i maximizes -y_i G_i over I_up, j gives
 *       the largest decrease of f by second-order information, with tau for a non-positive curvature;</li>
 *   <li>stopping when m(alpha) - M(alpha) = Gmax + Gmax2 < eps;</li>
 *   <li>shrinking every min(l, 1000) iterations, with the gradient rebuilt from G_bar (the part of G
 *       due to alpha at the upper bound) when unshrinking;</li>
 *   <li>kernel rows Q_i from an LRU cache ({@link KernelRowCache}), filled by a {@link KernelRows}.</li>
 * </ul>
 * Unlike LIBSVM, Q is kept in double precision.
 */
public final class SmoSolver implements DualSolver {
    /** LIBSVM's TAU, the curvature used when Q_ii + Q_jj - 2 Q_ij <= 0. */
    static final double TAU = 1e-12;
    private static final byte LOWER_BOUND = 0;
    private static final byte UPPER_BOUND = 1;
    private static final byte FREE = 2;

    /**
     * @param eps           stopping tolerance on the maximal violating pair (LIBSVM -e, default 1e-3)
     * @param shrinking     LIBSVM -h
     * @param cacheBytes    kernel cache budget (LIBSVM -m, in bytes)
     * @param maxIterations iteration limit (LIBSVM's: max(10^7, 100 l))
     */
    public record Settings(double eps, boolean shrinking, long cacheBytes, int maxIterations)
            implements java.io.Serializable {
        public static Settings defaults() {
            return new Settings(1e-3, true, 256L << 20, 10_000_000);
        }

        public Settings withEps(double value) {
            return new Settings(value, shrinking, cacheBytes, maxIterations);
        }

        public Settings withMaxIterations(int value) {
            return new Settings(eps, shrinking, cacheBytes, value);
        }

        public Settings withCacheBytes(long value) {
            return new Settings(eps, shrinking, value, maxIterations);
        }
    }

    private final Settings settings;

    public SmoSolver(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "smo-rows";
    }

    @Override
    public boolean readsRows() {
        return true;
    }

    @Override
    public DualSolution solve(DualProblem problem) {
        return solve(problem, null);
    }

    /**
     * Solves from a feasible starting point (0 <= a_i <= C_i, y'a = 0; null for a = 0), as LIBSVM's
     * Solver takes its alpha argument: G and G_bar are built from the rows of the non-zero a_i.
     */
    public DualSolution solve(DualProblem problem, double[] initialAlpha) {
        return solve(problem, initialAlpha, null, null);
    }

    /**
     * Solves from a feasible starting point whose gradient is known: G_i = sum_j a_j Q_ij - 1 and
     * G_bar_i = sum_{j: a_j = C_j} C_j Q_ij (null for both: computed from the rows of the non-zero
     * a_j, as {@link #solve(DualProblem, double[])}). A caller that has them from elsewhere (the
     * cascade's check over all points) saves those kernel rows.
     */
    public DualSolution solve(DualProblem problem, double[] initialAlpha, double[] initialGradient,
                              double[] initialGradientBar) {
        if ((initialGradient == null) != (initialGradientBar == null)) {
            throw new IllegalArgumentException("initial gradient and gradient bar: give both or neither");
        }
        if (initialGradient != null && initialAlpha == null) {
            throw new IllegalArgumentException("an initial gradient needs its initial alpha");
        }
        long start = System.nanoTime();
        Solver s = new Solver(problem, initialAlpha, initialGradient, initialGradientBar);
        boolean converged = s.solve();
        double[] alpha = new double[problem.size()];
        double[] gradient = new double[problem.size()];
        for (int t = 0; t < s.l; t++) {
            alpha[s.active_set[t]] = s.alpha[t];
            gradient[s.active_set[t]] = s.G[t];
        }
        double objective = DualKkt.dualObjective(alpha, gradient);
        double residual = DualKkt.residual(alpha, gradient, problem);
        String status = converged ? "optimal (max violating pair < eps " + settings.eps() + ")"
                : "iteration limit (" + settings.maxIterations() + ")";
        return new DualSolution(name(), alpha, gradient, objective, s.iter, (System.nanoTime() - start) / 1e9,
                residual, converged, status);
    }

    /** Q_ij = y_i y_j K_ij in the solver's order, rows from the cache (LIBSVM's SVC_Q). */
    private static final class SvcQ {
        final KernelRows kernel;
        final KernelRowCache cache;
        /** Original sample of each position. */
        final int[] index;
        final double[] y;
        final double[] QD;

        SvcQ(DualProblem problem, long cacheBytes) {
            int l = problem.size();
            kernel = problem.kernel();
            cache = new KernelRowCache(l, cacheBytes);
            index = new int[l];
            y = problem.y().clone();
            QD = new double[l];
            for (int i = 0; i < l; i++) {
                index[i] = i;
                QD[i] = kernel.diagonal(i);
            }
        }

        double[] get_Q(int i, int len) {
            int start = cache.request(i, len);
            double[] data = cache.data(i);
            if (start < len) {
                kernel.fill(index[i], index, start, len, data);
                double yi = y[i];
                for (int j = start; j < len; j++) {
                    data[j] *= yi * y[j];
                }
            }
            return data;
        }

        void swap_index(int i, int j) {
            cache.swapIndex(i, j);
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
            double v = y[i];
            y[i] = y[j];
            y[j] = v;
            v = QD[i];
            QD[i] = QD[j];
            QD[j] = v;
        }
    }

    /** One run of LIBSVM's Solver::Solve, fields named as there. */
    private final class Solver {
        final int l;
        final SvcQ Q;
        final double[] QD;
        final double[] y;
        final double[] p;
        final double[] alpha;
        final double[] G;
        final double[] G_bar;
        final byte[] alpha_status;
        final int[] active_set;
        final double Cp;
        final double Cn;
        final double eps = settings.eps();
        int active_size;
        boolean unshrink;
        int iter;

        Solver(DualProblem problem, double[] initialAlpha, double[] initialGradient, double[] initialGradientBar) {
            l = problem.size();
            Q = new SvcQ(problem, settings.cacheBytes());
            QD = Q.QD;
            y = Q.y;
            p = new double[l];
            Arrays.fill(p, -1);
            alpha = new double[l];
            G = new double[l];
            G_bar = new double[l];
            alpha_status = new byte[l];
            active_set = new int[l];
            Cp = problem.costs().c1();
            Cn = problem.costs().c0();
            if (initialAlpha != null) {
                if (initialAlpha.length != l) {
                    throw new IllegalArgumentException("initial alpha has " + initialAlpha.length + " values, the problem "
                            + l + " samples");
                }
                System.arraycopy(initialAlpha, 0, alpha, 0, l);
            }
            for (int i = 0; i < l; i++) {
                update_alpha_status(i);
                active_set[i] = i;
            }
            active_size = l;
            if (initialGradient != null) {
                if (initialGradient.length != l || initialGradientBar.length != l) {
                    throw new IllegalArgumentException("initial gradients have " + initialGradient.length + " and "
                            + initialGradientBar.length + " values, the problem " + l + " samples");
                }
                System.arraycopy(initialGradient, 0, G, 0, l);
                System.arraycopy(initialGradientBar, 0, G_bar, 0, l);
                return;
            }
            System.arraycopy(p, 0, G, 0, l);
            for (int i = 0; i < l; i++) {
                if (!is_lower_bound(i)) {
                    double[] Q_i = Q.get_Q(i, l);
                    double alpha_i = alpha[i];
                    for (int j = 0; j < l; j++) {
                        G[j] += alpha_i * Q_i[j];
                    }
                    if (is_upper_bound(i)) {
                        double c = get_C(i);
                        for (int j = 0; j < l; j++) {
                            G_bar[j] += c * Q_i[j];
                        }
                    }
                }
            }
        }

        double get_C(int i) {
            return y[i] > 0 ? Cp : Cn;
        }

        void update_alpha_status(int i) {
            if (alpha[i] >= get_C(i)) {
                alpha_status[i] = UPPER_BOUND;
            } else if (alpha[i] <= 0) {
                alpha_status[i] = LOWER_BOUND;
            } else {
                alpha_status[i] = FREE;
            }
        }

        boolean is_upper_bound(int i) {
            return alpha_status[i] == UPPER_BOUND;
        }

        boolean is_lower_bound(int i) {
            return alpha_status[i] == LOWER_BOUND;
        }

        boolean is_free(int i) {
            return alpha_status[i] == FREE;
        }

        void swap_index(int i, int j) {
            Q.swap_index(i, j);
            swap(alpha_status, i, j);
            swap(alpha, i, j);
            swap(p, i, j);
            swap(G, i, j);
            swap(G_bar, i, j);
            int t = active_set[i];
            active_set[i] = active_set[j];
            active_set[j] = t;
        }

        /** Rebuilds G of the inactive variables from G_bar and the free variables. */
        void reconstruct_gradient() {
            if (active_size == l) {
                return;
            }
            int nr_free = 0;
            for (int j = active_size; j < l; j++) {
                G[j] = G_bar[j] + p[j];
            }
            for (int j = 0; j < active_size; j++) {
                if (is_free(j)) {
                    nr_free++;
                }
            }
            if ((long) nr_free * l > 2L * active_size * (l - active_size)) {
                for (int i = active_size; i < l; i++) {
                    double[] Q_i = Q.get_Q(i, active_size);
                    for (int j = 0; j < active_size; j++) {
                        if (is_free(j)) {
                            G[i] += alpha[j] * Q_i[j];
                        }
                    }
                }
            } else {
                for (int i = 0; i < active_size; i++) {
                    if (is_free(i)) {
                        double[] Q_i = Q.get_Q(i, l);
                        double alpha_i = alpha[i];
                        for (int j = active_size; j < l; j++) {
                            G[j] += alpha_i * Q_i[j];
                        }
                    }
                }
            }
        }

        /** @return whether the stopping rule was met (else the iteration limit was reached) */
        boolean solve() {
            int max_iter = settings.maxIterations();
            int counter = Math.min(l, 1000) + 1;
            int[] working_set = new int[2];
            boolean converged = false;
            while (iter < max_iter) {
                if (--counter == 0) {
                    counter = Math.min(l, 1000);
                    if (settings.shrinking()) {
                        do_shrinking();
                    }
                }
                if (select_working_set(working_set)) {
                    reconstruct_gradient();
                    active_size = l;
                    if (select_working_set(working_set)) {
                        converged = true;
                        break;
                    }
                    counter = 1;
                }
                int i = working_set[0];
                int j = working_set[1];
                ++iter;
                update_pair(i, j);
            }
            if (active_size < l) {
                reconstruct_gradient();
                active_size = l;
            }
            // the limit may be reached just as the rule holds
            return converged || select_working_set(working_set);
        }

        /** The analytic solution of the two-variable subproblem, clipped to the box; G and G_bar updated. */
        void update_pair(int i, int j) {
            double[] Q_i = Q.get_Q(i, active_size);
            double[] Q_j = Q.get_Q(j, active_size);
            double C_i = get_C(i);
            double C_j = get_C(j);
            double old_alpha_i = alpha[i];
            double old_alpha_j = alpha[j];
            if (y[i] != y[j]) {
                double quad_coef = QD[i] + QD[j] + 2 * Q_i[j];
                if (quad_coef <= 0) {
                    quad_coef = TAU;
                }
                double delta = (-G[i] - G[j]) / quad_coef;
                double diff = alpha[i] - alpha[j];
                alpha[i] += delta;
                alpha[j] += delta;
                if (diff > 0) {
                    if (alpha[j] < 0) {
                        alpha[j] = 0;
                        alpha[i] = diff;
                    }
                } else {
                    if (alpha[i] < 0) {
                        alpha[i] = 0;
                        alpha[j] = -diff;
                    }
                }
                if (diff > C_i - C_j) {
                    if (alpha[i] > C_i) {
                        alpha[i] = C_i;
                        alpha[j] = C_i - diff;
                    }
                } else {
                    if (alpha[j] > C_j) {
                        alpha[j] = C_j;
                        alpha[i] = C_j + diff;
                    }
                }
            } else {
                double quad_coef = QD[i] + QD[j] - 2 * Q_i[j];
                if (quad_coef <= 0) {
                    quad_coef = TAU;
                }
                double delta = (G[i] - G[j]) / quad_coef;
                double sum = alpha[i] + alpha[j];
                alpha[i] -= delta;
                alpha[j] += delta;
                if (sum > C_i) {
                    if (alpha[i] > C_i) {
                        alpha[i] = C_i;
                        alpha[j] = sum - C_i;
                    }
                } else {
                    if (alpha[j] < 0) {
                        alpha[j] = 0;
                        alpha[i] = sum;
                    }
                }
                if (sum > C_j) {
                    if (alpha[j] > C_j) {
                        alpha[j] = C_j;
                        alpha[i] = sum - C_j;
                    }
                } else {
                    if (alpha[i] < 0) {
                        alpha[i] = 0;
                        alpha[j] = sum;
                    }
                }
            }

            double delta_alpha_i = alpha[i] - old_alpha_i;
            double delta_alpha_j = alpha[j] - old_alpha_j;
            for (int k = 0; k < active_size; k++) {
                G[k] += Q_i[k] * delta_alpha_i + Q_j[k] * delta_alpha_j;
            }

            boolean ui = is_upper_bound(i);
            boolean uj = is_upper_bound(j);
            update_alpha_status(i);
            update_alpha_status(j);
            if (ui != is_upper_bound(i)) {
                Q_i = Q.get_Q(i, l);
                double sign = ui ? -C_i : C_i;
                for (int k = 0; k < l; k++) {
                    G_bar[k] += sign * Q_i[k];
                }
            }
            if (uj != is_upper_bound(j)) {
                Q_j = Q.get_Q(j, l);
                double sign = uj ? -C_j : C_j;
                for (int k = 0; k < l; k++) {
                    G_bar[k] += sign * Q_j[k];
                }
            }
        }

        /**
         * WSS2: i = argmax { -y_t G_t : t in I_up }, j = argmin over t in I_low with -y_t G_t < -y_i G_i
         * of -(b_it)^2 / a_it. Returns true when optimal (Gmax + Gmax2 < eps or no j).
         */
        boolean select_working_set(int[] working_set) {
            double Gmax = Double.NEGATIVE_INFINITY;
            double Gmax2 = Double.NEGATIVE_INFINITY;
            int Gmax_idx = -1;
            int Gmin_idx = -1;
            double obj_diff_min = Double.POSITIVE_INFINITY;

            for (int t = 0; t < active_size; t++) {
                if (y[t] == +1) {
                    if (!is_upper_bound(t) && -G[t] >= Gmax) {
                        Gmax = -G[t];
                        Gmax_idx = t;
                    }
                } else {
                    if (!is_lower_bound(t) && G[t] >= Gmax) {
                        Gmax = G[t];
                        Gmax_idx = t;
                    }
                }
            }

            int i = Gmax_idx;
            double[] Q_i = null;
            if (i != -1) {
                Q_i = Q.get_Q(i, active_size);
            }
            for (int j = 0; j < active_size; j++) {
                if (y[j] == +1) {
                    if (!is_lower_bound(j)) {
                        double grad_diff = Gmax + G[j];
                        if (G[j] >= Gmax2) {
                            Gmax2 = G[j];
                        }
                        if (grad_diff > 0) {
                            double quad_coef = QD[i] + QD[j] - 2.0 * y[i] * Q_i[j];
                            double obj_diff = -(grad_diff * grad_diff) / (quad_coef > 0 ? quad_coef : TAU);
                            if (obj_diff <= obj_diff_min) {
                                Gmin_idx = j;
                                obj_diff_min = obj_diff;
                            }
                        }
                    }
                } else {
                    if (!is_upper_bound(j)) {
                        double grad_diff = Gmax - G[j];
                        if (-G[j] >= Gmax2) {
                            Gmax2 = -G[j];
                        }
                        if (grad_diff > 0) {
                            double quad_coef = QD[i] + QD[j] + 2.0 * y[i] * Q_i[j];
                            double obj_diff = -(grad_diff * grad_diff) / (quad_coef > 0 ? quad_coef : TAU);
                            if (obj_diff <= obj_diff_min) {
                                Gmin_idx = j;
                                obj_diff_min = obj_diff;
                            }
                        }
                    }
                }
            }

            if (Gmax + Gmax2 < eps || Gmin_idx == -1) {
                return true;
            }
            working_set[0] = Gmax_idx;
            working_set[1] = Gmin_idx;
            return false;
        }

        boolean be_shrunk(int i, double Gmax1, double Gmax2) {
            if (is_upper_bound(i)) {
                return y[i] == +1 ? -G[i] > Gmax1 : -G[i] > Gmax2;
            } else if (is_lower_bound(i)) {
                return y[i] == +1 ? G[i] > Gmax2 : G[i] > Gmax1;
            }
            return false;
        }

        void do_shrinking() {
            double Gmax1 = Double.NEGATIVE_INFINITY; // max { -y_i G_i | i in I_up }
            double Gmax2 = Double.NEGATIVE_INFINITY; // max { y_i G_i | i in I_low }
            for (int i = 0; i < active_size; i++) {
                if (y[i] == +1) {
                    if (!is_upper_bound(i) && -G[i] >= Gmax1) {
                        Gmax1 = -G[i];
                    }
                    if (!is_lower_bound(i) && G[i] >= Gmax2) {
                        Gmax2 = G[i];
                    }
                } else {
                    if (!is_upper_bound(i) && -G[i] >= Gmax2) {
                        Gmax2 = -G[i];
                    }
                    if (!is_lower_bound(i) && G[i] >= Gmax1) {
                        Gmax1 = G[i];
                    }
                }
            }
            if (!unshrink && Gmax1 + Gmax2 <= eps * 10) {
                unshrink = true;
                reconstruct_gradient();
                active_size = l;
            }
            for (int i = 0; i < active_size; i++) {
                if (be_shrunk(i, Gmax1, Gmax2)) {
                    active_size--;
                    while (active_size > i) {
                        if (!be_shrunk(active_size, Gmax1, Gmax2)) {
                            swap_index(i, active_size);
                            break;
                        }
                        active_size--;
                    }
                }
            }
        }
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static void swap(byte[] a, int i, int j) {
        byte t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
