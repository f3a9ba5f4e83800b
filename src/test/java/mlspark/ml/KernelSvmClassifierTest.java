package mlspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import mlspark.data.BinaryDataSets;
import mlspark.data.TrainTest;
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
        for (String name : BinaryDataSets.TOY_SETS) {
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
        assertTrue(svm.explainParams().contains("gamma: kernel gamma"));
        TrainTest moons = BinaryDataSets.load("moons", null, dataDir(), m -> { });
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> new KernelSvmClassifier().setMaxIter(2).fit(vectors(moons.train().x(), moons.train().y(), false)));
        assertTrue(failure.getMessage().contains("did not converge"), failure.getMessage());
    }
}
