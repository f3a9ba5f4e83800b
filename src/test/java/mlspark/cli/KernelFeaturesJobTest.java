package mlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import mlspark.data.LabeledData;
import mlspark.data.TrainTest;
import mlspark.data.TwoMoons;
import mlspark.cli.output.Json;
import mlspark.kernel.Gram;
import mlspark.kernel.Kernel;
import mlspark.kernel.RbfKernel;
import mlspark.svm.ClassCosts;
import mlspark.svm.dual.BiasRule;
import mlspark.svm.dual.DualProblem;
import mlspark.svm.dual.DualSolution;
import mlspark.svm.dual.GramMatrixRows;
import mlspark.svm.dual.KernelSvmModel;
import mlspark.svm.dual.SmoSolver;
import mlspark.testing.ProjectData;
import mlspark.testing.SharedSpark;

/**
 * primal-svm with kernel features, as a user runs it. Nystrom features with every training point as
 * a landmark reproduce the kernel on the training points, so L-BFGS on the squared hinge in that
 * feature space trains the kernel L2-loss SVM; its dual, max sum a - 1/2 a'(Q + I/(2C))a over
 * a >= 0, y'a = 0, is solved here independently by SMO on the Gram matrix plus 1/(2C) on the
 * diagonal (an effectively unbounded box), and both must predict the test points alike.
 */
class KernelFeaturesJobTest extends SharedSpark {
    @TempDir
    Path dir;

    private static final String DATA = "moons:300:0.25:5";
    private static final double C = 1;

    @Test
    void nystromWithEveryLandmarkTrainsTheKernelL2Svm() {
        Path out = dir.resolve("nystrom");
        assertEquals(0, Main.run("primal-svm", "--out", out.toString(), "--data", DATA, "--features", "nystrom",
                "--components", "300", "--gamma", "1", "--C", String.valueOf(C), "--optimizer", "lbfgs",
                "--epochs", "500"));
        JsonNode m = Json.read(out.resolve("metrics.json"));
        JsonNode features = m.get("features");
        assertEquals("nystrom", features.get("kind").asText());
        assertTrue(features.get("kernel_error_max").asDouble() < 1e-5, features.toString());
        double jobAccuracy = m.get("runs").get(0).get("test_accuracy").asDouble();

        TrainTest set = TwoMoons.load((mlspark.data.DataSpec.Moons) mlspark.data.DataSpec.parse(DATA));
        LabeledData train = set.train();
        int n = train.size();
        Kernel rbf = new RbfKernel(1);
        double[] gram = Gram.matrix(rbf, train.x());
        for (int i = 0; i < n; i++) {
            gram[i * n + i] += 1 / (2 * C);
        }
        DualProblem problem = new DualProblem(new GramMatrixRows(n, gram), train.y(), ClassCosts.symmetric(1e6));
        DualSolution dual = new SmoSolver(SmoSolver.Settings.defaults().withEps(1e-6)).solve(problem);
        KernelSvmModel l2svm = KernelSvmModel.of(dual, problem, rbf, train.x(), 0, BiasRule.LIBSVM);
        double[] h = new double[set.test().size()];
        for (int i = 0; i < h.length; i++) {
            h[i] = l2svm.decision(set.test().x()[i]);
        }
        double exactAccuracy = KernelSvmModel.accuracy(h, set.test().y());
        assertEquals(exactAccuracy, jobAccuracy, 1.5 / set.test().size(), "test accuracy: at most one point apart");
        // the primal objective at the optimum equals the dual's
        double primal = m.get("runs").get(0).get("objective").asDouble();
        assertEquals(dual.dualObjective(), primal, 1e-4 * primal);
    }

    @Test
    void randomFourierFeaturesReportTheirKernelError() {
        Path out = dir.resolve("rff");
        assertEquals(0, Main.run("primal-svm", "--out", out.toString(), "--data", DATA, "--features", "rff",
                "--components", "500", "--gamma", "1", "--C", "1", "--optimizer", "lbfgs", "--epochs", "50"));
        JsonNode m = Json.read(out.resolve("metrics.json"));
        JsonNode features = m.get("features");
        assertEquals(500, features.get("components").asInt());
        double mean = features.get("kernel_error_mean").asDouble();
        // Monte Carlo error of 500 features: of order 1/sqrt(500) = 0.045 at most
        assertTrue(mean > 0 && mean < 0.045, features.toString());
        assertTrue(m.get("runs").get(0).get("test_accuracy").asDouble() > 0.9);
    }

    /**
     * A model trained on random Fourier features is saved with its feature map: predict, applying it
     * to the raw test points, reports the test accuracy and confusion the training job reported.
     */
    @Test
    void savedFeatureModelPredictsAsTheJobReported() {
        String dataDir = ProjectData.dataDirWith("hw3/generated_toy/toy_moons_train.csv").toString();
        Path out = dir.resolve("rff-saved");
        Path model = dir.resolve("rff-model");
        assertEquals(0, Main.run("primal-svm", "--out", out.toString(), "--data-dir", dataDir, "--data", "moons",
                "--features", "rff", "--components", "200", "--gamma", "1", "--optimizer", "lbfgs", "--epochs", "30",
                "--save-model", model.toString()));
        JsonNode reported = Json.read(out.resolve("metrics.json")).get("runs").get(0);
        Path predictions = dir.resolve("rff-predictions");
        assertEquals(0, Main.run("predict", "--out", predictions.toString(), "--model", model.toString(),
                "--data-dir", dataDir, "--data", "moons", "--kind", "primal-svm"));
        JsonNode metrics = Json.read(predictions.resolve("metrics.json"));
        assertEquals(2, metrics.get("model").get("num_features").asInt());
        assertEquals(reported.get("test_accuracy").asDouble(), metrics.get("accuracy").asDouble(), 0);
        assertEquals(reported.get("test_confusion"), metrics.get("confusion"));
    }
}
