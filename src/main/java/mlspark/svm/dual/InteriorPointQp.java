package mlspark.svm.dual;

import java.util.Arrays;

import mlspark.linalg.Blas;
import mlspark.linalg.Cholesky;
import mlspark.linalg.Ldlt;

/**
 * A primal-dual interior-point method for the convex QP of {@link QuadraticProgram}, the algorithm of
 * cvxopt's {@code solvers.qp} for the nonnegative orthant: slacks s = h - Gx >= 0, multipliers z >= 0
 * for the inequalities and y for the equalities, Mehrotra's predictor-corrector steps, cvxopt's
 * starting point and stopping rule, plus Gondzio's centrality correctors (1996): after the
 * corrector, up to {@link #CENTRALITY_CORRECTORS} further directions push the complementarity
 * products s_j z_j of a longer trial step back into [0.1, 10] sigma mu, kept while they lengthen the
 * step. They cost a solve each, against a factorization per iteration saved.
 * <p>
 * Each iteration solves the Newton system (the "KKT system")
 * <pre>
 *   P dx + A'dy + G'dz = rx,   A dx = ry,   G dx + ds = rz,   s.dz + z.ds = rsz
 * </pre>
 * by eliminating ds and dz: (P + G'WG) dx + A'dy = t with W = diag(z/s), then the p x p Schur
 * complement A H^-1 A' for dy. H = P + G'WG is factored once per iteration (Cholesky, n x n) and
 * serves the predictor and all correctors. For the SVM's box, G'WG is diagonal and H is P plus a
 * diagonal. Should H not be positive definite (P indefinite, as a sigmoid kernel makes it), it is
 * factored as LDL' instead ({@link Ldlt}): the Newton step stays exact as long as H is positive
 * definite on the null space of A, the local convexity a KKT point needs. Such steps are counted.
 */
public final class InteriorPointQp {
    /** Fraction of the step to the boundary taken (cvxopt's STEP). */
    private static final double STEP = 0.99;
    static final int CENTRALITY_CORRECTORS = 3;

    /**
     * Stopping rule (cvxopt's, with its names): primal and dual residuals relative to
     * max(1, |h, b|) and max(1, |q|) at most {@code feasibilityTolerance}, and the duality gap s'z at
     * most {@code absoluteTolerance} or relative to the objective at most {@code relativeTolerance}.
     */
    public record Settings(int maxIterations, double absoluteTolerance, double relativeTolerance,
                           double feasibilityTolerance) {
        /** 1000 times tighter than cvxopt's defaults (1e-7, 1e-6, 1e-7): objectives good to about 1e-10. */
        public static Settings defaults() {
            return new Settings(100, 1e-10, 1e-9, 1e-9);
        }

        public Settings withMaxIterations(int iterations) {
            return new Settings(iterations, absoluteTolerance, relativeTolerance, feasibilityTolerance);
        }
    }

    /**
     * @param x                 the primal solution v
     * @param y                 multipliers of the equalities
     * @param z                 multipliers of the inequalities
     * @param s                 slacks h - Gx
     * @param objective         1/2 x'Px + q'x
     * @param indefiniteSteps   iterations whose H was not positive definite (factored as LDL')
     */
    public record Result(double[] x, double[] y, double[] z, double[] s, double objective, int iterations,
                         boolean converged, String status, double primalResidual, double dualResidual, double gap,
                         int indefiniteSteps) {
    }

    private final Settings settings;

    public InteriorPointQp(Settings settings) {
        this.settings = settings;
    }

    public Result solve(QuadraticProgram qp) {
        return new Run(qp).solve();
    }

    /** The state of one solve. */
    private final class Run {
        final QuadraticProgram qp;
        final int n;
        final int m;
        final int p;
        final Cholesky cholesky;
        /** Made when first needed. */
        Ldlt ldlt;
        boolean indefinite;
        /** H^-1 A', p columns of length n. */
        final double[][] hInvAt;
        /** Factor of A H^-1 A' (indefinite when H is). */
        Ldlt schur;
        int indefiniteSteps;

        Run(QuadraticProgram qp) {
            this.qp = qp;
            this.n = qp.n();
            this.m = qp.inequalities();
            this.p = qp.equalities();
            this.cholesky = new Cholesky(n);
            this.hInvAt = new double[p][n];
        }

        Result solve() {
            double[] ones = new double[m];
            Arrays.fill(ones, 1);
            if (!factor(ones)) {
                return failed("singular KKT system at the start (rank of [P; A; G] < n or rank of A < p)");
            }
            // cvxopt's start: minimize 1/2x'Px + q'x + 1/2|Gx - h|^2 s.t. Ax = b; s = h - Gx, z = Gx - h, shifted into the cone
            Direction d = new Direction(n, p, m);
            solveKkt(scaled(qp.q(), -1), qp.b(), qp.h(), new double[m], ones, ones, d);
            double[] x = d.x.clone();
            double[] y = d.y.clone();
            double[] z = d.z.clone();
            double[] s = scaled(d.z, -1);
            shiftIntoCone(s);
            shiftIntoCone(z);

            double resx0 = Math.max(1, norm(qp.q()));
            double resy0 = Math.max(1, norm(qp.b()));
            double resz0 = Math.max(1, norm(qp.h()));
            double[] px = new double[n];
            double[] rd = new double[n];
            double[] rp = new double[p];
            double[] ri = new double[m];
            double[] gx = new double[m];
            double[] tmpN = new double[n];
            double[] rsz = new double[m];
            double[] w = new double[m];
            Direction correction = new Direction(n, p, m);
            Direction corrected = new Direction(n, p, m);
            for (int iteration = 0; ; iteration++) {
                // residuals: rd = Px + q + A'y + G'z, rp = Ax - b, ri = Gx + s - h
                Blas.blas().dgemv("N", n, n, 1.0, qp.p(), n, x, 1, 0.0, px, 1);
                qp.g().multiplyTransposed(z, tmpN);
                for (int i = 0; i < n; i++) {
                    rd[i] = px[i] + qp.q()[i] + tmpN[i];
                }
                for (int k = 0; k < p; k++) {
                    double ax = 0;
                    for (int i = 0; i < n; i++) {
                        ax += qp.a()[k * n + i] * x[i];
                        rd[i] += qp.a()[k * n + i] * y[k];
                    }
                    rp[k] = ax - qp.b()[k];
                }
                qp.g().multiply(x, gx);
                double gap = 0;
                double zGxh = 0;
                for (int j = 0; j < m; j++) {
                    ri[j] = gx[j] + s[j] - qp.h()[j];
                    gap += s[j] * z[j];
                    zGxh += z[j] * (gx[j] - qp.h()[j]);
                }
                double pcost = 0;
                for (int i = 0; i < n; i++) {
                    pcost += x[i] * (0.5 * px[i] + qp.q()[i]);
                }
                double dcost = pcost + dot(y, rp) + zGxh;
                double relgap = pcost < 0 ? gap / -pcost : dcost > 0 ? gap / dcost : Double.NaN;
                double pres = Math.max(norm(rp) / resy0, norm(ri) / resz0);
                double dres = norm(rd) / resx0;
                if (pres <= settings.feasibilityTolerance() && dres <= settings.feasibilityTolerance()
                        && (gap <= settings.absoluteTolerance() || relgap <= settings.relativeTolerance())) {
                    return new Result(x, y, z, s, pcost, iteration, true, "optimal", pres, dres, gap, indefiniteSteps);
                }
                if (iteration == settings.maxIterations()) {
                    return new Result(x, y, z, s, pcost, iteration, false,
                            "iteration limit (" + settings.maxIterations() + ")", pres, dres, gap, indefiniteSteps);
                }

                for (int j = 0; j < m; j++) {
                    w[j] = z[j] / s[j];
                }
                if (!factor(w)) {
                    return new Result(x, y, z, s, pcost, iteration, false, "singular KKT system", pres, dres, gap,
                            indefiniteSteps);
                }
                double mu = gap / m;
                double[] rx = scaled(rd, -1);
                double[] ry = scaled(rp, -1);
                double[] rz = scaled(ri, -1);
                // predictor (affine scaling): rsz = -s.z
                for (int j = 0; j < m; j++) {
                    rsz[j] = -s[j] * z[j];
                }
                solveKkt(rx, ry, rz, rsz, s, z, d);
                double affine = Math.min(1, maxStep(s, z, d));
                double muAffine = 0;
                for (int j = 0; j < m; j++) {
                    muAffine += (s[j] + affine * d.s[j]) * (z[j] + affine * d.z[j]);
                }
                muAffine /= m;
                double sigma = Math.pow(muAffine / mu, 3);
                // corrector: rsz = -s.z - ds_aff.dz_aff + sigma mu
                for (int j = 0; j < m; j++) {
                    rsz[j] = -s[j] * z[j] - d.s[j] * d.z[j] + sigma * mu;
                }
                solveKkt(rx, ry, rz, rsz, s, z, d);
                double longest = maxStep(s, z, d);
                for (int c = 0; c < CENTRALITY_CORRECTORS && longest < 1; c++) {
                    double trial = Math.min(1, 1.1 * longest + 0.1);
                    centralityTarget(s, z, d, trial, sigma * mu, rsz);
                    solveKkt(new double[n], new double[p], new double[m], rsz, s, z, correction);
                    corrected.setSum(d, correction);
                    double reach = maxStep(s, z, corrected);
                    if (reach < longest + 0.1 * (trial - longest)) {
                        break;
                    }
                    d.setSum(corrected, null);
                    longest = reach;
                }
                double step = Math.min(1, STEP * longest);
                for (int i = 0; i < n; i++) {
                    x[i] += step * d.x[i];
                }
                for (int k = 0; k < p; k++) {
                    y[k] += step * d.y[k];
                }
                for (int j = 0; j < m; j++) {
                    s[j] += step * d.s[j];
                    z[j] += step * d.z[j];
                }
            }
        }

        private Result failed(String status) {
            return new Result(new double[n], new double[p], new double[m], new double[m], Double.NaN, 0, false, status,
                    Double.NaN, Double.NaN, Double.NaN, indefiniteSteps);
        }

        /** Factors H = P + G' diag(w) G and the Schur complement A H^-1 A'. */
        boolean factor(double[] w) {
            double[] base = qp.p();
            double[] diagonal = qp.g().weightedGramDiagonal(w);
            if (diagonal == null) {
                base = qp.p().clone();
                qp.g().addWeightedGram(w, base);
            }
            indefinite = !cholesky.factor(base, diagonal, 0);
            if (indefinite) {
                indefiniteSteps++;
                if (ldlt == null) {
                    ldlt = new Ldlt(n);
                }
                if (!ldlt.factor(base, diagonal)) {
                    return false;
                }
            }
            if (p == 0) {
                return true;
            }
            double[] s2 = new double[p * p];
            for (int k = 0; k < p; k++) {
                System.arraycopy(qp.a(), k * n, hInvAt[k], 0, n);
                solveH(hInvAt[k]);
            }
            for (int k = 0; k < p; k++) {
                for (int l = 0; l < p; l++) {
                    double v = 0;
                    for (int i = 0; i < n; i++) {
                        v += qp.a()[k * n + i] * hInvAt[l][i];
                    }
                    s2[k * p + l] = v;
                }
            }
            schur = new Ldlt(p);
            return schur.factor(s2, null);
        }

        void solveH(double[] b) {
            if (indefinite) {
                ldlt.solve(b);
            } else {
                cholesky.solve(b);
            }
        }

        /** The Newton system of the class comment, with the factorization of the last {@link #factor}. */
        void solveKkt(double[] rx, double[] ry, double[] rz, double[] rsz, double[] s, double[] z, Direction d) {
            double[] dx = d.x;
            double[] dy = d.y;
            double[] dz = d.z;
            double[] ds = d.s;
            // t = rx - G'((rsz - z.rz) / s)
            double[] v = new double[m];
            for (int j = 0; j < m; j++) {
                v[j] = (rsz[j] - z[j] * rz[j]) / s[j];
            }
            double[] u = new double[n];
            qp.g().multiplyTransposed(v, u);
            for (int i = 0; i < n; i++) {
                u[i] = rx[i] - u[i];
            }
            solveH(u);
            // dy = S^-1 (A u - ry), dx = u - H^-1 A' dy
            for (int k = 0; k < p; k++) {
                double au = 0;
                for (int i = 0; i < n; i++) {
                    au += qp.a()[k * n + i] * u[i];
                }
                dy[k] = au - ry[k];
            }
            if (p > 0) {
                schur.solve(dy);
            }
            System.arraycopy(u, 0, dx, 0, n);
            for (int k = 0; k < p; k++) {
                for (int i = 0; i < n; i++) {
                    dx[i] -= hInvAt[k][i] * dy[k];
                }
            }
            // dz = v + (z/s).(G dx), ds = rz - G dx
            qp.g().multiply(dx, ds);
            for (int j = 0; j < m; j++) {
                double gdx = ds[j];
                dz[j] = v[j] + z[j] / s[j] * gdx;
                ds[j] = rz[j] - gdx;
            }
        }
    }

    /** A search direction (dx, dy, dz, ds). */
    private static final class Direction {
        final double[] x;
        final double[] y;
        final double[] z;
        final double[] s;

        Direction(int n, int p, int m) {
            x = new double[n];
            y = new double[p];
            z = new double[m];
            s = new double[m];
        }

        /** this = a + b (b may be null). */
        void setSum(Direction a, Direction b) {
            add(x, a.x, b == null ? null : b.x);
            add(y, a.y, b == null ? null : b.y);
            add(z, a.z, b == null ? null : b.z);
            add(s, a.s, b == null ? null : b.s);
        }

        private static void add(double[] out, double[] a, double[] b) {
            for (int i = 0; i < out.length; i++) {
                out[i] = a[i] + (b == null ? 0 : b[i]);
            }
        }
    }

    /**
     * Gondzio's right-hand side: for the products v_j = (s + t ds)_j (z + t dz)_j of a trial step t,
     * the move into [0.1, 10] target (not below -10 target) that the corrector should make.
     */
    private static void centralityTarget(double[] s, double[] z, Direction d, double t, double target, double[] out) {
        double lo = 0.1 * target;
        double hi = 10 * target;
        for (int j = 0; j < s.length; j++) {
            double v = (s[j] + t * d.s[j]) * (z[j] + t * d.z[j]);
            out[j] = v < lo ? lo - v : v > hi ? Math.max(hi - v, -hi) : 0;
        }
    }

    /** The largest t with s + t ds >= 0 and z + t dz >= 0 (infinite when no component decreases). */
    static double maxStep(double[] s, double[] z, Direction d) {
        double t = Double.POSITIVE_INFINITY;
        for (int j = 0; j < s.length; j++) {
            if (d.s[j] < 0) {
                t = Math.min(t, -s[j] / d.s[j]);
            }
            if (d.z[j] < 0) {
                t = Math.min(t, -z[j] / d.z[j]);
            }
        }
        return t;
    }

    /** cvxopt's shift of the starting point into the cone: v += (1 + max(-v)) when max(-v) >= -1e-8 max(1, |v|). */
    private static void shiftIntoCone(double[] v) {
        double worst = Double.NEGATIVE_INFINITY;
        for (double e : v) {
            worst = Math.max(worst, -e);
        }
        if (worst >= -1e-8 * Math.max(1, norm(v))) {
            for (int j = 0; j < v.length; j++) {
                v[j] += 1 + worst;
            }
        }
    }

    private static double[] scaled(double[] v, double a) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = a * v[i];
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }
}
