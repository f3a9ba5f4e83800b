package mlspark.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mlspark.data.DataSpec;
import mlspark.data.LabeledData;
import mlspark.data.TextTables;
import mlspark.errors.InputException;
import mlspark.errors.ParameterText;
import mlspark.testing.SharedSpark;

/**
 * One LIBSVM file, two readers: the driver's ({@link TextTables#readLibSvm}) and the executors'
 * ({@link LibsvmSource}) give the same rows, or the same error, for each file; the rows and the
 * errors are also checked against what the file says, written out by hand.
 */
class LibsvmGrammarTest extends SharedSpark {
    private static final int D = 3;

    @TempDir
    Path dir;

    /** A file and the rows it holds, dense, label last. */
    private record Good(String text, double[][] rows) {
    }

    /** A file, the kind of its error and the error after the file's name. */
    private record Bad(String text, InputException.Kind kind, String error) {
    }

    @Test
    void goodFilesGiveTheSameRowsOnBothSides() throws IOException {
        List<Good> cases = List.of(
                new Good("1 1:0.5 3:2\n-1 2:1\n", new double[][]{{0.5, 0, 2, 1}, {0, 1, 0, -1}}),
                new Good("# a comment\n\n  +1\t1:1e-1   2:-.5 # trailing comment\n\t\n0 3:4.\n",
                        new double[][]{{0.1, -0.5, 0, 1}, {0, 0, 4, 0}}),
                new Good("2\n-1 3:1E2\n", new double[][]{{0, 0, 0, 2}, {0, 0, 100, -1}}));
        for (int c = 0; c < cases.size(); c++) {
            Path file = write("good" + c + ".libsvm", cases.get(c).text());
            LabeledData driver = TextTables.readLibSvm(file, D);
            List<Row> executors = LibsvmSource.rows(spark(), source(file), D).collectAsList();
            double[][] expected = cases.get(c).rows();
            assertEquals(expected.length, driver.size(), cases.get(c).text());
            assertEquals(expected.length, executors.size(), cases.get(c).text());
            for (int i = 0; i < expected.length; i++) {
                double[] x = java.util.Arrays.copyOf(expected[i], D);
                assertArrayEquals(x, driver.x()[i], 0.0);
                assertEquals(expected[i][D], driver.y()[i]);
                assertArrayEquals(x, ((Vector) executors.get(i).get(0)).toArray(), 0.0);
                assertEquals(expected[i][D], executors.get(i).getDouble(1));
            }
            LibsvmSource.Summary summary = LibsvmSource.summary(spark(), source(file), D, ParameterText.of("the dimension " + D));
            assertEquals(expected.length, summary.rows);
        }
    }

    @Test
    void malformedFilesGiveTheSameErrorOnBothSides() throws IOException {
        List<Bad> cases = List.of(
                new Bad("1 1:1\nx 1:1\n", InputException.Kind.BAD_FORMAT, "line 2: label 'x' is not a number"),
                new Bad("1 a:1\n", InputException.Kind.BAD_FORMAT, "line 1: 'a:1' is not index:value"),
                new Bad("1 -1:1\n", InputException.Kind.BAD_FORMAT, "line 1: '-1:1' is not index:value"),
                new Bad("1 :1\n", InputException.Kind.BAD_FORMAT, "line 1: ':1' is not index:value"),
                new Bad("1 1:\n", InputException.Kind.BAD_FORMAT, "line 1: '1:' is not index:value"),
                new Bad("1 1:2:3\n", InputException.Kind.BAD_FORMAT, "line 1: '1:2:3' is not index:value"),
                new Bad("# header\n1 1:1\n1 3:1 2:1\n", InputException.Kind.BAD_FORMAT,
                        "line 3: index 2 after 3 (expected 1-based indices in ascending order)"),
                new Bad("1 2:1 2:1\n", InputException.Kind.BAD_FORMAT,
                        "line 1: index 2 after 2 (a duplicated index) (expected 1-based indices in ascending order)"),
                new Bad("1 0:1\n", InputException.Kind.BAD_FORMAT, "line 1: index 0 (indices are 1-based)"),
                new Bad("1 1:x\n", InputException.Kind.BAD_FORMAT, "line 1: index 1: value 'x' is not a number"),
                new Bad("1 1:0x1p3\n", InputException.Kind.BAD_FORMAT, "line 1: index 1: value '0x1p3' is not a number"),
                new Bad("1 1:2d\n", InputException.Kind.BAD_FORMAT, "line 1: index 1: value '2d' is not a number"),
                new Bad("1 1:2 garbage\n", InputException.Kind.BAD_FORMAT, "line 1: 'garbage' is not index:value"),
                new Bad("1 1:nan\n", InputException.Kind.BAD_VALUES, "line 1: index 1: value NaN (expected finite numbers)"),
                new Bad("-inf 1:1\n", InputException.Kind.BAD_VALUES, "line 1: label -inf (expected a finite number)"),
                new Bad("1 1:1\n1 4:1\n", InputException.Kind.BAD_FORMAT, "line 2: index 4 exceeds the dimension 3"),
                new Bad("1 99999999999999999999:1\n", InputException.Kind.BAD_FORMAT,
                        "line 1: index 99999999999999999999 exceeds the dimension 3"));
        for (int c = 0; c < cases.size(); c++) {
            Bad bad = cases.get(c);
            Path file = write("bad" + c + ".libsvm", bad.text());
            InputException driver = assertThrows(InputException.class, () -> TextTables.readLibSvm(file, D), bad.text());
            Exception wrapped = assertThrows(Exception.class, () -> LibsvmSource.rows(spark(), source(file), D).collectAsList());
            InputException executors = causeOf(wrapped);
            InputException summary = assertThrows(InputException.class,
                    () -> LibsvmSource.summary(spark(), source(file), D, ParameterText.of("the dimension " + D)), bad.text());
            for (InputException e : List.of(driver, executors, summary)) {
                assertEquals(bad.kind(), e.kind(), e.getMessage());
                assertTrue(e.source().endsWith(file.toString()), e.source());
                assertEquals(bad.error(), e.getMessage().substring(e.source().length() + 2), bad.text());
            }
        }
    }

    private static InputException causeOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InputException i) {
                return i;
            }
        }
        throw new AssertionError("no InputException behind " + e, e);
    }

    private SparkSession spark() {
        return SparkSession.builder().config(sc.getConf()).getOrCreate();
    }

    private static DataSpec.Source source(Path file) {
        return (DataSpec.Source) DataSpec.parse("libsvm:" + file);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
