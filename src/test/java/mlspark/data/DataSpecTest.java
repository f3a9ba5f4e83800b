package mlspark.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import mlspark.errors.InvalidParameterException;

class DataSpecTest {
    @Test
    void namedSetsGeneratorsSourcesAndFiles() {
        assertEquals(new DataSpec.Named("hw3"), DataSpec.parse("hw3"));
        assertEquals(new DataSpec.Named("xor"), DataSpec.parse("xor"));
        assertEquals(new DataSpec.Named("mnist"), DataSpec.parse("mnist"));
        assertEquals(new DataSpec.Named("fashion-mnist"), DataSpec.parse("fashion-mnist"));
        assertTrue(((DataSpec.Named) DataSpec.parse("fashion-mnist")).isImageSet());
        assertFalse(((DataSpec.Named) DataSpec.parse("hw3")).isImageSet());
        assertEquals(DataSpec.LocalFile.Format.LIBSVM, ((DataSpec.LocalFile) DataSpec.parse("fashion")).format());
        assertEquals(new DataSpec.Moons("moons:50", 50, TwoMoons.NOISE, 0), DataSpec.parse("moons:50"));
        assertEquals(new DataSpec.Moons("moons:50:0.3:7", 50, 0.3, 7), DataSpec.parse("moons:50:0.3:7"));
        assertEquals(new DataSpec.Source(DataSpec.Source.Format.LIBSVM, "/a/b.txt"), DataSpec.parse("libsvm:/a/b.txt"));
        assertEquals(new DataSpec.Source(DataSpec.Source.Format.PARQUET, "hdfs://h/x"), DataSpec.parse("Parquet:hdfs://h/x"));
        assertEquals("csv:d/*.csv", DataSpec.parse("CSV:d/*.csv").toString());
        assertEquals(new DataSpec.LocalFile(Path.of("d/a.NPZ"), DataSpec.LocalFile.Format.NPZ), DataSpec.parse("d/a.NPZ"));
        assertEquals(DataSpec.LocalFile.Format.NPY, ((DataSpec.LocalFile) DataSpec.parse("a.npy")).format());
        assertEquals(DataSpec.LocalFile.Format.CSV, ((DataSpec.LocalFile) DataSpec.parse("a.csv")).format());
        assertEquals(DataSpec.LocalFile.Format.LIBSVM, ((DataSpec.LocalFile) DataSpec.parse("a.svm")).format());
        assertEquals(DataSpec.LocalFile.Format.LIBSVM, ((DataSpec.LocalFile) DataSpec.parse("json:x")).format());
        assertTrue(DataSpec.isSource("csv:x"));
        assertFalse(DataSpec.isSource("x.csv"));
        assertFalse(DataSpec.isSource(null));
    }

    @Test
    void aMalformedGeneratorNamesItsParameter() {
        for (String bad : new String[]{"moons:ten", "moons:1", "moons:5:-1", "moons:5:0.1:x", "moons:5:0.1:1:2", "moons:"}) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> DataSpec.parse(bad, "test"), bad);
            assertEquals("test", e.parameter());
            assertEquals("test: expected moons:N[:noise[:seed]] with an integer N >= 2, a noise >= 0 and an integer seed, got '"
                    + bad + "'", e.getMessage());
        }
    }
}
