package mlspark.kernel;

import java.util.Random;

import mlspark.linalg.Blas;

/**
 * Random Fourier features of the RBF kernel exp(-gamma |x - x'|^2) (Rahimi and Recht, NIPS 2007):
 * z(x)_k = sqrt(2/M) cos(w_k.x + b_k) with w_k ~ N(0, 2 gamma I) (the kernel's Fourier transform)
 * and b_k ~ U[0, 2 pi), so that E[z(x).z(x')] = k(x, x') with an error of order 1/sqrt(M).
 *
 * @param w     M x d row-major frequencies
 * @param phase b_k
 */
public record RandomFourierFeatures(double gamma, int dimension, double[] w, double[] phase)
        implements KernelApproximation {

    public static RandomFourierFeatures sample(double gamma, int components, int dimension, long seed) {
        Random random = new Random(seed);
        double scale = Math.sqrt(2 * gamma);
        double[] w = new double[components * dimension];
        for (int k = 0; k < w.length; k++) {
            w[k] = scale * random.nextGaussian();
        }
        double[] phase = new double[components];
        for (int k = 0; k < components; k++) {
            phase[k] = 2 * Math.PI * random.nextDouble();
        }
        return new RandomFourierFeatures(gamma, dimension, w, phase);
    }

    @Override
    public int components() {
        return phase.length;
    }

    @Override
    public double[] map(double[] rows, int n, int d) {
        int m = components();
        double[] z = new double[n * m];
        if (n == 0) {
            return z;
        }
        // row-major z (n x M) = X W' is column-major z' (M x n) = W X'
        Blas.blas().dgemm("T", "N", m, n, d, 1.0, w, d, rows, d, 0.0, z, m);
        double scale = Math.sqrt(2.0 / m);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < m; k++) {
                z[i * m + k] = scale * Math.cos(z[i * m + k] + phase[k]);
            }
        }
        return z;
    }

    @Override
    public String describe() {
        return "rff(M=" + components() + ", gamma=" + gamma + ")";
    }
}
