package mlspark.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mlspark.errors.InputException;
import mlspark.nn.LabeledRows;
import mlspark.nn.Precision;
import mlspark.testing.ProjectData;

class MnistTest {
    @TempDir
    Path dir;

    /** An IDX image file: magic 2051, count, rows, cols (big-endian), then the pixels. */
    static byte[] imagesIdx(int count, int rows, int cols, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length).putInt(2051).putInt(count).putInt(rows).putInt(cols).put(pixels).array();
    }

    static byte[] labelsIdx(int... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length).putInt(2049).putInt(labels.length);
        for (int l : labels) {
            b.put((byte) l);
        }
        return b.array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] pixels(int n) {
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) {
            p[i] = (byte) (i * 37 % 256);
        }
        return p;
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static InputException failure(InputException.Kind kind, org.junit.jupiter.api.function.Executable run) {
        InputException f = assertThrows(InputException.class, run);
        assertEquals(kind, f.kind(), f.getMessage());
        return f;
    }

    @Test
    void readsRawAndGzippedIdxFiles() throws IOException {
        byte[] px = pixels(3 * 2 * 2);
        Path raw = write("img", imagesIdx(3, 2, 2, px));
        Path gz = write("img.gz", gzip(imagesIdx(3, 2, 2, px)));
        Path labels = write("lab", labelsIdx(7, 0, 9));
        for (Path images : new Path[]{raw, gz}) {
            Digits d = Mnist.readIdx(images, labels);
            assertEquals(3, d.count());
            assertEquals(4, d.dimension());
            assertArrayEquals(px, d.pixels());
            assertArrayEquals(new int[]{7, 0, 9}, d.labels());
            assertEquals(Byte.toUnsignedInt(px[5]), d.pixel(1, 1));
        }
    }

    @Test
    void corruptIdxFilesFailNamingFileAndField() throws IOException {
        Path labels = write("lab", labelsIdx(1, 2));
        byte[] good = imagesIdx(2, 2, 2, pixels(8));

        byte[] badMagic = good.clone();
        badMagic[3] = 1;
        Path p = write("magic", badMagic);
        InputException f = failure(InputException.Kind.BAD_FORMAT, () -> Mnist.readIdx(p, labels));
        assertTrue(f.getMessage().startsWith(p + ": magic: expected 2051"), f.getMessage());

        Path swapped = write("swapped", labelsIdx(1, 2));
        assertTrue(failure(InputException.Kind.BAD_FORMAT, () -> Mnist.readIdx(swapped, labels)).getMessage().contains("swapped"));

        Path truncated = write("truncated", Arrays.copyOf(good, good.length - 1));
        assertTrue(failure(InputException.Kind.BAD_FORMAT, () -> Mnist.readIdx(truncated, labels)).getMessage()
                .contains(": data: truncated"));

        Path shortHeader = write("header", Arrays.copyOf(good, 10));
        assertTrue(failure(InputException.Kind.BAD_FORMAT, () -> Mnist.readIdx(shortHeader, labels)).getMessage()
                .contains(": header: truncated"));

        Path trailing = write("trailing", Arrays.copyOf(good, good.length + 3));
        assertTrue(failure(InputException.Kind.BAD_FORMAT, () -> Mnist.readIdx(trailing, labels)).getMessage().contains("3 bytes after"));

        byte[] gz = gzip(good);
        Path brokenGzip = write("broken.gz", Arrays.copyOf(gz, gz.length / 2));
        assertTrue(failure(InputException.Kind.BAD_FORMAT, () -> Mnist.readIdx(brokenGzip, labels)).getMessage().contains(": gzip: "));

        Path images = write("images", good);
        Path threeLabels = write("lab3", labelsIdx(1, 2, 3));
        f = failure(InputException.Kind.BAD_FORMAT, () -> Mnist.readIdx(images, threeLabels));
        assertTrue(f.getMessage().startsWith(threeLabels + ": count: 3 labels, but"), f.getMessage());

        Path badLabel = write("lab12", labelsIdx(1, 12));
        f = failure(InputException.Kind.BAD_VALUES, () -> Mnist.readIdx(images, badLabel));
        assertTrue(f.getMessage().contains("labels: label 12 at index 1 is outside 0..9"), f.getMessage());

        failure(InputException.Kind.NO_INPUT, () -> Mnist.readIdx(dir.resolve("missing"), labels));
    }

    private void writeSet(Path to, boolean gzipped, int train, int test) throws IOException {
        Files.createDirectories(to);
        String ext = gzipped ? ".gz" : "";
        byte[][] files = {imagesIdx(train, 2, 2, pixels(train * 4)), labelsIdx(new int[train]),
                imagesIdx(test, 2, 2, pixels(test * 4)), labelsIdx(new int[test])};
        String[] names = {Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS, Mnist.TEST_IMAGES, Mnist.TEST_LABELS};
        for (int i = 0; i < 4; i++) {
            Files.write(to.resolve(names[i] + ext), gzipped ? gzip(files[i]) : files[i]);
        }
    }

    @Test
    void loadsADirectoryOfRawOrGzippedFilesAndSplits() throws IOException {
        writeSet(dir.resolve("raw"), false, 10, 4);
        writeSet(dir.resolve("gz"), true, 10, 4);
        for (String kind : new String[]{"raw", "gz"}) {
            Mnist.DataSet data = Mnist.load(dir.resolve(kind), false);
            Mnist.Split split = Mnist.split(data, 3);
            assertEquals(7, split.train().count());
            assertEquals(3, split.validation().count());
            assertEquals(4, split.test().count());
            assertArrayEquals(Arrays.copyOfRange(data.train().pixels(), 28, 40), split.validation().pixels());
        }
        assertEquals("validation", assertThrows(mlspark.errors.InvalidParameterException.class,
                () -> Mnist.split(Mnist.load(dir.resolve("raw"), false), 10)).parameter());
    }

    @Test
    void checksumMismatchOfACanonicalFileIsReported() throws IOException {
        writeSet(dir.resolve("fake"), true, 10, 4);
        InputException f = failure(InputException.Kind.CHECKSUM, () -> Mnist.load(dir.resolve("fake"), true));
        assertTrue(f.getMessage().contains(Mnist.TRAIN_IMAGES + ".gz: md5: "), f.getMessage());
        failure(InputException.Kind.NO_INPUT, () -> Mnist.load(dir.resolve("nothing"), true));
        Files.createDirectories(dir.resolve("empty"));
        failure(InputException.Kind.NO_INPUT, () -> Mnist.load(dir.resolve("empty"), true));
    }

    private static byte[] npy(String descr, int[] shape, byte[] data) {
        String dims = shape.length == 1 ? shape[0] + "," : Arrays.toString(shape).replace("[", "").replace("]", "");
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims + "), }";
        int total = 10 + header.length() + 1;
        header += " ".repeat((64 - total % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length())
                .put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        return b.array();
    }

    @Test
    void readsAKerasNpz() throws IOException {
        Path npz = dir.resolve("tiny.npz");
        byte[] train = pixels(5 * 4);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(npz))) {
            Object[][] entries = {{"x_train", npy("|u1", new int[]{5, 2, 2}, train)},
                    {"y_train", npy("|u1", new int[]{5}, new byte[]{0, 1, 2, 3, 4})},
                    {"x_test", npy("|u1", new int[]{2, 2, 2}, pixels(8))},
                    {"y_test", npy("|u1", new int[]{2}, new byte[]{9, 8})}};
            for (Object[] e : entries) {
                zip.putNextEntry(new ZipEntry(e[0] + ".npy"));
                zip.write((byte[]) e[1]);
                zip.closeEntry();
            }
        }
        Mnist.DataSet data = Mnist.load(npz, true);
        assertArrayEquals(train, data.train().pixels());
        assertArrayEquals(new int[]{0, 1, 2, 3, 4}, data.train().labels());
        assertArrayEquals(new int[]{9, 8}, data.test().labels());
        assertEquals(4, data.test().dimension());
    }

    @Test
    void normalizationsAreFittedOnTheTrainingSplit() {
        byte[] px = {0, 10, 20, 30, 40, (byte) 255};
        Digits d = new Digits("t", 3, 2, px, new int[]{1, 2, 3});
        LabeledRows unit = d.rows(Precision.FLOAT64, 0, Normalization.UNIT.affine(d)[1]);
        assertEquals(1.0, unit.x().get(5), 0);
        double[] a = Normalization.STANDARD.affine(d);
        LabeledRows std = d.rows(Precision.FLOAT64, a[0], a[1]);
        double mean = Arrays.stream(std.x().toDoubles()).average().orElseThrow();
        double var = Arrays.stream(std.x().toDoubles()).map(v -> v * v).average().orElseThrow();
        assertEquals(0, mean, 1e-12);
        assertEquals(1, var, 1e-12);
        assertEquals(255, d.rows(Precision.FLOAT32, 0, 1).x().get(5), 0);
    }

    @Test
    void realMnistMatchesItsPublishedFacts() {
        Path data = ProjectData.dataDirWith("mnist/" + Mnist.TRAIN_LABELS + ".gz");
        Mnist.DataSet set = Mnist.load(data.resolve("mnist"), true);
        assertEquals(60000, set.train().count());
        assertEquals(10000, set.test().count());
        assertEquals(784, set.train().dimension());
        int[] histogram = new int[10];
        for (int y : set.train().labels()) {
            histogram[y]++;
        }
        assertArrayEquals(new int[]{5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}, histogram);
        assertEquals(33.318, set.train().pixelMeanAndStd()[0], 1e-3);
        Mnist.Split split = Mnist.split(set, Mnist.VALIDATION_SIZE);
        assertEquals(55000, split.train().count());
        assertEquals(5000, split.validation().count());
        assertEquals(set.train().labels()[55000], split.validation().labels()[0]);
    }

    /** The first {@code ints} big-endian ints of a gzipped IDX file: its header, read without the reader under test. */
    private static int[] idxHeader(Path file, int ints) throws IOException {
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.util.zip.GZIPInputStream(Files.newInputStream(file)))) {
            int[] header = new int[ints];
            for (int i = 0; i < ints; i++) {
                header[i] = in.readInt();
            }
            return header;
        }
    }

    @Test
    void realFashionMnistMatchesItsIdxHeadersAndPublishedFacts() throws IOException {
        Path data = ProjectData.dataDirWith("fashion-mnist/" + Mnist.TRAIN_LABELS + ".gz");
        Mnist.DataSet set = ImageSet.FASHION_MNIST.load(data, true);
        Path dir = data.resolve("fashion-mnist");
        int[] trainImages = idxHeader(dir.resolve(Mnist.TRAIN_IMAGES + ".gz"), 4);
        int[] testImages = idxHeader(dir.resolve(Mnist.TEST_IMAGES + ".gz"), 4);
        assertArrayEquals(new int[]{2051, 60000, 28, 28}, trainImages);
        assertArrayEquals(new int[]{2051, 10000, 28, 28}, testImages);
        assertArrayEquals(new int[]{2049, 60000}, idxHeader(dir.resolve(Mnist.TRAIN_LABELS + ".gz"), 2));
        assertEquals(trainImages[1], set.train().count());
        assertEquals(testImages[1], set.test().count());
        assertEquals(trainImages[2] * trainImages[3], set.train().dimension());
        assertEquals(28 * 28, set.test().dimension());
        // the first training images: ankle boot, T-shirt, T-shirt, dress, T-shirt, pullover, sneaker, pullover, sandal, sandal
        assertArrayEquals(new int[]{9, 0, 0, 3, 0, 2, 7, 2, 5, 5}, Arrays.copyOf(set.train().labels(), 10));
        assertArrayEquals(new int[]{9, 2, 1, 1, 6, 1, 4, 6, 5, 7}, Arrays.copyOf(set.test().labels(), 10));
        // balanced: 6,000 training and 1,000 test images of each of the ten classes
        int[] train = new int[10];
        int[] test = new int[10];
        Arrays.stream(set.train().labels()).forEach(y -> train[y]++);
        Arrays.stream(set.test().labels()).forEach(y -> test[y]++);
        int[] sixThousand = new int[10];
        int[] thousand = new int[10];
        Arrays.fill(sixThousand, 6000);
        Arrays.fill(thousand, 1000);
        assertArrayEquals(sixThousand, train);
        assertArrayEquals(thousand, test);
        assertEquals(set.files(), List.of(dir.resolve(Mnist.TRAIN_IMAGES + ".gz"), dir.resolve(Mnist.TRAIN_LABELS + ".gz"),
                dir.resolve(Mnist.TEST_IMAGES + ".gz"), dir.resolve(Mnist.TEST_LABELS + ".gz")));
    }

    @Test
    void realMnistAsANamedSetHasItsFirstLabels() {
        Path data = ProjectData.dataDirWith("mnist/" + Mnist.TRAIN_LABELS + ".gz");
        Mnist.DataSet set = ImageSet.MNIST.load(data, true);
        assertArrayEquals(new int[]{5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, Arrays.copyOf(set.train().labels(), 10));
        assertArrayEquals(new int[]{7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, Arrays.copyOf(set.test().labels(), 10));
        assertEquals(784, set.test().dimension());
    }

    @Test
    void fashionMnistFilesAreCheckedAgainstTheirSha256() throws IOException {
        writeSet(dir.resolve("fashion-mnist"), true, 10, 4);
        InputException f = failure(InputException.Kind.CHECKSUM, () -> ImageSet.FASHION_MNIST.load(dir, true));
        assertTrue(f.getMessage().contains(Mnist.TRAIN_IMAGES + ".gz: sha256: "), f.getMessage());
        assertTrue(f.getMessage().contains("submit/fetch-data fashion-mnist"), f.getMessage());
        assertEquals(10, ImageSet.FASHION_MNIST.load(dir, false).train().count());
        Files.createDirectories(dir.resolve("other"));
        InputException missing = failure(InputException.Kind.NO_INPUT, () -> Mnist.load(ImageSet.FASHION_MNIST,
                dir.resolve("other"), false));
        assertTrue(missing.getMessage().contains("run submit/fetch-data fashion-mnist"), missing.getMessage());
        assertEquals(ImageSet.FASHION_MNIST, ImageSet.named("fashion-mnist"));
        assertEquals(ImageSet.MNIST, ImageSet.named("mnist"));
        assertEquals(null, ImageSet.named("fashion"));
    }

    @Test
    void labeledDataScalesAsTheNetsRows() {
        byte[] px = {0, 10, 20, 30, 40, (byte) 255};
        Digits d = new Digits("t", 3, 2, px, new int[]{1, 9, 3});
        double[] a = Normalization.STANDARD.affine(d);
        mlspark.data.LabeledData rows = d.labeledData("src", a[0], a[1]);
        LabeledRows net = d.rows(Precision.FLOAT64, a[0], a[1]);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(net.x().get(i * 2 + j), rows.x()[i][j], 0);
            }
        }
        assertEquals(1.0, d.labeledData("src", 0, 1 / 255.0).x()[2][1], 0);
        assertArrayEquals(new double[]{1, 9, 3}, rows.y());
        assertEquals("src", rows.source());
    }
}
