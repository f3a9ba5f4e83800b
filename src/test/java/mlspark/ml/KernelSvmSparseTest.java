package mlspark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mlspark.linalg.DensePoints;
import mlspark.linalg.SparsePoints;

/**
 * KernelSvmClassifier on sparse rows: the rows stay sparse through training, prediction and persistence, and
 * give the model their dense copies give; a model saved before sparse support vectors existed still loads.
 */
class KernelSvmSparseTest extends SparkSqlTest {
    private static final int D = 60;

    @TempDir
    Path tmp;

    /** n rows, about 10% non-zeros, class c (of k) more often non-zero on the features f with f % k == c. */
    private static double[][] rows(int n, int k, double[] y, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[n][D];
        for (int i = 0; i < n; i++) {
            int c = random.nextInt(k);
            if (y != null) {
                y[i] = c;
            }
            for (int f = 0; f < D; f++) {
                if (random.nextDouble() < (f % k == c ? 0.2 : 0.05)) {
                    x[i][f] = (f % k == c ? 1 : 0.3) + 0.5 * random.nextGaussian();
                }
            }
        }
        return x;
    }

    private static double[][] raw(Dataset<Row> scored) {
        return scored.select("rawPrediction").collectAsList().stream().map(r -> ((Vector) r.get(0)).toArray())
                .toArray(double[][]::new);
    }

    @Test
    void sparseRowsTrainAndPredictAsTheirDenseCopies() {
        for (int k : new int[]{2, 3}) {
            double[] y = new double[120];
            double[][] x = rows(120, k, y, k);
            double[][] test = rows(50, k, null, 10 + k);
            for (String solver : List.of("ipm", "smo", "smo-rows")) {
                KernelSvmClassifier svm = new KernelSvmClassifier().setGamma(0.05).setC(2).setSolver(solver).setTol(1e-10)
                        .setBiasRule("libsvm").setSvThreshold(1e-8);
                KernelSvmModel dense = svm.fit(vectors(x, y, false));
                KernelSvmModel sparse = svm.fit(vectors(x, y, true));
                String name = k + " classes, " + solver;
                assertInstanceOf(DensePoints.class, dense.supportVectors(), name);
                assertInstanceOf(SparsePoints.class, sparse.supportVectors(), name);
                assertEquals(dense.numSupportVectors(), sparse.numSupportVectors(), name);
                for (int p = 0; p < dense.summary().problems().size(); p++) {
                    double objective = dense.summary().problems().get(p).solution().dualObjective();
                    assertEquals(objective, sparse.summary().problems().get(p).solution().dualObjective(),
                            1e-9 * Math.abs(objective), name);
                }
                double[][] expected = raw(dense.transform(vectors(test, new double[test.length], false)));
                for (boolean sparseTest : new boolean[]{false, true}) {
                    double[][] got = raw(sparse.transform(vectors(test, new double[test.length], sparseTest)));
                    for (int i = 0; i < test.length; i++) {
                        assertArrayEquals(expected[i], got[i], 1e-9, name + ", row " + i);
                    }
                }
            }
        }
    }

    @Test
    void sparseModelsRoundTripWithSparseSupportVectors() throws IOException {
        for (int k : new int[]{2, 4}) {
            double[] y = new double[100];
            double[][] x = rows(100, k, y, 20 + k);
            KernelSvmModel model = new KernelSvmClassifier().setGamma(0.1).setSolver("smo").setProbability(k > 2)
                    .fit(vectors(x, y, true));
            assertInstanceOf(SparsePoints.class, model.supportVectors());
            Path path = tmp.resolve("sparse-" + k);
            model.write().overwrite().save(path.toString());
            assertTrue(Files.isDirectory(path.resolve(KernelSvmModel.SPARSE_SUPPORT_VECTORS)));
            KernelSvmModel loaded = KernelSvmModel.load(path.toString());
            assertInstanceOf(SparsePoints.class, loaded.supportVectors());
            assertEquals(model.numFeatures(), loaded.numFeatures());
            SparsePoints a = (SparsePoints) model.supportVectors();
            SparsePoints b = (SparsePoints) loaded.supportVectors();
            assertArrayEquals(a.rowStart(), b.rowStart());
            assertArrayEquals(a.indices(), b.indices());
            assertArrayEquals(a.values(), b.values());
            Dataset<Row> test = vectors(rows(40, k, null, 30), new double[40], true);
            assertEquals(model.transform(test).collectAsList(), loaded.transform(test).collectAsList());
        }
    }

    /**
     * A model directory as the code before sparse support vectors wrote it (MLlib's metadata, one Parquet data row
     * with the support vectors row-major in a dense vector), written here by hand: it loads, and its decision values
     * are h(x) = sum_s c_s exp(-gamma |x_s - x|^2) + b computed here.
     */
    @Test
    void aModelSavedBeforeSparseSupportVectorsLoads() throws IOException {
        Path path = tmp.resolve("saved-before");
        Files.createDirectories(path.resolve("metadata"));
        Files.writeString(path.resolve("metadata").resolve("part-00000"), "{\"class\":\"mlspark.ml.KernelSvmModel\","
                + "\"timestamp\":1765000000000,\"sparkVersion\":\"4.0.1\",\"uid\":\"kernelSvm_before\",\"paramMap\":{},"
                + "\"defaultParamMap\":{}}\n");
        double gamma = 0.5;
        double[] vectors = {1, 0, 0, 2, -1, 1};
        double[] coefficients = {0.75, -0.5, -0.25};
        double b = 0.125;
        StructType schema = new StructType()
                .add("kernel", DataTypes.StringType, false)
                .add("gamma", DataTypes.DoubleType, false)
                .add("degree", DataTypes.IntegerType, false)
                .add("coef0", DataTypes.DoubleType, false)
                .add("numFeatures", DataTypes.IntegerType, false)
                .add("supportVectors", new org.apache.spark.ml.linalg.VectorUDT(), false)
                .add("coefficients", new org.apache.spark.ml.linalg.VectorUDT(), false)
                .add("supportIndices", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
                .add("intercept", DataTypes.DoubleType, false);
        spark().createDataFrame(List.of(RowFactory.create("rbf", gamma, 3, 0.0, 2, new DenseVector(vectors),
                new DenseVector(coefficients), new Integer[]{4, 7, 9}, b)), schema).repartition(1).write()
                .parquet(path.resolve("data").toString());
        KernelSvmModel loaded = KernelSvmModel.load(path.toString());
        assertInstanceOf(DensePoints.class, loaded.supportVectors());
        assertFalse(loaded.isOneVsOne());
        assertEquals(2, loaded.numFeatures());
        double[][] test = {{0.5, 0.5}, {0, 0}, {-1, 2}};
        double[][] got = raw(loaded.transform(vectors(test, new double[test.length], true)));
        for (int i = 0; i < test.length; i++) {
            double h = b;
            for (int s = 0; s < 3; s++) {
                double dx = vectors[2 * s] - test[i][0];
                double dy = vectors[2 * s + 1] - test[i][1];
                h += coefficients[s] * Math.exp(-gamma * (dx * dx + dy * dy));
            }
            assertArrayEquals(new double[]{-h, h}, got[i], 1e-12);
        }
    }
}
