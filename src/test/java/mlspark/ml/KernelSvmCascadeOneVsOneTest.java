package mlspark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import mlspark.linalg.DensePoints;
import mlspark.linalg.Points;
import mlspark.linalg.SparsePoints;
import mlspark.svm.multiclass.Blobs;
import mlspark.svm.multiclass.OneVsOneModel;

/**
 * {@link KernelSvmClassifier} with solver cascade on K >= 3 classes against the same classifier with solver smo
 * (one-vs-one on the driver, each pair by working-set SMO on all its rows): the same decision values, predictions,
 * support vectors and pair figures; and on sparse rows: the model of their dense copy, its support vectors sparse,
 * including rows of 2^30 features, whose dense copy would not fit in the test JVM's heap.
 */
class KernelSvmCascadeOneVsOneTest extends SparkSqlTest {
    private static final double GAMMA = 0.5;
    /** Tight, so that two solvers' solutions of a pair agree to far better than the 1e-6 compared. */
    private static final double TOL = 1e-9;

    @TempDir
    Path tmp;

    private static KernelSvmClassifier svm(String solver) {
        return new KernelSvmClassifier().setKernel("rbf").setGamma(GAMMA).setC(1).setSolver(solver).setTol(TOL)
                .setBiasRule("libsvm").setSvThreshold(0);
    }

    private static KernelSvmClassifier cascade(int partitions) {
        return svm("cascade").setCascadePartitions(partitions);
    }

    /** 4 classes, and 3 classes of which one has a single row. */
    @ParameterizedTest(name = "{0} classes, {1} sub-problems")
    @CsvSource({"4, 4", "3, 3"})
    void cascadeEqualsSmoOneVsOne(int k, int partitions) {
        Blobs data = k == 4 ? Blobs.generate(new double[]{0, 1, 2, 3}, new int[]{30, 25, 20, 35}, 21)
                : Blobs.generate(new double[]{0, 1, 2}, new int[]{40, 30, 1}, 22);
        Dataset<Row> train = vectors(data.x(), data.y(), false);
        KernelSvmModel smo = svm("smo").fit(train);
        KernelSvmModel cascade = cascade(partitions).fit(train);

        assertTrue(cascade.isOneVsOne());
        assertEquals(k, cascade.numClasses());
        OneVsOneModel expected = smo.oneVsOne();
        OneVsOneModel got = cascade.oneVsOne();
        assertArrayEquals(expected.supportIndices(), got.supportIndices(), "each support vector once, in LIBSVM's order");
        assertArrayEquals(expected.supportCounts(), got.supportCounts());
        double[][] points = Blobs.testPoints(300, 23);
        List<Row> predicted = cascade.transform(vectors(points, new double[points.length], false)).select("prediction")
                .collectAsList();
        for (int i = 0; i < points.length; i++) {
            assertArrayEquals(expected.decisionValues(points[i]), got.decisionValues(points[i]), 1e-6, "point " + i);
            assertEquals(smo.predict(Vectors.dense(points[i])), predicted.get(i).getDouble(0), "point " + i);
        }

        List<KernelSvmTrainingSummary.Problem> want = smo.summary().problems();
        List<KernelSvmTrainingSummary.Problem> pairs = cascade.summary().problems();
        assertEquals(k * (k - 1) / 2, pairs.size());
        for (int p = 0; p < pairs.size(); p++) {
            KernelSvmTrainingSummary.Problem pair = pairs.get(p);
            assertEquals(want.get(p).negativeClass(), pair.negativeClass());
            assertEquals(want.get(p).positiveClass(), pair.positiveClass());
            assertEquals(want.get(p).rows(), pair.rows());
            assertEquals(want.get(p).numSupportVectors(), pair.numSupportVectors());
            assertEquals(want.get(p).dualObjective(), pair.dualObjective(), 1e-7 * Math.abs(want.get(p).dualObjective()));
            assertEquals("cascade", pair.solution().solver());
            assertTrue(!pair.cascadePasses().isEmpty() && !pair.cascadeLayers().isEmpty(), "the pair's passes and layers");
            assertTrue(pair.iterations() > 0 && pair.seconds() > 0);
        }
    }

    /**
     * Rows of 300 features, 4 of them non-zero (two informative, two noise): the cascade on their sparse vectors
     * gives the model of their dense copies, with sparse support vectors, also after saving and loading; for two
     * classes as for three.
     */
    @ParameterizedTest(name = "{0} classes")
    @CsvSource({"2", "3"})
    void sparseRowsGiveTheModelOfTheirDenseCopyAndStaySparse(int k) throws Exception {
        Blobs blobs = Blobs.generate(k == 2 ? new double[]{0, 1} : new double[]{0, 1, 2},
                k == 2 ? new int[]{40, 35} : new int[]{30, 25, 35}, 24);
        double[][] x = scattered(blobs.x(), 300, 25);
        double[][] test = scattered(Blobs.testPoints(100, 26), 300, 27);
        KernelSvmModel sparse = cascade(3).fit(vectors(x, blobs.y(), true));
        KernelSvmModel dense = cascade(3).fit(vectors(x, blobs.y(), false));
        assertInstanceOf(SparsePoints.class, sparse.supportVectors());
        assertInstanceOf(DensePoints.class, dense.supportVectors());
        assertEquals(dense.numSupportVectors(), sparse.numSupportVectors());

        Path saved = tmp.resolve("sparse-" + k);
        sparse.write().save(saved.toString());
        KernelSvmModel loaded = KernelSvmModel.load(saved.toString());
        assertInstanceOf(SparsePoints.class, loaded.supportVectors());
        for (double[] row : test) {
            double[] want = dense.predictRaw(Vectors.dense(row)).toArray();
            assertArrayEquals(want, sparse.predictRaw(Vectors.dense(row).toSparse()).toArray(), 1e-6);
            assertArrayEquals(sparse.predictRaw(Vectors.dense(row).toSparse()).toArray(),
                    loaded.predictRaw(Vectors.dense(row).toSparse()).toArray(), 1e-12);
        }
        assertTrue(Files.isDirectory(saved));
    }

    /**
     * Rows of 2^30 features (a dense row would be 8 GiB, above the test JVM's 6 GiB heap) with two non-zeros, at
     * features 5 and 2^29 + 3: the cascade trains on them as they are, and its model is smo's on the same two
     * values as dense rows of two features (the kernel sees only the non-zeros).
     */
    @Test
    void aDimensionWhoseDenseCopyWouldNotFitStaysSparse() {
        int d = 1 << 30;
        assertTrue((long) d * Double.BYTES > Runtime.getRuntime().maxMemory(), "a dense row fits in this heap");
        int[] features = {5, (1 << 29) + 3};
        Blobs data = Blobs.generate(new double[]{0, 1, 2}, new int[]{25, 20, 30}, 28);
        StructType schema = new StructType().add("features", new org.apache.spark.ml.linalg.VectorUDT(), false)
                .add("label", DataTypes.DoubleType, false);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < data.y().length; i++) {
            rows.add(RowFactory.create(Vectors.sparse(d, features, data.x()[i]), data.y()[i]));
        }
        KernelSvmModel huge = cascade(2).fit(spark().createDataFrame(rows, schema));
        KernelSvmModel small = svm("smo").fit(vectors(data.x(), data.y(), false));

        assertInstanceOf(SparsePoints.class, huge.supportVectors());
        assertEquals(d, huge.numFeatures());
        assertArrayEquals(small.oneVsOne().supportIndices(), huge.oneVsOne().supportIndices());
        double[][] points = Blobs.testPoints(100, 29);
        int[] rowStart = new int[points.length + 1];
        int[] indices = new int[2 * points.length];
        double[] values = new double[2 * points.length];
        for (int i = 0; i < points.length; i++) {
            rowStart[i + 1] = 2 * (i + 1);
            System.arraycopy(features, 0, indices, 2 * i, 2);
            System.arraycopy(points[i], 0, values, 2 * i, 2);
        }
        Points test = new SparsePoints(d, rowStart, indices, values);
        for (int i = 0; i < points.length; i++) {
            assertArrayEquals(small.oneVsOne().decisionValues(points[i]), huge.oneVsOne().decisionValues(test, i), 1e-6,
                    "point " + i);
        }
    }

    /**
     * Each row's values in {@code d} features: its own at features 7 and 151, and two noise values in [0, 0.1) at
     * features drawn among the others.
     */
    private static double[][] scattered(double[][] x, int d, long seed) {
        Random random = new Random(seed);
        double[][] out = new double[x.length][d];
        for (int i = 0; i < x.length; i++) {
            out[i][7] = x[i][0];
            out[i][151] = x[i][1];
            for (int t = 0; t < 2; t++) {
                int j = random.nextInt(d);
                out[i][j == 7 || j == 151 ? j + 1 : j] = 0.1 * random.nextDouble();
            }
        }
        return out;
    }
}
