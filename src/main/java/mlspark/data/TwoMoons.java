package mlspark.data;

import java.util.Random;


/**
 * Two interleaving half circles, scikit-learn's {@code make_moons} recipe: n/2 points on the upper
 * unit half circle (label -1), the rest on the lower one shifted by (1, 0.5) (label +1), Gaussian
 * noise of the given standard deviation on both coordinates, then shuffled; seeded. As a data set
 * of the jobs, {@code moons:N[:noise[:seed]]}: N training points and min(N, {@value #MAX_TEST}) fresh
 * test points (seed + 1); noise {@value #NOISE} and seed 0 unless given ({@link DataSpec.Moons}).
 */
public final class TwoMoons {
    public static final double NOISE = 0.2;
    public static final int MAX_TEST = 100_000;

    private TwoMoons() {
    }

    /** The training and test sets of {@code moons:N[:noise[:seed]]}, labels -1/+1. */
    public static TrainTest load(DataSpec.Moons spec) {
        return new TrainTest(spec.text(), generate(spec.n(), spec.noise(), spec.seed()),
                generate(Math.min(spec.n(), MAX_TEST), spec.noise(), spec.seed() + 1));
    }

    public static LabeledData generate(int n, double noise, long seed) {
        Random random = new Random(seed);
        int outer = n / 2;
        int inner = n - outer;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < outer; i++) {
            double t = outer == 1 ? 0 : Math.PI * i / (outer - 1);
            x[i] = new double[]{Math.cos(t), Math.sin(t)};
            y[i] = -1;
        }
        for (int i = 0; i < inner; i++) {
            double t = inner == 1 ? 0 : Math.PI * i / (inner - 1);
            x[outer + i] = new double[]{1 - Math.cos(t), 1 - Math.sin(t) - 0.5};
            y[outer + i] = 1;
        }
        for (double[] p : x) {
            p[0] += noise * random.nextGaussian();
            p[1] += noise * random.nextGaussian();
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double[] tx = x[i];
            x[i] = x[j];
            x[j] = tx;
            double ty = y[i];
            y[i] = y[j];
            y[j] = ty;
        }
        return new LabeledData(x, y, "two-moons(n=" + n + ", noise=" + noise + ", seed=" + seed + ")");
    }
}
