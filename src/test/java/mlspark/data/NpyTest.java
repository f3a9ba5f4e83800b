package mlspark.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import mlspark.errors.InputException;
import mlspark.testing.ProjectData;

class NpyTest {
    @TempDir
    Path dir;

    private static final double[] VALUES = {0, 1, -2, 3, 4, 5, 6, 7, 8, 9, 10, -11};

    @ParameterizedTest
    @CsvSource({
            "1, <f8, false", "1, >f8, true", "2, <f4, false", "3, >f4, true",
            "1, <i8, false", "1, >i8, false", "1, <i4, true", "2, >i4, false",
            "1, <i2, false", "1, >i2, true", "1, |i1, false", "3, |i1, true"})
    void readsEveryDtypeOrderAndVersion(int version, String descr, boolean fortran) throws IOException {
        Path file = NpyFiles.write(dir.resolve("a.npy"), NpyFiles.npy(version, descr, fortran, new int[]{3, 4}, VALUES));
        NpyArray a = Npy.read(file);
        assertArrayEquals(new int[]{3, 4}, a.shape());
        assertArrayEquals(VALUES, a.values());
    }

    @Test
    void readsUnsignedAndBooleanBytes() throws IOException {
        double[] bytes = {0, 1, 200, 255};
        Path u1 = NpyFiles.write(dir.resolve("u.npy"), NpyFiles.npy(1, "|u1", false, new int[]{4}, bytes));
        assertArrayEquals(bytes, Npy.read(u1).values());
        Path b1 = NpyFiles.write(dir.resolve("b.npy"), NpyFiles.npy(1, "|b1", false, new int[]{2, 2}, new double[]{0, 1, 1, 0}));
        assertArrayEquals(new double[]{0, 1, 1, 0}, Npy.read(b1).values());
    }

    @Test
    void readsTheAssignmentsPickledDict() {
        Path dataDir = ProjectData.dataDirWith("hw3/soft_margin_svm_data.npy");
        NpyArray array = Npy.read(BinaryDataSets.assignmentFile(dataDir));
        assertTrue(array.isObject());
        assertEquals(0, array.shape().length);
        Map<?, ?> dict = (Map<?, ?>) array.objects()[0];
        NpyArray xTrain = (NpyArray) dict.get("x_train");
        NpyArray yTest = (NpyArray) dict.get("y_test");
        assertArrayEquals(new int[]{76, 4}, xTrain.shape());
        assertArrayEquals(new int[]{24, 1}, yTest.shape());
        // Values printed by NumPy 2.4: np.load(f, allow_pickle=True).item()['x_train'][0] and [75]
        assertArrayEquals(new double[]{5.7, 4.4, 1.5, 0.4}, Arrays.copyOfRange(xTrain.values(), 0, 4));
        assertArrayEquals(new double[]{5.7, 2.8, 4.1, 1.3}, Arrays.copyOfRange(xTrain.values(), 300, 304));
        assertEquals(13, Arrays.stream(yTest.values()).filter(v -> v == 1).count());
    }

    @Test
    void readsNpzArchives() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            zip.putNextEntry(new ZipEntry("X_train.npy"));
            zip.write(NpyFiles.npy(1, "<f8", false, new int[]{2, 2}, new double[]{1, 2, 3, 4}));
            zip.putNextEntry(new ZipEntry("y_train.npy"));
            zip.write(NpyFiles.npy(1, "<i8", false, new int[]{2}, new double[]{0, 1}));
        }
        Path file = NpyFiles.write(dir.resolve("a.npz"), zipped.toByteArray());
        Map<String, NpyArray> arrays = Npz.read(file);
        assertEquals(java.util.List.of("X_train", "y_train"), java.util.List.copyOf(arrays.keySet()));
        assertArrayEquals(new double[]{1, 2, 3, 4}, arrays.get("X_train").values());
    }

    @Test
    void readsTheToyNpzLikeItsCsv() {
        Path dataDir = ProjectData.dataDirWith("hw3/generated_toy/toy_moons.npz");
        Map<String, NpyArray> npz = Npz.read(dataDir.resolve("hw3/generated_toy/toy_moons.npz"));
        LabeledData csv = TextTables.readCsv(BinaryDataSets.toyFile(dataDir, "moons", "train"));
        double[] flat = Arrays.stream(csv.x()).flatMapToDouble(Arrays::stream).toArray();
        assertArrayEquals(flat, npz.get("X_train").values());
        assertArrayEquals(csv.y(), npz.get("y_train").values());
    }

    @Test
    void namesTheFieldAtFault() throws IOException {
        byte[] good = NpyFiles.npy(1, "<f8", false, new int[]{3, 4}, VALUES);
        InputException magic = assertThrows(InputException.class,
                () -> Npy.read(NpyFiles.write(dir.resolve("m.npy"), "not numpy at all".getBytes())));
        assertEquals(InputException.Kind.BAD_FORMAT, magic.kind());
        assertTrue(magic.getMessage().contains("m.npy: magic"), magic.getMessage());

        InputException truncated = assertThrows(InputException.class,
                () -> Npy.read(NpyFiles.write(dir.resolve("t.npy"), Arrays.copyOf(good, good.length - 8))));
        assertTrue(truncated.getMessage().contains("t.npy: data: truncated"), truncated.getMessage());

        InputException dtype = assertThrows(InputException.class, () -> Npy.read(NpyFiles.write(dir.resolve("c.npy"),
                new String(good, java.nio.charset.StandardCharsets.ISO_8859_1).replace("<f8", "<c8")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))));
        assertTrue(dtype.getMessage().contains("c.npy: descr: dtype '<c8' is not supported"), dtype.getMessage());

        InputException missing = assertThrows(InputException.class, () -> Npy.read(dir.resolve("absent.npy")));
        assertEquals(InputException.Kind.NO_INPUT, missing.kind());
        InputException directory = assertThrows(InputException.class, () -> Npy.read(dir));
        assertEquals(InputException.Kind.NO_INPUT, directory.kind());
    }
}
