package mlspark.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import mlspark.linalg.DensePoints;
import mlspark.linalg.Points;
import mlspark.linalg.SparsePoints;

/** Kernel blocks of sparse points against plain double loops over the same rows written out densely. */
class SparseKernelTest {
    /** n rows of d values, each non-zero with probability {@code density}, every fifth row all zeros. */
    static double[][] sparseRows(int n, int d, double density, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d && i % 5 != 4; k++) {
                if (random.nextDouble() < density) {
                    x[i][k] = random.nextGaussian();
                }
            }
        }
        return x;
    }

    private static double[] plainInnerProducts(double[][] a, double[][] b) {
        double[] out = new double[a.length * b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                double s = 0;
                for (int k = 0; k < a[i].length; k++) {
                    s += a[i][k] * b[j][k];
                }
                out[i * b.length + j] = s;
            }
        }
        return out;
    }

    @Test
    void innerProductsOfEveryPairOfRepresentationsEqualAPlainLoop() {
        int d = 50;
        // 7 x 300: one thread; 40 x 1000: split in two halves
        for (int[] shape : new int[][]{{7, 300}, {40, 1000}}) {
            double[][] a = sparseRows(shape[0], d, 0.2, 1);
            double[][] b = sparseRows(shape[1], d, 0.1, 2);
            double[] expected = plainInnerProducts(a, b);
            for (Points pa : List.<Points>of(new DensePoints(a), SparsePoints.of(a, d))) {
                for (Points pb : List.<Points>of(new DensePoints(b), SparsePoints.of(b, d))) {
                    double[] out = new double[shape[0] * shape[1]];
                    java.util.Arrays.fill(out, Double.NaN);
                    KernelBlocks.innerProducts(pa, pb, out);
                    assertArrayEquals(expected, out, 1e-12, pa.getClass().getSimpleName() + " x " + pb.getClass().getSimpleName());
                    for (int i = 0; i < shape[0]; i += 3) {
                        for (int j = 0; j < shape[1]; j += 7) {
                            assertEquals(expected[i * shape[1] + j], pa.dot(i, pb, j), 1e-12);
                        }
                    }
                }
            }
        }
    }

    @Test
    void sparseKernelBlocksAndValuesEqualTheKernelsOnDenseRows() {
        int d = 30;
        double[][] a = sparseRows(9, d, 0.3, 3);
        double[][] b = sparseRows(60, d, 0.15, 4);
        Kernel rbf = new RbfKernel(0.3);
        List<Kernel> kernels = List.of(new LinearKernel(), rbf, new PolynomialKernel(0.5, 3, 1), new SigmoidKernel(0.1, -0.2),
                rbf.plus(new LinearKernel()), rbf.times(new PolynomialKernel(1, 2, 0)).scaled(2), rbf.polynomial(1, 2),
                new LinearKernel().after(new QuadraticFeatureMap()));
        Points sa = SparsePoints.of(a, d);
        Points sb = SparsePoints.of(b, d);
        for (Kernel k : kernels) {
            double[] expected = new double[a.length * b.length];
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < b.length; j++) {
                    expected[i * b.length + j] = k.apply(a[i], b[j]);
                }
            }
            for (Points[] pair : new Points[][]{{sa, sb}, {sa, new DensePoints(b)}, {new DensePoints(a), sb}}) {
                double[] out = new double[expected.length];
                k.block(pair[0], pair[1], out);
                assertArrayEquals(expected, out, 1e-12, k.describe());
                for (int i = 0; i < a.length; i++) {
                    for (int j = 0; j < b.length; j += 5) {
                        assertEquals(expected[i * b.length + j], k.apply(pair[0], i, pair[1], j), 1e-12, k.describe());
                    }
                }
            }
        }
    }

    @Test
    void pointSetsKeepTheirRowsNormsAndRepresentation() {
        int d = 12;
        double[][] x = sparseRows(20, d, 0.2, 5);
        SparsePoints sparse = SparsePoints.of(x, d);
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(x[i], sparse.dense(i));
            double norm = 0;
            for (double v : x[i]) {
                norm += v * v;
            }
            assertEquals(norm, sparse.squaredNorm(i), 1e-12);
        }
        int[] rows = {19, 3, 3, 0};
        Points subset = sparse.subset(rows);
        for (int t = 0; t < rows.length; t++) {
            assertArrayEquals(x[rows[t]], subset.dense(t));
        }
        DensePoints dense = new DensePoints(x);
        assertSame(x[7], dense.subset(new int[]{7}).dense(0));
        Points both = Points.concat(sparse.range(0, 4), dense.range(4, 20));
        assertInstanceOf(SparsePoints.class, both);
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(x[i], both.dense(i));
        }
        assertInstanceOf(DensePoints.class, Points.concat(dense.range(0, 3), dense.range(3, 5)));
        // sparse below a quarter of non-zeros, else dense
        assertInstanceOf(SparsePoints.class, SparsePoints.of(sparseRows(40, 40, 0.1, 6), 40).compacted());
        assertInstanceOf(DensePoints.class, SparsePoints.of(sparseRows(40, 40, 0.6, 6), 40).compacted());
    }

    @Test
    void aHugeDimensionCostsTheNonZerosOnly() {
        int d = 1 << 22;
        Random random = new Random(9);
        int n = 200;
        int[] start = new int[n + 1];
        int[] indices = new int[n * 30];
        double[] values = new double[n * 30];
        for (int i = 0; i < n; i++) {
            java.util.TreeSet<Integer> features = new java.util.TreeSet<>();
            while (features.size() < 30) {
                // a few common features so that rows meet
                features.add(random.nextInt(8) == 0 ? random.nextInt(50) : random.nextInt(d));
            }
            int t = i * 30;
            for (int k : features) {
                indices[t] = k;
                values[t++] = random.nextGaussian();
            }
            start[i + 1] = t;
        }
        SparsePoints points = new SparsePoints(d, start, indices, values);
        double[] out = new double[n * n];
        new RbfKernel(0.01).block(points, points, out);
        // |x_i - x_j|^2 from the rows as maps of feature to value
        List<java.util.Map<Integer, Double>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            java.util.Map<Integer, Double> row = new java.util.HashMap<>();
            for (int t = start[i]; t < start[i + 1]; t++) {
                row.put(indices[t], values[t]);
            }
            rows.add(row);
        }
        for (int i = 0; i < n; i += 13) {
            for (int j = 0; j < n; j++) {
                java.util.Set<Integer> features = new java.util.HashSet<>(rows.get(i).keySet());
                features.addAll(rows.get(j).keySet());
                double squaredDistance = 0;
                for (int k : features) {
                    double diff = rows.get(i).getOrDefault(k, 0.0) - rows.get(j).getOrDefault(k, 0.0);
                    squaredDistance += diff * diff;
                }
                assertEquals(Math.exp(-0.01 * squaredDistance), out[i * n + j], 1e-12);
            }
        }
    }
}
