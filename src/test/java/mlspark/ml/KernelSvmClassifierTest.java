package mlspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import mlspark.bench.LibsvmBaseline;
import mlspark.data.BinaryDataSets;
import mlspark.data.LabeledData;
import mlspark.data.TrainTest;
import mlspark.data.TwoMoons;
import mlspark.errors.InvalidParameterException;
import mlspark.kernel.RbfKernel;
import mlspark.svm.ClassCosts;
import mlspark.testing.DualTables;
import mlspark.testing.ProjectData;

import static org.apache.spark.sql.functions.col;

class KernelSvmClassifierTest extends SparkSqlTest {
    private static final String[] KERNELS = {"linear", "poly", "sigmoid", "rbf"};

    private static Path dataDir() {
        return ProjectData.dataDirWith("hw3/generated_toy/toy_moons_train.csv");
    }

    private double testAccuracy(KernelSvmClassifier svm, TrainTest set) {
        KernelSvmModel model = svm.fit(vectors(set.train().x(), set.train().y(), false));
        assertTrue(model.summary().solution().converged(), model.summary().solverStatus());
        Dataset<Row> predicted = model.transform(vectors(set.test().x(), zeroOne(set.test().y()), false));
        return (double) predicted.filter(col("prediction").equalTo(col("label"))).count() / set.test().size();
    }

    /** Both tables of the dual-svm job (4 toy sets x 4 kernels), through the API, cell by cell against LIBSVM. */
    @Test
    void reproducesTheDualJobsTwoTables() {
        for (String name : mlspark.data.DataSpec.TOY_SETS) {
            TrainTest set = BinaryDataSets.load(name, null, dataDir(), m -> { });
            for (String kernel : KERNELS) {
                KernelSvmClassifier assignment = new KernelSvmClassifier().setKernel(kernel).setGamma(0.2).setC(1)
                        .setDegree(3).setCoef0(0);
                assertEquals(DualTables.assignmentAccuracy(set, DualTables.kernel(kernel, 0.2)),
                        testAccuracy(assignment, set), 1e-12, "assignment " + name + " " + kernel);
                KernelSvmClassifier sklearn = new KernelSvmClassifier().setKernel(kernel).setGamma("scale")
                        .setSolver("smo").setTol(1e-3).setBiasRule("libsvm").setSvThreshold(0);
                assertEquals(DualTables.libsvmAccuracy(set, DualTables.kernel(kernel, DualTables.scale(set.train().x()))),
                        testAccuracy(sklearn, set), 1e-12, "sklearn " + name + " " + kernel);
            }
        }
    }

    @Test
    void paramsAreCheckedAndAnUnconvergedSolveFails() {
        KernelSvmClassifier svm = new KernelSvmClassifier();
        assertThrows(IllegalArgumentException.class, () -> svm.setKernel("laplacian"));
        assertThrows(IllegalArgumentException.class, () -> svm.setGamma(-1.0));
        assertThrows(IllegalArgumentException.class, () -> svm.setGamma("auto"));
        assertThrows(IllegalArgumentException.class, () -> svm.setDegree(-2));
        assertThrows(IllegalArgumentException.class, () -> svm.setSolver("cvxopt"));
        assertThrows(IllegalArgumentException.class, () -> svm.setBiasRule("mean"));
        assertEquals("rbf", svm.getKernel());
        assertEquals("0.2", svm.getGamma());
        assertEquals(1.0, svm.getC());
        assertEquals("ipm", svm.getSolver());
        assertThrows(IllegalArgumentException.class, () -> svm.setCascadePartitions(0));
        assertEquals(8, svm.getCascadePartitions());
        assertTrue(svm.explainParams().contains("cascadePartitions: sub-problems of the cascade"));
        assertTrue(svm.explainParams().contains("gamma: kernel gamma"));
        TrainTest moons = BinaryDataSets.load("moons", null, dataDir(), m -> { });
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> new KernelSvmClassifier().setMaxIter(2).fit(vectors(moons.train().x(), moons.train().y(), false)));
        assertTrue(failure.getMessage().contains("did not converge"), failure.getMessage());
    }

    /**
     * The cascade through the API reaches LIBSVM's optimum on all the data (LIBSVM's Java port, gamma
     * "scale" written out independently, ours computed on the executors): dual objective, support
     * vectors and test predictions.
     */
    @Test
    void cascadeMatchesLibsvmOnAllTheData() {
        LabeledData train = TwoMoons.generate(400, TwoMoons.NOISE, 11);
        LabeledData test = TwoMoons.generate(1000, TwoMoons.NOISE, 12);
        double gamma = DualTables.scale(train.x());
        LibsvmBaseline.Result libsvm = LibsvmBaseline.train(train.x(), train.y(), new RbfKernel(gamma),
                ClassCosts.symmetric(1), 1e-3, 20);
        long libsvmSupportVectors = Arrays.stream(libsvm.alpha()).filter(a -> a > 0).count();
        Dataset<Row> trainRows = vectors(train.x(), zeroOne(train.y()), false);
        Dataset<Row> testRows = vectors(test.x(), zeroOne(test.y()), false);
        for (int partitions : new int[]{2, 3}) {
            KernelSvmModel model = new KernelSvmClassifier().setSolver("cascade").setCascadePartitions(partitions)
                    .setGamma("scale").setBiasRule("libsvm").setSvThreshold(0).fit(trainRows);
            KernelSvmTrainingSummary summary = model.summary();
            String what = partitions + " partitions: " + summary.solverStatus();
            assertEquals("cascade", summary.solver(), what);
            assertTrue(summary.solution().converged() && summary.passes() >= 1 && summary.totalIterations() > 0, what);
            assertEquals(gamma, summary.gamma(), 1e-12 * gamma, what);
            assertEquals(libsvm.dualObjective(), summary.dualObjective(), 1e-3 * Math.abs(libsvm.dualObjective()), what);
            assertTrue(summary.kktResidual() < 1e-3, what + ", KKT residual " + summary.kktResidual());
            assertEquals(libsvmSupportVectors, summary.numSupportVectors(), 2, what);
            List<Row> predicted = model.transform(testRows).select("prediction").collectAsList();
            int disagreements = 0;
            for (int i = 0; i < test.size(); i++) {
                disagreements += (predicted.get(i).getDouble(0) == 1 ? 1 : -1) == libsvm.predict(test.x()[i]) ? 0 : 1;
            }
            assertEquals(0, disagreements, what + ": " + disagreements + " of " + test.size()
                    + " test predictions differ from LIBSVM's");
        }
        InvalidParameterException tooMany = assertThrows(InvalidParameterException.class,
                () -> new KernelSvmClassifier().setSolver("cascade").setCascadePartitions(401).fit(trainRows));
        assertEquals("cascadePartitions", tooMany.parameter());
    }

    /**
     * Sparse vectors (the moons with the small coordinates zeroed, so rows have 0, 1 or 2 entries)
     * give the model the same rows as dense vectors give, for the driver-side solver and the
     * cascade: the same bias, objective and decision values.
     */
    @Test
    void sparseVectorsTrainAsTheSameRowsDense() {
        TrainTest set = BinaryDataSets.load("moons", null, dataDir(), m -> { });
        double[][] x = Arrays.stream(set.train().x()).map(r -> Arrays.stream(r).map(v -> Math.abs(v) < 0.3 ? 0 : v).toArray())
                .toArray(double[][]::new);
        double[] y = zeroOne(set.train().y());
        for (KernelSvmClassifier svm : List.of(new KernelSvmClassifier().setKernel("rbf").setGamma("scale").setSolver("smo"),
                new KernelSvmClassifier().setKernel("rbf").setGamma(1).setSolver("cascade").setCascadePartitions(2))) {
            KernelSvmModel dense = svm.fit(vectors(x, y, false));
            KernelSvmModel sparse = svm.fit(vectors(x, y, true));
            assertEquals(dense.svm().b(), sparse.svm().b(), 0, svm.getSolver());
            assertEquals(dense.summary().dualObjective(), sparse.summary().dualObjective(), 0, svm.getSolver());
            List<Row> a = dense.transform(vectors(set.test().x(), zeroOne(set.test().y()), true)).select("rawPrediction").collectAsList();
            List<Row> b = sparse.transform(vectors(set.test().x(), zeroOne(set.test().y()), false)).select("rawPrediction").collectAsList();
            assertEquals(a, b, svm.getSolver());
        }
    }
    /**
     * The summary of a two-class fit holds one problem with its own figures: its rows, its support
     * vectors (the a_i > svThreshold) and its dual objective, recomputed here from its multipliers.
     */
    @Test
    void theSummaryHoldsTheFiguresOfEachProblem() {
        TrainTest set = BinaryDataSets.load("moons", null, dataDir(), m -> { });
        double[][] x = set.train().x();
        double[] y = set.train().y();
        KernelSvmModel model = new KernelSvmClassifier().setSolver("smo").setGamma(0.5).setC(2)
                .fit(vectors(x, zeroOne(y), false));
        KernelSvmTrainingSummary summary = model.summary();
        KernelSvmTrainingSummary.Problem problem = summary.problem();
        assertEquals(List.of(problem), summary.problems());
        assertEquals(0, problem.negativeClass());
        assertEquals(1, problem.positiveClass());
        assertEquals(x.length, problem.rows());
        double[] a = problem.solution().alpha();
        RbfKernel k = new RbfKernel(0.5);
        double objective = 0;
        int supportVectors = 0;
        for (int i = 0; i < x.length; i++) {
            objective += a[i];
            for (int j = 0; j < x.length; j++) {
                objective -= 0.5 * a[i] * a[j] * y[i] * y[j] * k.apply(x[i], x[j]);
            }
            supportVectors += a[i] > 1e-4 ? 1 : 0;
        }
        assertEquals(objective, problem.dualObjective(), 1e-9 * Math.abs(objective));
        assertEquals(supportVectors, problem.numSupportVectors());
        assertEquals(supportVectors, model.numSupportVectors());
        assertEquals(problem.iterations(), summary.totalIterations());
        assertTrue(problem.gramSeconds() > 0 && problem.cascadePasses().isEmpty() && problem.trainingDecision() == null);
    }
}
