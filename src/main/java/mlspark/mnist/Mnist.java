package mlspark.mnist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import mlspark.data.Npz;
import mlspark.data.NpyArray;
import mlspark.errors.InputException;
import mlspark.errors.InvalidParameterException;
import mlspark.errors.ParameterText;
import mlspark.data.Checksums;

/**
 * MNIST, or another {@link ImageSet} in its format, from a directory holding the four IDX files
 * (each gzipped or raw, as submit/fetch-data leaves them) or from a Keras-style {@code .npz}
 * (x_train, y_train, x_test, y_test). Files with a published checksum ({@link ImageSet}; SHA-256
 * of Keras's mnist.npz) are verified when asked.
 */
public final class Mnist {
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    public static final String NPZ = "mnist.npz";
    /** The assignment's validation split: the last 5,000 of the 60,000 training images. */
    public static final int VALIDATION_SIZE = 5000;

    /** Keras publishes a SHA-256 for its archive. */
    static final String NPZ_SHA256 = "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1";

    private Mnist() {
    }

    /** The 60,000 training and 10,000 test images, and the files they were read from. */
    public record DataSet(Digits train, Digits test, List<Path> files) {
    }

    /** The assignment's split of a data set. */
    public record Split(Digits train, Digits validation, Digits test) {
    }

    /** Reads MNIST from {@code location}: a directory of IDX files or of mnist.npz, or an .npz file. */
    public static DataSet load(Path location, boolean verify) {
        return load(ImageSet.MNIST, location, verify);
    }

    /** Reads {@code set} from {@code location}: a directory of IDX files (for MNIST, or of mnist.npz), or an .npz file. */
    public static DataSet load(ImageSet set, Path location, boolean verify) {
        if (Files.isRegularFile(location)) {
            return loadNpz(location, verify);
        }
        if (!Files.isDirectory(location)) {
            String fetch = "no such directory or file (run submit/fetch-data " + set.label() + ", or check ";
            throw InputException.noInput(location, set == ImageSet.MNIST ? ParameterText.of(fetch, "dataDir", " / ", "mnist", ")")
                    : ParameterText.of(fetch, "dataDir", ")"));
        }
        Path trainImages = idxFile(location, TRAIN_IMAGES);
        if (set == ImageSet.MNIST && trainImages == null && Files.isRegularFile(location.resolve(NPZ))) {
            return loadNpz(location.resolve(NPZ), verify);
        }
        List<Path> files = new ArrayList<>();
        for (String name : List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS)) {
            Path f = idxFile(location, name);
            if (f == null) {
                throw InputException.noInput(location.resolve(name + ".gz"), "missing (nor " + name
                        + (set == ImageSet.MNIST ? " nor " + NPZ : "") + " in " + location + "; run submit/fetch-data "
                        + set.label() + ")");
            }
            if (verify) {
                set.verify(f);
            }
            files.add(f);
        }
        return new DataSet(readIdx(files.get(0), files.get(1)), readIdx(files.get(2), files.get(3)), files);
    }

    /** Images and labels from a pair of IDX files, counts and label range checked. */
    public static Digits readIdx(Path imagesFile, Path labelsFile) {
        Idx.Images images = Idx.readImages(imagesFile);
        int[] labels = Idx.readLabels(labelsFile);
        if (labels.length != images.count()) {
            throw InputException.badFormat(labelsFile, "count", labels.length + " labels, but " + imagesFile + " has "
                    + images.count() + " images");
        }
        checkLabels(labels, labelsFile);
        return new Digits(imagesFile.getFileName().toString(), images.count(), images.dimension(), images.pixels(), labels);
    }

    /** The first {@code count - validation} training images for training, the rest for validation. */
    public static Split split(DataSet data, int validation) {
        int n = data.train().count();
        if (validation < 1 || validation >= n) {
            throw new InvalidParameterException("validation", "expected 1 .. " + (n - 1) + " validation images out of " + n
                    + " training images, got " + validation);
        }
        return new Split(data.train().range(0, n - validation), data.train().range(n - validation, n), data.test());
    }

    private static Path idxFile(Path dir, String name) {
        Path gz = dir.resolve(name + ".gz");
        if (Files.exists(gz)) {
            return gz;
        }
        Path raw = dir.resolve(name);
        return Files.exists(raw) ? raw : null;
    }

    private static DataSet loadNpz(Path file, boolean verify) {
        if (verify && file.getFileName().toString().equals(NPZ)) {
            String got = Checksums.sha256(file);
            if (!got.equals(NPZ_SHA256)) {
                throw InputException.checksum(file, "sha256", got + ", expected Keras's published "
                        + NPZ_SHA256);
            }
        }
        Map<String, NpyArray> arrays = Npz.read(file);
        return new DataSet(npzDigits(file, arrays, "x_train", "y_train"), npzDigits(file, arrays, "x_test", "y_test"),
                List.of(file));
    }

    private static Digits npzDigits(Path file, Map<String, NpyArray> arrays, String xName, String yName) {
        NpyArray x = array(file, arrays, xName);
        NpyArray y = array(file, arrays, yName);
        if (x.shape().length != 3 || x.shape()[1] * x.shape()[2] == 0) {
            throw InputException.badFormat(file, xName, "expected shape (count, rows, cols), got " + x.shapeString());
        }
        if (y.shape().length != 1) {
            throw InputException.badFormat(file, yName, "expected shape (count,), got " + y.shapeString());
        }
        int count = x.shape()[0];
        if (y.shape()[0] != count) {
            throw InputException.badFormat(file, yName, y.shape()[0] + " labels, but " + xName + " has " + count + " images");
        }
        double[] values = x.values();
        byte[] pixels = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!(v >= 0 && v <= 255 && v == Math.rint(v))) {
                throw InputException.badValues(file, xName, "pixel " + v + " at flat index " + i + " is not an integer in 0..255");
            }
            pixels[i] = (byte) (int) v;
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            double v = y.values()[i];
            labels[i] = v == Math.rint(v) && Math.abs(v) < 1e9 ? (int) v : -1;
        }
        checkLabels(labels, Path.of(file + ":" + yName));
        return new Digits(file.getFileName() + ":" + xName, count, x.shape()[1] * x.shape()[2], pixels, labels);
    }

    private static NpyArray array(Path file, Map<String, NpyArray> arrays, String name) {
        NpyArray a = arrays.get(name);
        if (a == null || a.isObject()) {
            throw InputException.badFormat(file, name, a == null ? "missing (a Keras mnist.npz has x_train, y_train, x_test, y_test)"
                    : "is an object array, expected numbers");
        }
        return a;
    }

    private static void checkLabels(int[] labels, Path file) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 9) {
                throw InputException.badValues(file, "labels", "label " + labels[i] + " at index " + i + " is outside 0..9");
            }
        }
    }
}
