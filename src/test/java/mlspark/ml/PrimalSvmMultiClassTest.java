package mlspark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.apache.spark.sql.functions.col;

/** {@link PrimalSvmClassifier} on three classes and more: K one-vs-rest SVMs, their scores and their saved form. */
class PrimalSvmMultiClassTest extends SparkSqlTest {
    @TempDir
    Path dir;

    /** Three well separated blobs in 2-d, labels 0, 1, 2. */
    private Dataset<Row> blobs(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centers = {{0, 4}, {4, -2}, {-4, -2}};
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int k = i % 3;
            y[i] = k;
            x[i] = new double[]{centers[k][0] + random.nextGaussian(), centers[k][1] + random.nextGaussian()};
        }
        return vectors(x, y, false);
    }

    @Test
    void scoresArgmaxAndSaveLoad() throws Exception {
        PrimalSvmModel model = new PrimalSvmClassifier().setC(1).setMaxIter(60).setStepSize(1e-3).fit(blobs(150, 1));
        assertEquals(3, model.numClasses());
        assertEquals(2, model.numFeatures());
        Matrix w = model.coefficientMatrix();
        Vector b = model.interceptVector();
        assertEquals(3, w.numRows());
        List<Row> predicted = model.transform(blobs(90, 2)).select("features", "label", "rawPrediction", "prediction")
                .collectAsList();
        int correct = 0;
        for (Row r : predicted) {
            double[] x = ((Vector) r.get(0)).toArray();
            double[] raw = ((Vector) r.get(2)).toArray();
            double[] expected = new double[3];
            int best = 0;
            for (int k = 0; k < 3; k++) {
                expected[k] = w.apply(k, 0) * x[0] + w.apply(k, 1) * x[1] + b.apply(k);
                best = expected[k] > expected[best] ? k : best;
            }
            assertArrayEquals(expected, raw, 1e-12);
            assertEquals(best, r.getDouble(3));
            correct += best == r.getDouble(1) ? 1 : 0;
        }
        assertTrue(correct >= 85, correct + " of 90 test points right");

        String path = dir.resolve("model").toString();
        model.write().save(path);
        PrimalSvmModel loaded = PrimalSvmModel.load(path);
        assertEquals(3, loaded.numClasses());
        assertArrayEquals(w.toArray(), loaded.coefficientMatrix().toArray(), 0.0);
        assertArrayEquals(b.toArray(), loaded.interceptVector().toArray(), 0.0);
        List<Row> again = loaded.transform(blobs(90, 2)).select("rawPrediction", "prediction").collectAsList();
        for (int i = 0; i < again.size(); i++) {
            assertEquals(predicted.get(i).get(2), again.get(i).get(0));
            assertEquals(predicted.get(i).getDouble(3), again.get(i).getDouble(1));
        }
    }

    /**
     * Sparse rows are scored by their non-zeros (never densified): the scores of three classes and of two
     * equal W x + b by a plain loop over the coefficients, on rows of 40 features with 3 non-zeros.
     */
    @Test
    void sparseRowsAreScoredByTheirNonZeros() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 120;
        int d = 40;
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            x[i][(int) y[i]] = 3 + random.nextGaussian();
            x[i][3 + random.nextInt(d - 3)] = random.nextGaussian();
            x[i][3 + random.nextInt(d - 3)] = random.nextGaussian();
        }
        for (int classes : new int[]{3, 2}) {
            double[][] rows = Arrays.stream(x).limit(classes == 3 ? n : 80).toArray(double[][]::new);
            double[] labels = Arrays.stream(y).limit(rows.length).map(v -> classes == 3 ? v : v % 2).toArray();
            Dataset<Row> sparse = vectors(rows, labels, true);
            PrimalSvmModel model = new PrimalSvmClassifier().setC(1).setMaxIter(30).setStepSize(1e-3).fit(sparse);
            Matrix w = model.coefficientMatrix();
            Vector b = model.interceptVector();
            List<Row> predicted = model.transform(sparse).select("rawPrediction").collectAsList();
            for (int i = 0; i < rows.length; i++) {
                double[] expected = new double[w.numRows()];
                for (int k = 0; k < expected.length; k++) {
                    expected[k] = b.apply(k);
                    for (int j = 0; j < d; j++) {
                        expected[k] += w.apply(k, j) * rows[i][j];
                    }
                }
                double[] raw = ((Vector) predicted.get(i).get(0)).toArray();
                assertArrayEquals(classes == 3 ? expected : new double[]{-expected[0], expected[0]}, raw, 1e-12,
                        classes + " classes, row " + i);
            }
        }
    }

    /** The label column's metadata fixes K: a fourth class without rows gets a model that never wins. */
    @Test
    void numClassesFromMetadata() {
        Dataset<Row> data = blobs(60, 3);
        Dataset<Row> tagged = data.withColumn("label", col("label").as("label",
                NominalAttribute.defaultAttr().withNumValues(4).toMetadata()));
        PrimalSvmModel model = new PrimalSvmClassifier().setMaxIter(20).fit(tagged);
        assertEquals(4, model.numClasses());
        assertTrue(model.transform(data).select("prediction").collectAsList().stream().allMatch(r -> r.getDouble(0) < 3));
    }

    /** Two labels stay a binary SVM: rawPrediction [-h, h], as before. */
    @Test
    void twoClassesStayBinary() {
        Dataset<Row> data = blobs(60, 4).filter(col("label").lt(2));
        PrimalSvmModel model = new PrimalSvmClassifier().setMaxIter(5).fit(data);
        assertEquals(2, model.numClasses());
        Vector raw = (Vector) model.transform(data).select("rawPrediction").head().get(0);
        assertEquals(-raw.apply(0), raw.apply(1), 0.0);
        assertTrue(Arrays.asList(model.toString().split(", ")).stream().noneMatch(s -> s.startsWith("numClasses")));
    }
}
