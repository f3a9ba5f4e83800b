package mlspark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LinearSVC;
import org.apache.spark.ml.classification.LinearSVCModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import mlspark.data.BinaryDataSets;
import mlspark.data.LabeledData;
import mlspark.data.TrainTest;
import mlspark.data.TwoMoons;
import mlspark.kernel.NystromFeatures;
import mlspark.kernel.RandomFourierFeatures;
import mlspark.cli.output.Json;
import mlspark.testing.ProjectData;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

class PrimalSvmClassifierTest extends SparkSqlTest {

    private static TrainTest assignment() {
        return BinaryDataSets.load("hw3", null, ProjectData.dataDirWith("hw3/soft_margin_svm_data.npy"), m -> { });
    }

    /** The checks of conf/expectations.json (figures of the assignment's NumPy loop), by id. */
    private static JsonNode expected(String id) {
        for (JsonNode check : Json.read(ProjectData.root().resolve("conf/expectations.json")).get("checks")) {
            if (check.get("id").asText().equals(id)) {
                return check;
            }
        }
        return null;
    }

    /** Test accuracy of (w, b) by a plain loop: +1 where w.x + b > 0. */
    private static double accuracy(double[] w, double b, LabeledData test) {
        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            double h = b;
            for (int j = 0; j < w.length; j++) {
                h += w[j] * test.x()[i][j];
            }
            correct += (h > 0 ? 1 : -1) == test.y()[i] ? 1 : 0;
        }
        return (double) correct / test.size();
    }

    private static double fraction(Dataset<Row> predictions, String labelCol) {
        return (double) predictions.filter(col("prediction").equalTo(col(labelCol))).count() / predictions.count();
    }

    @Test
    void pipelineReproducesThePublishedQ2Figures() {
        TrainTest data = assignment();
        Dataset<Row> train = columns(data.train(), true);
        Dataset<Row> test = columns(data.test(), true);
        VectorAssembler assembler = new VectorAssembler().setInputCols(new String[]{"x1", "x2", "x3", "x4"})
                .setOutputCol("features");
        for (int epochs : new int[]{1, 3, 10, 30, 100}) {
            PrimalSvmClassifier svm = new PrimalSvmClassifier().setC(5).setStepSize(1e-3).setMaxIter(epochs);
            PipelineModel fitted = new Pipeline().setStages(new PipelineStage[]{assembler, svm}).fit(train);
            PrimalSvmModel model = (PrimalSvmModel) fitted.stages()[1];
            JsonNode w = expected("primal.e" + epochs + ".w");
            JsonNode b = expected("primal.e" + epochs + ".b");
            double[] expectedW = new double[4];
            for (int j = 0; j < 4; j++) {
                expectedW[j] = w.get("expected").get(j).asDouble();
                assertEquals(expectedW[j], model.coefficients().apply(j), w.get("tolerance").asDouble(),
                        epochs + " epochs, w" + (j + 1));
            }
            assertEquals(b.get("expected").asDouble(), model.intercept(), b.get("tolerance").asDouble(), epochs + " epochs, b");
            double accuracy = fraction(fitted.transform(test), "label");
            assertEquals(accuracy(expectedW, b.get("expected").asDouble(), data.test()), accuracy, 1e-12,
                    epochs + " epochs, test accuracy");
            JsonNode published = expected("primal.e" + epochs + ".test_accuracy");
            if (published != null) {
                assertEquals(published.get("expected").asDouble(), accuracy, published.get("tolerance").asDouble());
            }
            JsonNode objective = expected("primal.e" + epochs + ".objective");
            if (objective != null) {
                double[] history = model.summary().objectiveHistory();
                assertEquals(epochs + 1, history.length);
                assertEquals(objective.get("expected").asDouble(), history[epochs], objective.get("tolerance").asDouble());
            }
            assertEquals(epochs, model.summary().totalIterations());
        }
    }

    /** Two Gaussian clouds in 3-D, overlapping a little, labels 0/1. */
    private static double[][] clouds(int n, SplittableRandom random, double[] y) {
        double[][] x = new double[n][3];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            double shift = y[i] == 1 ? 1.0 : -1.0;
            for (int j = 0; j < 3; j++) {
                x[i][j] = shift * (j + 1) * 0.4 + random.nextGaussian();
            }
        }
        return x;
    }

    /** E(w,b) = 1/2 |w|^2 + C sum_i max(0, 1 - y_i (w.x_i + b)) by a plain loop, labels 0/1. */
    private static double objective(double[] w, double b, double[][] x, double[] y, double c) {
        double e = 0;
        for (double v : w) {
            e += 0.5 * v * v;
        }
        for (int i = 0; i < x.length; i++) {
            double h = b;
            for (int j = 0; j < w.length; j++) {
                h += w[j] * x[i][j];
            }
            e += c * Math.max(0, 1 - (y[i] > 0 ? 1 : -1) * h);
        }
        return e;
    }

    /**
     * MLlib's LinearSVC minimizes 1/n sum hinge + regParam/2 |w|^2 = E / (n C) for regParam = 1/(n C):
     * the same minimizer. Both are iterative on a non-smooth objective, so the test states its
     * tolerance: objectives within 0.5%, predictions equal on at least 98% of the points.
     */
    @Test
    void convergedModelAgreesWithMllibLinearSvc() {
        int n = 300;
        double c = 0.1;
        double[] y = new double[n];
        double[][] x = clouds(n, new SplittableRandom(11), y);
        Dataset<Row> data = vectors(x, y, false).cache();
        PrimalSvmModel ours = new PrimalSvmClassifier().setC(c).setStepSize(1e-2).setSchedule("inverse").setDecay(0.05)
                .setMaxIter(150).fit(data);
        LinearSVCModel mllib = new LinearSVC().setRegParam(1.0 / (n * c)).setStandardization(false).setFitIntercept(true)
                .setMaxIter(1000).setTol(1e-12).fit(data);
        double eOurs = objective(ours.coefficients().toArray(), ours.intercept(), x, y, c);
        double eMllib = objective(mllib.coefficients().toArray(), mllib.intercept(), x, y, c);
        assertEquals(eMllib, eOurs, 5e-3 * eMllib, "objectives: ours " + eOurs + ", MLlib " + eMllib);
        List<Row> a = ours.transform(data).select("prediction").collectAsList();
        List<Row> m = mllib.transform(data).select("prediction").collectAsList();
        int same = 0;
        for (int i = 0; i < n; i++) {
            same += a.get(i).getDouble(0) == m.get(i).getDouble(0) ? 1 : 0;
        }
        assertTrue(same >= 0.98 * n, same + " of " + n + " predictions agree");
        // the summary's last objective is E at the model
        double[] history = ours.summary().objectiveHistory();
        assertEquals(eOurs, history[history.length - 1], 1e-9 * eOurs);
        data.unpersist();
    }

    @Test
    void sparseFeaturesAndSignedLabelsGiveTheSameModelAsDenseAndZeroOne() {
        int n = 60;
        double[] y = new double[n];
        double[][] x = clouds(n, new SplittableRandom(3), y);
        for (int i = 0; i < n; i += 3) {
            x[i][1] = 0;
        }
        double[] signed = new double[n];
        for (int i = 0; i < n; i++) {
            signed[i] = y[i] > 0 ? 1 : -1;
        }
        PrimalSvmClassifier svm = new PrimalSvmClassifier().setMaxIter(20);
        PrimalSvmModel dense = svm.fit(vectors(x, y, false));
        PrimalSvmModel sparse = svm.fit(vectors(x, signed, true));
        assertArrayEquals(dense.coefficients().toArray(), sparse.coefficients().toArray(), 1e-12);
        assertEquals(dense.intercept(), sparse.intercept(), 1e-12);
        List<Row> rows = sparse.transform(vectors(x, signed, true)).select("prediction", "rawPrediction").collectAsList();
        for (Row r : rows) {
            double h = ((Vector) r.get(1)).apply(1);
            assertEquals(h > 0 ? 1.0 : 0.0, r.getDouble(0));
            assertEquals(-h, ((Vector) r.get(1)).apply(0));
        }
    }

    /**
     * C_i = C_{y_i} * weight_i: weights 2 on the positive class equal C1 = 2 C, and weight 0 drops a
     * sample, as the plain objective says.
     */
    @Test
    void weightsScaleTheCostsOfTheirSamples() {
        int n = 80;
        double[] y = new double[n];
        double[][] x = clouds(n, new SplittableRandom(5), y);
        Dataset<Row> data = vectors(x, y, false);
        PrimalSvmModel asymmetric = new PrimalSvmClassifier().setC(1).setC1(2).setMaxIter(30).fit(data);
        PrimalSvmModel weighted = new PrimalSvmClassifier().setC(1).setWeightCol("w").setMaxIter(30)
                .fit(data.withColumn("w", when(col("label").equalTo(1), lit(2.0)).otherwise(lit(1.0))));
        assertArrayEquals(asymmetric.coefficients().toArray(), weighted.coefficients().toArray(), 1e-12);
        assertEquals(asymmetric.intercept(), weighted.intercept(), 1e-12);
        double[] history = weighted.summary().objectiveHistory();
        double[] w = weighted.summary().modelAt(30).w();
        double b = weighted.summary().modelAt(30).b();
        double e = 0.5 * (w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
        for (int i = 0; i < n; i++) {
            double h = b + w[0] * x[i][0] + w[1] * x[i][1] + w[2] * x[i][2];
            e += (y[i] == 1 ? 2 : 1) * Math.max(0, 1 - (y[i] == 1 ? 1 : -1) * h);
        }
        assertEquals(e, history[30], 1e-9 * e);
    }

    @Test
    void badLabelsAndParamsAreRefusedWithTheirNames() {
        double[][] x = {{0, 1}, {1, 0}, {1, 1}};
        PrimalSvmClassifier svm = new PrimalSvmClassifier().setMaxIter(1);
        IllegalArgumentException oneClass = assertThrows(IllegalArgumentException.class,
                () -> svm.fit(vectors(x, new double[]{1, 1, 1}, false)));
        assertTrue(oneClass.getMessage().contains("both classes"), oneClass.getMessage());
        // {0, 1, 2} are three classes now (one-vs-rest); labels that are no class indices are still refused
        IllegalArgumentException three = assertThrows(IllegalArgumentException.class,
                () -> svm.fit(vectors(x, new double[]{0, 1, 2.5}, false)));
        assertTrue(three.getMessage().contains("labelCol"), three.getMessage());
        assertThrows(IllegalArgumentException.class, () -> svm.setC(0));
        assertThrows(IllegalArgumentException.class, () -> svm.setStepSize(-1));
        assertThrows(IllegalArgumentException.class, () -> svm.setSchedule("cosine"));
        assertThrows(IllegalArgumentException.class, () -> svm.setMaxIter(-1));
        String doc = svm.explainParams();
        for (String param : List.of("C:", "C0:", "C1:", "stepSize:", "maxIter:", "schedule:", "decay:", "weightCol:")) {
            assertTrue(doc.contains(param), param);
        }
        assertFalse(new PrimalSvmModel("m", new mlspark.svm.primal.LinearSvmModel(new double[]{1}, 0)).hasSummary());
    }

    /**
     * Models on kernel features keep their feature map: transform maps the raw features (checked
     * against z(x) computed here from the map's stored arrays and the kernel's formula), the model
     * takes the raw dimension, and after save and load it scores the same rows alike (1e-12).
     */
    @Test
    void kernelFeatureModelsApplyTheirMapAndScoreAlikeAfterLoading(@TempDir Path tmp) throws IOException {
        LabeledData moons = TwoMoons.generate(150, 0.2, 3);
        Dataset<Row> data = vectors(moons.x(), zeroOne(moons.y()), false);
        double mean = Arrays.stream(moons.x()).flatMapToDouble(Arrays::stream).average().orElseThrow();
        double variance = Arrays.stream(moons.x()).flatMapToDouble(Arrays::stream)
                .map(v -> (v - mean) * (v - mean)).sum() / (2.0 * moons.size());
        PrimalSvmClassifier rff = new PrimalSvmClassifier().setFeatures("rff").setComponents(60).setGamma(0.5).setSeed(4)
                .setOptimizer("lbfgs").setC(1).setMaxIter(40);
        PrimalSvmClassifier nystrom = new PrimalSvmClassifier().setFeatures("nystrom").setComponents(30)
                .setKernel("poly").setGamma("scale").setDegree(2).setCoef0(1).setStepSize(1e-2).setMaxIter(20);
        for (PrimalSvmClassifier svm : new PrimalSvmClassifier[]{rff, nystrom}) {
            PrimalSvmModel model = svm.fit(data);
            assertEquals(2, model.numFeatures());
            double[] w = model.coefficients().toArray();
            List<Row> scored = model.transform(data).select("features", "rawPrediction").collectAsList();
            for (Row r : scored) {
                double[] x = ((Vector) r.get(0)).toArray();
                double[] z = svm == rff ? fourier((RandomFourierFeatures) model.featureMap(), x)
                        : nystrom((NystromFeatures) model.featureMap(), x, 1 / (2 * variance));
                double h = model.intercept();
                for (int k = 0; k < w.length; k++) {
                    h += w[k] * z[k];
                }
                assertEquals(h, ((Vector) r.get(1)).apply(1), 1e-9 * Math.max(1, Math.abs(h)), svm.getFeatures());
            }
            if (svm == rff) {
                assertTrue(fraction(model.transform(data), "label") > 0.9, "rbf features separate the moons");
            }
            String path = tmp.resolve(svm.getFeatures()).toString();
            model.write().save(path);
            PrimalSvmModel loaded = PrimalSvmModel.load(path);
            assertEquals(model.getFeatures(), loaded.getFeatures());
            assertEquals(2, loaded.numFeatures());
            List<Row> before = model.transform(data).select("rawPrediction").collectAsList();
            List<Row> after = loaded.transform(data).select("rawPrediction").collectAsList();
            for (int i = 0; i < before.size(); i++) {
                assertEquals(((Vector) before.get(i).get(0)).apply(1), ((Vector) after.get(i).get(0)).apply(1), 1e-12,
                        svm.getFeatures() + " row " + i);
            }
        }
    }

    /** sqrt(2/M) cos(w_k.x + b_k). */
    private static double[] fourier(RandomFourierFeatures map, double[] x) {
        int m = map.phase().length;
        double[] z = new double[m];
        for (int k = 0; k < m; k++) {
            double t = map.phase()[k];
            for (int j = 0; j < x.length; j++) {
                t += map.w()[k * x.length + j] * x[j];
            }
            z[k] = Math.sqrt(2.0 / m) * Math.cos(t);
        }
        return z;
    }

    /** P k(L, x) with the poly kernel (gamma x.l + 1)^2. */
    private static double[] nystrom(NystromFeatures map, double[] x, double gamma) {
        int m = map.landmarkCount();
        double[] k = new double[m];
        for (int l = 0; l < m; l++) {
            double dot = 0;
            for (int j = 0; j < x.length; j++) {
                dot += x[j] * map.landmarks()[l * x.length + j];
            }
            k[l] = Math.pow(gamma * dot + 1, 2);
        }
        int r = map.projection().length / m;
        double[] z = new double[r];
        for (int q = 0; q < r; q++) {
            for (int l = 0; l < m; l++) {
                z[q] += map.projection()[q * m + l] * k[l];
            }
        }
        return z;
    }
}
