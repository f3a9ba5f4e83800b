package mlspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import mlspark.data.LabeledData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * save -> load -> transform: the loaded model's output columns equal the original's exactly (the
 * rows compared as Java objects: doubles and vectors bit for bit), its Params too.
 */
class PersistenceTest extends SparkSqlTest {
    @TempDir
    Path tmp;

    private static LabeledData generated(int n, int d, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % classes;
            for (int j = 0; j < d; j++) {
                x[i][j] = random.nextGaussian() + (j % classes == y[i] ? 1.5 : 0);
            }
        }
        return new LabeledData(x, y, "generated");
    }

    private Dataset<Row> data(int n, int d, int classes, long seed) {
        LabeledData g = generated(n, d, classes, seed);
        return vectors(g.x(), g.y(), false);
    }

    private static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
        assertEquals(List.of(expected.columns()), List.of(actual.columns()));
        List<Row> a = expected.collectAsList();
        List<Row> b = actual.collectAsList();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i), b.get(i), "row " + i);
        }
    }

    private static void assertSameParams(Params expected, Params actual) {
        assertEquals(expected.uid(), actual.uid());
        assertEquals(expected.extractParamMap().toString(), actual.extractParamMap().toString());
    }

    @Test
    void primalSvmModelAndItsPipelineRoundTrip() throws IOException {
        Dataset<Row> data = data(50, 3, 2, 1);
        PrimalSvmModel model = new PrimalSvmClassifier().setC(2).setC1(3).setMaxIter(7).setPredictionCol("p").fit(data);
        String path = tmp.resolve("primal").toUri().toString();
        model.write().overwrite().save(path);
        PrimalSvmModel loaded = PrimalSvmModel.load(path);
        assertSameParams(model, loaded);
        assertFalse(loaded.hasSummary());
        assertSameRows(model.transform(data), loaded.transform(data));
        model.write().overwrite().save(path);
        assertThrows(IOException.class, () -> model.write().save(path), "saving over a model needs overwrite()");

        Dataset<Row> columns = columns(generated(50, 3, 2, 1), true);
        PipelineModel pipeline = new Pipeline().setStages(new PipelineStage[]{
                new VectorAssembler().setInputCols(new String[]{"x1", "x2", "x3"}).setOutputCol("features"),
                new PrimalSvmClassifier().setMaxIter(5)}).fit(columns);
        String pipelinePath = tmp.resolve("pipeline").toString();
        pipeline.write().overwrite().save(pipelinePath);
        assertSameRows(pipeline.transform(columns), PipelineModel.load(pipelinePath).transform(columns));

        PrimalSvmClassifier estimator = new PrimalSvmClassifier().setC(0.5).setSchedule("inverse").setDecay(0.1);
        String estimatorPath = tmp.resolve("estimator").toString();
        estimator.save(estimatorPath);
        assertSameParams(estimator, PrimalSvmClassifier.load(estimatorPath));
        Pipeline unfitted = new Pipeline().setStages(new PipelineStage[]{estimator});
        unfitted.save(tmp.resolve("unfitted").toString());
        assertTrue(Pipeline.load(tmp.resolve("unfitted").toString()).getStages()[0] instanceof PrimalSvmClassifier);

        // a CrossValidator finds its grid's Params again by the estimator's uid and name
        ParamMap[] grid = new ParamGridBuilder().addGrid(estimator.C(), new double[]{0.1, 10}).build();
        CrossValidator cv = new CrossValidator().setEstimator(estimator).setEstimatorParamMaps(grid)
                .setEvaluator(new BinaryClassificationEvaluator()).setNumFolds(2);
        String cvPath = tmp.resolve("cv").toString();
        cv.save(cvPath);
        CrossValidator loadedCv = CrossValidator.load(cvPath);
        assertEquals(10.0, loadedCv.getEstimatorParamMaps()[1].apply(((PrimalSvmClassifier) loadedCv.getEstimator()).C()));
    }

    @Test
    void kernelSvmModelRoundTrips() throws IOException {
        Dataset<Row> data = data(40, 3, 2, 2);
        for (KernelSvmClassifier svm : new KernelSvmClassifier[]{
                new KernelSvmClassifier().setKernel("rbf").setGamma("scale").setSolver("smo").setBiasRule("libsvm"),
                new KernelSvmClassifier().setKernel("poly").setDegree(2).setCoef0(1).setGamma(0.3).setC0(2),
                new KernelSvmClassifier().setGamma(0.5).setSolver("cascade").setCascadePartitions(3)}) {
            KernelSvmModel model = svm.fit(data);
            String path = tmp.resolve("kernel-" + model.getKernel() + "-" + model.getSolver()).toString();
            model.write().overwrite().save(path);
            KernelSvmModel loaded = KernelSvmModel.load(path);
            assertSameParams(model, loaded);
            assertEquals(model.numSupportVectors(), loaded.numSupportVectors());
            assertSameRows(model.transform(data), loaded.transform(data));
            KernelSvmClassifier estimator = KernelSvmClassifier.load(saved(svm, "kernel-estimator"));
            assertSameParams(svm, estimator);
        }
    }

    @Test
    void twoLayerNetModelRoundTripsInBothPrecisions() throws IOException {
        Dataset<Row> data = data(60, 4, 3, 3);
        for (String precision : new String[]{"float64", "float32"}) {
            TwoLayerNetClassifier net = new TwoLayerNetClassifier().setHiddenSize(5).setMaxIter(2).setBatchSize(8)
                    .setPrecision(precision).setUpdate("adam").setValidationFraction(0.2).setTrainSubset(10).setSeed(4);
            TwoLayerNetModel model = net.fit(data);
            String path = tmp.resolve("net-" + precision).toString();
            model.write().overwrite().save(path);
            TwoLayerNetModel loaded = TwoLayerNetModel.load(path);
            assertSameParams(model, loaded);
            assertSameRows(model.transform(data), loaded.transform(data));
            assertSameParams(net, TwoLayerNetClassifier.load(saved(net, "net-estimator")));
        }
    }

    private String saved(org.apache.spark.ml.util.MLWritable estimator, String name) throws IOException {
        String path = tmp.resolve(name).toString();
        estimator.write().overwrite().save(path);
        return path;
    }
}
