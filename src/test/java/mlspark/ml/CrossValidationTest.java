package mlspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** CrossValidator over a ParamGridBuilder grid with MLlib's evaluators, for the three estimators. */
class CrossValidationTest extends SparkSqlTest {

    private Dataset<Row> twoClouds(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            x[i][0] = random.nextGaussian() + (y[i] == 1 ? 1.2 : -1.2);
            x[i][1] = random.nextGaussian();
        }
        return vectors(x, y, false).cache();
    }

    /** The best model is the one of the grid point with the best average metric; every metric above {@code minimum}. */
    private static void assertBestIsTheArgmax(CrossValidatorModel cv, ParamMap[] grid, String param, double bestValue,
                                            double minimum) {
        double[] metrics = cv.avgMetrics();
        assertEquals(grid.length, metrics.length);
        int best = 0;
        for (int k = 0; k < metrics.length; k++) {
            assertTrue(metrics[k] > minimum && metrics[k] <= 1, "metric " + metrics[k]);
            best = metrics[k] > metrics[best] ? k : best;
        }
        assertEquals(grid[best].toSeq().head().value(), bestValue, param);
    }

    @Test
    void crossValidatesBothSvmsOverC() {
        Dataset<Row> data = twoClouds(90, 1);
        PrimalSvmClassifier primal = new PrimalSvmClassifier().setMaxIter(30).setStepSize(1e-2);
        KernelSvmClassifier kernel = new KernelSvmClassifier().setKernel("rbf").setGamma(0.5);
        ParamMap[] primalGrid = new ParamGridBuilder().addGrid(primal.C(), new double[]{0.1, 1, 10}).build();
        ParamMap[] kernelGrid = new ParamGridBuilder().addGrid(kernel.C(), new double[]{0.1, 1, 10}).build();
        BinaryClassificationEvaluator auc = new BinaryClassificationEvaluator();
        CrossValidatorModel primalCv = new CrossValidator().setEstimator(primal).setEstimatorParamMaps(primalGrid)
                .setEvaluator(auc).setNumFolds(3).setSeed(1).fit(data);
        assertTrue(primalCv.bestModel() instanceof PrimalSvmModel);
        assertBestIsTheArgmax(primalCv, primalGrid, "C", ((PrimalSvmModel) primalCv.bestModel()).getC(), 0.8);
        CrossValidatorModel kernelCv = new CrossValidator().setEstimator(kernel).setEstimatorParamMaps(kernelGrid)
                .setEvaluator(auc).setNumFolds(3).setSeed(1).fit(data);
        assertTrue(kernelCv.bestModel() instanceof KernelSvmModel);
        assertBestIsTheArgmax(kernelCv, kernelGrid, "C", ((KernelSvmModel) kernelCv.bestModel()).getC(), 0.8);
        data.unpersist();
    }

    @Test
    void crossValidatesTheNet() {
        int n = 150;
        double[] y = new double[n];
        Dataset<Row> data = vectors(TwoLayerNetClassifierTest.clusters(n, y, 5), y, false).cache();
        TwoLayerNetClassifier net = new TwoLayerNetClassifier().setHiddenSize(8).setInit("he").setMaxIter(3)
                .setBatchSize(10).setValidationFraction(0.2).setTrainSubset(20);
        ParamMap[] grid = new ParamGridBuilder().addGrid(net.stepSize(), new double[]{0.03, 0.1}).build();
        CrossValidatorModel cv = new CrossValidator().setEstimator(net).setEstimatorParamMaps(grid)
                .setEvaluator(new MulticlassClassificationEvaluator().setMetricName("accuracy")).setNumFolds(2)
                .setSeed(2).fit(data);
        assertTrue(cv.bestModel() instanceof TwoLayerNetModel);
        assertBestIsTheArgmax(cv, grid, "stepSize", ((TwoLayerNetModel) cv.bestModel()).getStepSize(), 0.5);
        data.unpersist();
    }
}
