package mlspark.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.mllib.regression.LabeledPoint;
import org.apache.spark.mllib.util.MLUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mlspark.errors.InputException;
import mlspark.testing.SharedSpark;

class TextTablesTest extends SharedSpark {
    @TempDir
    Path dir;

    @Test
    void libSvmTextAsSparkReadsIt() throws IOException {
        Path file = dir.resolve("a.libsvm");
        Files.writeString(file, "# a comment line\n1 1:0.5 3:-2\n-1 2:1.5\n\n1 1:1e-3 2:4 4:7\n");
        LabeledData ours = TextTables.readLibSvm(file, 0);
        List<LabeledPoint> spark = MLUtils.loadLibSVMFile(sc.sc(), file.toString()).toJavaRDD().collect();
        assertEquals(spark.size(), ours.size());
        for (int i = 0; i < spark.size(); i++) {
            assertEquals(spark.get(i).label(), ours.y()[i]);
            assertArrayEquals(spark.get(i).features().toArray(), ours.x()[i]);
        }
    }

    @Test
    void csvWithAndWithoutHeader() throws IOException {
        Path withHeader = dir.resolve("h.csv");
        Files.writeString(withHeader, "x1,x2,y\n1.5,2,0\n-3,4e1,1\n");
        Path without = dir.resolve("n.csv");
        Files.writeString(without, "1.5,2,0\n-3,4e1,1\n");
        for (Path file : List.of(withHeader, without)) {
            LabeledData d = TextTables.readCsv(file);
            assertArrayEquals(new double[]{1.5, 2}, d.x()[0]);
            assertArrayEquals(new double[]{-3, 40}, d.x()[1]);
            assertArrayEquals(new double[]{0, 1}, d.y());
        }
    }

    @Test
    void badCsvNamesLineAndColumn() throws IOException {
        Path ragged = dir.resolve("r.csv");
        Files.writeString(ragged, "1,2,0\n1,2\n");
        InputException e = assertThrows(InputException.class, () -> TextTables.readCsv(ragged));
        assertTrue(e.getMessage().contains("r.csv: line 2: 2 columns, expected 3"), e.getMessage());

        Path text = dir.resolve("t.csv");
        Files.writeString(text, "1,2,0\n1,abc,1\n");
        e = assertThrows(InputException.class, () -> TextTables.readCsv(text));
        assertTrue(e.getMessage().contains("line 2, column 2: 'abc' is not a number"), e.getMessage());

        Path nan = dir.resolve("nan.csv");
        Files.writeString(nan, "1,2,0\n1,nan,1\n");
        e = assertThrows(InputException.class, () -> TextTables.readCsv(nan));
        assertEquals(InputException.Kind.BAD_VALUES, e.kind());
        assertTrue(e.getMessage().contains("row 1, column 1 is NaN"), e.getMessage());

        Path empty = dir.resolve("e.csv");
        Files.writeString(empty, "");
        assertEquals(InputException.Kind.BAD_FORMAT, assertThrows(InputException.class, () -> TextTables.readCsv(empty)).kind());
    }

    @Test
    void labelsZeroOneMapToSignedAndOthersFail() {
        LabeledData zeroOne = new LabeledData(new double[][]{{1}, {2}}, new double[]{0, 1}, "t");
        StringBuilder log = new StringBuilder();
        assertArrayEquals(new double[]{-1, 1}, SignedLabels.toSigned(zeroOne, Path.of("t"), "y", log::append).y());
        assertTrue(log.toString().contains("0 -> -1, 1 -> +1"));
        LabeledData three = new LabeledData(new double[][]{{1}, {2}, {3}}, new double[]{0, 1, 2}, "t");
        InputException e = assertThrows(InputException.class, () -> SignedLabels.toSigned(three, Path.of("t.csv"), "y", m -> { }));
        assertEquals(InputException.Kind.BAD_VALUES, e.kind());
        assertTrue(e.getMessage().contains("t.csv: y: labels [0.0, 1.0, 2.0]"), e.getMessage());
    }
}
