package mlspark.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mlspark.data.LabeledData;
import mlspark.linalg.DensePoints;
import mlspark.linalg.Points;
import mlspark.linalg.SparsePoints;
import mlspark.testing.SharedSpark;

/**
 * {@link DataSources#collect}: the same rows (3 non-zeros of 60 features, one row of 60) from a LIBSVM and a CSV
 * source reach the driver as the rows written: sparse from LIBSVM (all sparse vectors, 7 % non-zero), dense from
 * CSV (Spark's VectorAssembler compresses the sparse rows but leaves the full one a dense vector).
 */
class CollectTest extends SharedSpark {
    private static final int N = 40;
    private static final int D = 60;

    @TempDir
    Path dir;

    @Test
    void sparseSourcesStaySparseAndDenseOnesDense() throws IOException {
        Random random = new Random(3);
        double[][] x = new double[N][D];
        double[] y = new double[N];
        StringBuilder libsvm = new StringBuilder();
        StringBuilder csv = new StringBuilder();
        for (int j = 0; j < D; j++) {
            csv.append('x').append(j + 1).append(',');
        }
        csv.append("y\n");
        for (int i = 0; i < N; i++) {
            y[i] = i % 2 == 0 ? 1 : -1;
            // three distinct features, the last row all D: a dense vector among CSV's compressed ones
            int[] features = i == N - 1 ? java.util.stream.IntStream.range(0, D).toArray()
                    : random.ints(0, D).distinct().limit(3).sorted().toArray();
            libsvm.append((int) y[i]);
            for (int j : features) {
                x[i][j] = (1 + random.nextInt(999)) * (random.nextBoolean() ? 1e-3 : -1e-3);
                libsvm.append(' ').append(j + 1).append(':').append(x[i][j]);
            }
            libsvm.append('\n');
            for (int j = 0; j < D; j++) {
                csv.append(x[i][j]).append(',');
            }
            csv.append((int) y[i]).append('\n');
        }
        Files.writeString(dir.resolve("rows.libsvm"), libsvm);
        Files.writeString(dir.resolve("rows.csv"), csv);
        SparkSession spark = SparkSession.builder().config(sc.getConf()).getOrCreate();
        DataSources.Options options = new DataSources.Options(null, null, null);
        for (String format : new String[]{"libsvm", "csv"}) {
            String spec = format + ":" + dir.resolve("rows." + format);
            DataSources.Input input = DataSources.read(spark, spec, spec, options, line -> { });
            for (boolean test : new boolean[]{false, true}) {
                LabeledData data = DataSources.collect(input, test);
                Points points = data.features();
                Class<? extends Points> expected = format.equals("libsvm") ? SparsePoints.class : DensePoints.class;
                assertEquals(expected, points.getClass(), format);
                assertEquals(D, points.dimension(), format);
                assertArrayEquals(y, data.y(), format);
                for (int i = 0; i < N; i++) {
                    assertArrayEquals(x[i], points.dense(i), format + " row " + i);
                }
            }
        }
    }
}
