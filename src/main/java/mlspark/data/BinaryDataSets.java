package mlspark.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import mlspark.errors.InputException;
import mlspark.errors.InvalidParameterException;

/**
 * Loads the binary classification data sets of the SVM jobs that the driver reads
 * ({@link DataSpec}):
 * <ul>
 *   <li>{@code hw3}: the assignment's {@code hw3/soft_margin_svm_data.npy} (a pickled dict of arrays);</li>
 *   <li>{@code moons}, {@code circles}, {@code linearly_separable}, {@code xor}: the toy sets under
 *       {@code hw3/generated_toy/} (CSV train and test files);</li>
 *   <li>a {@code .npy} (pickled dict) or {@code .npz} file with x_train, y_train, x_test, y_test
 *       (X_train, X_test also accepted);</li>
 *   <li>a CSV ({@code x1,...,xd,y}) or LIBSVM text file, with the test set given separately;</li>
 *   <li>{@code moons:N[:noise[:seed]]}: generated two moons ({@link TwoMoons}).</li>
 * </ul>
 * (The named image sets, {@code mnist} and {@code fashion-mnist}, have ten classes: {@code mlspark.mnist.ImageSet}.)
 * Labels end up in -1/+1 ({@link SignedLabels}), one mapping for both splits.
 */
public final class BinaryDataSets {
    private BinaryDataSets() {
    }

    public static Path assignmentFile(Path dataDir) {
        return dataDir.resolve("hw3").resolve("soft_margin_svm_data.npy");
    }

    public static Path toyFile(Path dataDir, String name, String split) {
        return dataDir.resolve("hw3").resolve("generated_toy").resolve("toy_" + name + "_" + split + ".csv");
    }

    /** The files {@code spec} is read from: none for generated moons; with a text table, {@code testFile} (may be null). */
    public static List<Path> files(DataSpec spec, Path testFile, Path dataDir) {
        if (spec instanceof DataSpec.Named named) {
            requireBinary(named);
            return named.name().equals(DataSpec.ASSIGNMENT) ? List.of(assignmentFile(dataDir))
                    : List.of(toyFile(dataDir, named.name(), "train"), toyFile(dataDir, named.name(), "test"));
        }
        if (spec instanceof DataSpec.LocalFile file) {
            return file.text() && testFile != null ? List.of(file.path(), testFile) : List.of(file.path());
        }
        return List.of();
    }

    /** The set {@code text} names ({@link DataSpec#parse}), as {@link #load(DataSpec, Path, Path, Consumer)}. */
    public static TrainTest load(String text, Path testFile, Path dataDir, Consumer<String> log) {
        return load(DataSpec.parse(text), testFile, dataDir, log);
    }

    /**
     * @param spec     a named set, generated moons or a file on the driver (not a {@link DataSpec.Source})
     * @param testFile the test file for CSV/LIBSVM training files (null otherwise)
     * @param dataDir  where named data sets live
     */
    public static TrainTest load(DataSpec spec, Path testFile, Path dataDir, Consumer<String> log) {
        TrainTest raw = read(spec, testFile, dataDir);
        return spec instanceof DataSpec.Moons ? raw : signed(raw, log);
    }

    /** The set as {@link #load} reads it, its labels as they are in the files (any values). */
    public static TrainTest read(DataSpec spec, Path testFile, Path dataDir) {
        if (spec instanceof DataSpec.Moons moons) {
            return TwoMoons.load(moons);
        }
        if (spec instanceof DataSpec.Named named) {
            requireBinary(named);
            String name = named.name();
            return name.equals(DataSpec.ASSIGNMENT) ? fromArrays(name, assignmentFile(dataDir))
                    : new TrainTest(name, TextTables.readCsv(toyFile(dataDir, name, "train")),
                    TextTables.readCsv(toyFile(dataDir, name, "test")));
        }
        if (!(spec instanceof DataSpec.LocalFile file)) {
            throw new IllegalArgumentException(spec + " is read by the executors (mlspark.sources.DataSources)");
        }
        if (!file.text()) {
            return fromArrays(file.path().getFileName().toString(), file.path());
        }
        if (testFile == null) {
            throw new InvalidParameterException("test", "a test file is required with the training file " + file);
        }
        LabeledData train = readText(file, 0);
        LabeledData test = readText(DataSpec.LocalFile.of(testFile), train.dimension());
        if (test.dimension() != train.dimension()) {
            throw InputException.badFormat(testFile, "features", test.dimension() + " columns, the training file "
                    + file + " has " + train.dimension());
        }
        return new TrainTest(file.path().getFileName().toString(), train, test);
    }

    /** The image sets are read by {@code mlspark.mnist.ImageSet}: ten classes, not a binary set. */
    private static void requireBinary(DataSpec.Named named) {
        if (named.isImageSet()) {
            throw new InvalidParameterException("data", named + " has ten classes (labels 0..9), not a binary label set");
        }
    }

    /** A CSV or LIBSVM table; {@code dimension > 0} fixes a LIBSVM table's. */
    public static LabeledData readText(DataSpec.LocalFile file, int dimension) {
        return file.format() == DataSpec.LocalFile.Format.CSV
                ? TextTables.readCsv(file.path()) : TextTables.readLibSvm(file.path(), dimension);
    }

    private static TrainTest fromArrays(String name, Path file) {
        Map<String, NpyArray> arrays = DataSpec.LocalFile.of(file).format() == DataSpec.LocalFile.Format.NPZ
                ? Npz.read(file) : dictOf(Npy.read(file), file);
        LabeledData train = split(arrays, file, "train");
        LabeledData test = split(arrays, file, "test");
        if (train.dimension() != test.dimension()) {
            throw InputException.badFormat(file, "x_test", test.dimension() + " columns, x_train has " + train.dimension());
        }
        return new TrainTest(name, train, test);
    }

    private static Map<String, NpyArray> dictOf(NpyArray array, Path file) {
        if (array.isObject() && array.objects().length == 1 && array.objects()[0] instanceof Map<?, ?> map) {
            Map<String, NpyArray> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (v instanceof NpyArray a) {
                    out.put(String.valueOf(k), a);
                }
            });
            return out;
        }
        throw InputException.badFormat(file, "data", "expected a pickled dict of arrays (x_train, y_train, x_test, y_test), got "
                + array);
    }

    private static LabeledData split(Map<String, NpyArray> arrays, Path file, String split) {
        String xKey = arrays.containsKey("x_" + split) ? "x_" + split : "X_" + split;
        String yKey = "y_" + split;
        for (String key : List.of(xKey, yKey)) {
            if (!arrays.containsKey(key)) {
                throw InputException.badFormat(file, key, "missing (the file has " + arrays.keySet() + ")");
            }
        }
        return LabeledData.of(file, xKey, arrays.get(xKey), yKey, arrays.get(yKey));
    }

    /** {@code raw} with its labels in -1/+1 ({@link SignedLabels}), one mapping for both splits. */
    public static TrainTest signed(TrainTest raw, Consumer<String> log) {
        double[] both = java.util.stream.DoubleStream.concat(Arrays.stream(raw.train().y()), Arrays.stream(raw.test().y()))
                .toArray();
        LabeledData union = new LabeledData(new double[both.length][], both, raw.name());
        LabeledData signed = SignedLabels.toSigned(union, Path.of(raw.name()), "labels", log);
        int n = raw.train().size();
        return new TrainTest(raw.name(),
                new LabeledData(raw.train().features(), Arrays.copyOfRange(signed.y(), 0, n), raw.train().source()),
                new LabeledData(raw.test().features(), Arrays.copyOfRange(signed.y(), n, both.length), raw.test().source()));
    }
}
