package mlspark.ml;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import libsvm.svm;
import libsvm.svm_model;
import mlspark.errors.InvalidParameterException;
import mlspark.svm.multiclass.Blobs;
import mlspark.svm.multiclass.LibsvmMulticlass;

/**
 * {@link KernelSvmClassifier} on class indices 0..K-1: one-vs-one against LIBSVM 3.31's Java port (C-SVC, RBF,
 * class weights, -b 1), its block transform against the model's own row-by-row scores, saving and loading.
 */
class KernelSvmOneVsOneTest extends SparkSqlTest {
    private static final double GAMMA = 0.5;
    private static final double EPS = 1e-5;

    /** Seeded blobs, rows ordered by label (stably), so that LIBSVM's class order (first appearance) is 0, 1, ... */
    private static Blobs sortedBlobs(double[] labels, int[] counts, long seed) {
        Blobs b = Blobs.generate(labels, counts, seed);
        Integer[] order = IntStream.range(0, b.y().length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> b.y()[i]));
        return new Blobs(Arrays.stream(order).map(i -> b.x()[i]).toArray(double[][]::new),
                Arrays.stream(order).mapToDouble(i -> b.y()[i]).toArray());
    }

    /** LIBSVM's solver as the classifier runs it: SMO to EPS, LIBSVM's bias, support vectors a > 0. */
    private static KernelSvmClassifier libsvmLike() {
        return new KernelSvmClassifier().setKernel("rbf").setGamma(GAMMA).setC(1).setSolver("smo").setTol(EPS)
                .setBiasRule("libsvm").setSvThreshold(0);
    }

    private static Vector vectorAt(Row row, String column) {
        return row.getAs(column);
    }

    @Test
    void oneVsOneEqualsLibsvmWithClassCosts() {
        Blobs data = sortedBlobs(new double[]{0, 1, 2, 3}, new int[]{30, 25, 20, 35}, 11);
        // C0 and C1 weigh classes 0 and 1, the others cost C: LIBSVM's -wi weights C0/C and C1/C
        KernelSvmModel model = libsvmLike().setC0(2).setC1(0.5).fit(vectors(data.x(), data.y(), false));
        svm_model libsvm = LibsvmMulticlass.train(data.x(), data.y(), GAMMA, 1, new int[]{0, 1}, new double[]{2, 0.5},
                EPS, null);
        assertTrue(model.isOneVsOne());
        assertEquals(4, model.numClasses());
        assertArrayEquals(libsvm.nSV, model.oneVsOne().supportCounts());
        assertEquals(libsvm.l, model.numSupportVectors());

        double[][] points = Blobs.testPoints(400, 12);
        List<Row> rows = model.transform(vectors(points, new double[points.length], false))
                .select("rawPrediction", "prediction").collectAsList();
        for (int i = 0; i < points.length; i++) {
            double expected = svm.svm_predict(libsvm, LibsvmMulticlass.nodes(points[i]));
            assertEquals(expected, rows.get(i).getDouble(1), "point " + i);
            assertArrayEquals(LibsvmMulticlass.decisionValues(libsvm, points[i]),
                    model.oneVsOne().decisionValues(points[i]), 1e-3, "point " + i);
            // the blocks (BLAS) and one row at a time agree
            assertArrayEquals(model.predictRaw(Vectors.dense(points[i])).toArray(), vectorAt(rows.get(i), "rawPrediction")
                    .toArray(), 1e-9);
            assertEquals(expected, model.predict(Vectors.dense(points[i])));
            assertEquals(expected, model.raw2prediction(vectorAt(rows.get(i), "rawPrediction")));
        }

        KernelSvmTrainingSummary summary = model.summary();
        assertEquals(6, summary.problems().size());
        int[] counts = {30, 25, 20, 35};
        for (KernelSvmTrainingSummary.Problem p : summary.problems()) {
            assertTrue(p.positiveClass() < p.negativeClass(), p.toString());
            assertEquals(counts[p.positiveClass()] + counts[p.negativeClass()], p.rows());
            assertTrue(p.solution().converged());
        }
    }

    @Test
    void probabilitiesSumToOneAndMatchLibsvms() {
        Blobs data = sortedBlobs(new double[]{0, 1, 2}, new int[]{40, 30, 35}, 5);
        KernelSvmModel model = libsvmLike().setProbability(true).setSeed(7).fit(vectors(data.x(), data.y(), false));
        svm_model libsvm = LibsvmMulticlass.train(data.x(), data.y(), GAMMA, 1, new int[0], new double[0], EPS, 7L);
        assertTrue(model.hasProbabilities());
        double[][] points = Blobs.testPoints(200, 6);
        List<Row> rows = model.transform(vectors(points, new double[points.length], false))
                .select("probability", "prediction").collectAsList();
        for (int i = 0; i < points.length; i++) {
            double[] p = vectorAt(rows.get(i), "probability").toArray();
            assertEquals(3, p.length);
            assertEquals(1, Arrays.stream(p).sum(), 1e-9);
            assertArrayEquals(LibsvmMulticlass.probabilities(libsvm, points[i]), p, 1e-2, "point " + i);
            assertArrayEquals(model.predictProbability(Vectors.dense(points[i])).toArray(), p, 1e-9);
        }
    }

    @Test
    void twoClassProbabilitiesMatchLibsvmsAndLeaveTheModelAsItWas() {
        // the first row is of class 1, LIBSVM's first class: its pair is class 1 (+1) against class 0, as ours
        Blobs b = sortedBlobs(new double[]{1, 0}, new int[]{40, 45}, 9);
        double[][] x = b.x().clone();
        double[] y = b.y().clone();
        int firstOne = IntStream.range(0, y.length).filter(i -> y[i] == 1).findFirst().getAsInt();
        double[] t = x[0];
        x[0] = x[firstOne];
        x[firstOne] = t;
        y[firstOne] = y[0];
        y[0] = 1;
        Dataset<Row> train = vectors(x, y, false);
        KernelSvmModel plain = libsvmLike().fit(train);
        KernelSvmModel withProbability = libsvmLike().setProbability(true).setSeed(3).fit(train);
        svm_model libsvm = LibsvmMulticlass.train(x, y, GAMMA, 1, new int[0], new double[0], EPS, 3L);
        assertFalse(withProbability.isOneVsOne());
        double[][] points = Blobs.testPoints(150, 8);
        Dataset<Row> test = vectors(points, new double[points.length], false);
        List<Row> expected = plain.transform(test).select("rawPrediction", "prediction").collectAsList();
        List<Row> rows = withProbability.transform(test).select("rawPrediction", "prediction", "probability")
                .collectAsList();
        for (int i = 0; i < points.length; i++) {
            assertArrayEquals(vectorAt(expected.get(i), "rawPrediction").toArray(),
                    vectorAt(rows.get(i), "rawPrediction").toArray(), 1e-9);
            assertEquals(expected.get(i).getDouble(1), rows.get(i).getDouble(1));
            double[] p = vectorAt(rows.get(i), "probability").toArray();
            double[] libsvmP = LibsvmMulticlass.probabilities(libsvm, points[i]);
            // LIBSVM's class order is 1, 0
            assertArrayEquals(new double[]{libsvmP[1], libsvmP[0]}, p, 1e-2, "point " + i);
        }
    }

    @Test
    void aSavedModelLoadsAsItWas() throws Exception {
        Blobs data = sortedBlobs(new double[]{0, 1, 2, 3}, new int[]{20, 15, 25, 20}, 21);
        KernelSvmModel model = libsvmLike().setProbability(true).fit(vectors(data.x(), data.y(), false));
        Path dir = Files.createTempDirectory("ovo").resolve("model");
        model.write().save(dir.toString());
        KernelSvmModel loaded = KernelSvmModel.load(dir.toString());
        assertEquals(4, loaded.numClasses());
        assertTrue(loaded.hasProbabilities());
        assertEquals(model.numSupportVectors(), loaded.numSupportVectors());
        assertArrayEquals(model.oneVsOne().supportIndices(), loaded.oneVsOne().supportIndices());
        double[][] points = Blobs.testPoints(100, 22);
        Dataset<Row> test = vectors(points, new double[points.length], false);
        List<Row> before = model.transform(test).select("rawPrediction", "prediction", "probability").collectAsList();
        List<Row> after = loaded.transform(test).select("rawPrediction", "prediction", "probability").collectAsList();
        assertEquals(before, after);
    }

    @Test
    void aClassWithOneRowAndAClassWithoutRows() {
        // classes 0, 2 and 3 (3 with a single row); class 1 has no training rows
        Blobs data = sortedBlobs(new double[]{0, 2, 3}, new int[]{25, 30, 1}, 3);
        KernelSvmModel model = libsvmLike().setProbability(true).fit(vectors(data.x(), data.y(), false));
        svm_model libsvm = LibsvmMulticlass.train(data.x(), data.y(), GAMMA, 1, new int[0], new double[0], EPS, null);
        assertEquals(4, model.numClasses());
        assertEquals(1, model.oneVsOne().supportCounts()[2]);
        double[][] points = Blobs.testPoints(200, 4);
        // a test row of class 1, which training never saw, is scored as any other
        List<Row> rows = model.transform(vectors(points, new double[points.length], false).withColumn("label",
                col("label").plus(1))).select("rawPrediction", "prediction", "probability").collectAsList();
        for (int i = 0; i < points.length; i++) {
            assertEquals(svm.svm_predict(libsvm, LibsvmMulticlass.nodes(points[i])), rows.get(i).getDouble(1));
            assertEquals(-1, vectorAt(rows.get(i), "rawPrediction").apply(1));
            assertEquals(0, vectorAt(rows.get(i), "probability").apply(1));
        }
    }

    @Test
    void labelsThatAreNoClassIndicesAndASingleClassFail() {
        Blobs data = Blobs.generate(new double[]{0, 1.5, 2}, new int[]{5, 5, 5}, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> libsvmLike().fit(vectors(data.x(), data.y(), false)));
        assertEquals("labelCol 'label': label 1.5 is not a class index (expected integers 0, 1, ..., K-1)", e.getMessage());
        Blobs one = Blobs.generate(new double[]{2}, new int[]{5}, 1);
        e = assertThrows(IllegalArgumentException.class, () -> libsvmLike().fit(vectors(one.x(), one.y(), false)));
        assertEquals("labelCol 'label': the training set has only class 2; a classifier needs two classes or more",
                e.getMessage());
        Blobs three = Blobs.generate(new double[]{0, 1, 2}, new int[]{5, 5, 5}, 1);
        // the cascade trains K classes (KernelSvmCascadeOneVsOneTest), without probabilities
        InvalidParameterException cascade = assertThrows(InvalidParameterException.class,
                () -> libsvmLike().setSolver("cascade").setProbability(true).fit(vectors(three.x(), three.y(), false)));
        assertEquals("probability", cascade.parameter());
        assertEquals("probability: needs solver ipm or smo, not cascade", cascade.getMessage());
    }
}
