package mlspark.ml;

import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

import mlspark.errors.InvalidParameterException;
import mlspark.svm.primal.LinearSvmModel;
import mlspark.svm.primal.OneVsRestLinearModel;
import mlspark.testing.Liblinear;

/**
 * {@code PrimalSvmClassifier.setOptimizer("cocoa")} on Datasets against LIBLINEAR's {@code -s 3}:
 * per-sample weights (LIBLINEAR: rows repeated), the bias feature B, K one-vs-rest problems in the
 * same rounds; its Params checked and named.
 */
class CocoaClassifierTest extends SparkSqlTest {

    /** n rows of d Gaussian features. */
    private static double[][] features(int n, int d, SplittableRandom random) {
        double[][] x = new double[n][d];
        for (double[] row : x) {
            Arrays.setAll(row, j -> random.nextGaussian());
        }
        return x;
    }

    /** Labels: the class (0..classes-1) of the largest of {@code classes} noisy linear scores. */
    private static double[] classes(double[][] x, int classes, SplittableRandom random) {
        int d = x[0].length;
        double[][] truth = new double[classes][];
        Arrays.setAll(truth, k -> random.doubles(d, -1, 1).toArray());
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int best = 0;
            double top = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                double h = 0.4 * random.nextGaussian();
                for (int j = 0; j < d; j++) {
                    h += truth[k][j] * x[i][j];
                }
                if (h > top) {
                    top = h;
                    best = k;
                }
            }
            y[i] = best;
        }
        return y;
    }

    private static double[] withBias(double[] w, double b, double bias) {
        double[] p = Arrays.copyOf(w, w.length + 1);
        p[w.length] = b / bias;
        return p;
    }

    @Test
    void weightedRowsAndTheBiasFeatureGiveLiblinearsOptimum() {
        SplittableRandom random = new SplittableRandom(21);
        double[][] x = features(300, 12, random);
        double[] labels = classes(x, 2, random);
        int[] repeat = random.ints(300, 1, 4).toArray();
        double bias = 2.5;
        double c = 0.004;
        Dataset<Row> weighted = vectors(x, labels, false).withColumn("weight", lit(0.0));
        weighted = spark().createDataFrame(java.util.stream.IntStream.range(0, x.length)
                .mapToObj(i -> RowFactory.create(Vectors.dense(x[i]), labels[i], (double) repeat[i])).toList(),
                weighted.schema());
        PrimalSvmModel model = new PrimalSvmClassifier().setOptimizer("cocoa").setC(c).setBiasFeature(bias).setTol(1e-7)
                .setMaxIter(2000).setWeightCol("weight").fit(weighted);
        assertEquals("converged", model.summary().solverStatus());
        LinearSvmModel svm = model.linearModel();
        double[] ours = withBias(svm.w(), svm.b(), bias);
        double[] signs = Arrays.stream(labels).map(v -> v > 0 ? 1 : -1).toArray();
        double[] reference = Liblinear.train(x, signs, repeat, new double[]{c, c}, bias, 1e-6)[0];
        double[] costs = Arrays.stream(repeat).mapToDouble(r -> c * r).toArray();
        double p = Liblinear.objective(x, signs, costs, bias, ours);
        double pReference = Liblinear.objective(x, signs, costs, bias, reference);
        assertEquals(pReference, p, 1e-6 * pReference);
        int rounds = model.summary().rounds();
        assertEquals(p, model.summary().dualRounds().get(rounds).objective(), 1e-9 * p);
        assertTrue(rounds < 2000);
    }

    @Test
    void oneVsRestSolvesTheKDualProblemsInTheSameRounds() {
        SplittableRandom random = new SplittableRandom(22);
        double[][] x = features(300, 10, random);
        double[] labels = classes(x, 3, random);
        double c = 0.003;
        PrimalSvmModel model = new PrimalSvmClassifier().setOptimizer("cocoa").setC(c).setTol(1e-7).setMaxIter(2000)
                .fit(vectors(x, labels, true));
        assertEquals(3, model.numClasses());
        assertEquals("converged", model.summary().solverStatus());
        OneVsRestLinearModel ovr = (OneVsRestLinearModel) model.classifier();
        double[][] reference = Liblinear.train(x, labels, null, new double[]{c, c, c}, 1, 1e-6);
        double[] costs = new double[x.length];
        Arrays.fill(costs, c);
        double sum = 0;
        double sumReference = 0;
        for (int k = 0; k < 3; k++) {
            int cls = k;
            double[] signs = Arrays.stream(labels).map(v -> v == cls ? 1 : -1).toArray();
            LinearSvmModel binary = ovr.classModel(k);
            sum += Liblinear.objective(x, signs, costs, 1, withBias(binary.w(), binary.b(), 1));
            sumReference += Liblinear.objective(x, signs, costs, 1, reference[k]);
        }
        assertEquals(sumReference, sum, 1e-6 * sumReference, "the sum of the K objectives");
        int rounds = model.summary().rounds();
        assertEquals(sum, model.summary().dualRounds().get(rounds).objective(), 1e-9 * sum);
    }

    @Test
    void badParamsAreNamed() {
        PrimalSvmClassifier svm = new PrimalSvmClassifier();
        assertEquals("tol", assertThrows(InvalidParameterException.class, () -> svm.setTol(0)).parameter());
        assertEquals("tol", assertThrows(InvalidParameterException.class, () -> svm.setTol(-1e-3)).parameter());
        assertEquals("localPasses", assertThrows(InvalidParameterException.class, () -> svm.setLocalPasses(0)).parameter());
        InvalidParameterException bias = assertThrows(InvalidParameterException.class, () -> svm.setBiasFeature(-1));
        assertEquals("biasFeature: expected a finite number >= 0, got -1.0", bias.getMessage());
        assertTrue(assertThrows(InvalidParameterException.class, () -> svm.setOptimizer("sdca")).getMessage()
                .contains("'sdca' is not one of gd, lbfgs, cocoa"));
        assertEquals(1e-3, svm.getTol());
        assertEquals(1, svm.getLocalPasses());
        assertEquals(1.0, svm.getBiasFeature());
    }
}
