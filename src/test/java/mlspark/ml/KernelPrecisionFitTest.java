package mlspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.Random;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import mlspark.svm.dual.DualSolution;

/**
 * kernelPrecision reaches the solver through the estimator: smo's float32 fit takes another path than float64's
 * (other alphas in the last bits) to the same dual objective (1e-6 relative) and the same predictions.
 */
class KernelPrecisionFitTest extends SparkSqlTest {
    @Test
    void float32FitsAsFloat64() {
        Random random = new Random(31);
        int n = 600;
        int d = 20;
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2 == 0 ? 1 : 0;
            for (int k = 0; k < d; k++) {
                x[i][k] = (y[i] == 1 ? 0.3 : -0.3) + random.nextGaussian();
            }
        }
        Dataset<Row> rows = vectors(x, y, false);
        KernelSvmModel f64 = new KernelSvmClassifier().setSolver("smo").setWorkingSetSize(32).setTol(1e-5)
                .setGamma(0.05).fit(rows);
        KernelSvmModel f32 = new KernelSvmClassifier().setSolver("smo").setWorkingSetSize(32).setTol(1e-5)
                .setGamma(0.05).setKernelPrecision("float32").fit(rows);
        DualSolution s64 = f64.summary().solution();
        DualSolution s32 = f32.summary().solution();
        assertFalse(Arrays.equals(s64.alpha(), s32.alpha()), "float32 rows take another path");
        assertEquals(s64.dualObjective(), s32.dualObjective(), 1e-6 * Math.abs(s64.dualObjective()));
        assertEquals(f64.transform(rows).select("prediction").collectAsList(),
                f32.transform(rows).select("prediction").collectAsList());
        assertEquals("float32", f32.getKernelPrecision());
    }
}
