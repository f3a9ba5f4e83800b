package mlspark.svm.multiclass;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A seeded multi-class set for the tests: class k's rows drawn around the k-th of evenly spaced points of a
 * circle of radius 2 with standard deviation 1 (so neighbouring classes overlap), the rows shuffled.
 */
public record Blobs(double[][] x, double[] y) {
    /**
     * @param labels the classes' label values
     * @param counts rows per class
     */
    public static Blobs generate(double[] labels, int[] counts, long seed) {
        Random random = new Random(seed);
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; k < labels.length; k++) {
            double angle = 2 * Math.PI * k / labels.length;
            for (int i = 0; i < counts[k]; i++) {
                rows.add(new double[]{2 * Math.cos(angle) + random.nextGaussian(), 2 * Math.sin(angle)
                        + random.nextGaussian(), labels[k]});
            }
        }
        Collections.shuffle(rows, random);
        double[][] x = new double[rows.size()][];
        double[] y = new double[rows.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[]{rows.get(i)[0], rows.get(i)[1]};
            y[i] = rows.get(i)[2];
        }
        return new Blobs(x, y);
    }

    /** n points uniform on [-4, 4]^2, where the classes meet and beyond. */
    public static double[][] testPoints(int n, long seed) {
        Random random = new Random(seed);
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            points[i] = new double[]{8 * random.nextDouble() - 4, 8 * random.nextDouble() - 4};
        }
        return points;
    }
}
