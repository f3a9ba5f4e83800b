package mlspark.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import mlspark.cli.JobFailure;

/**
 * Finds and loads the binary classification data sets of the SVM jobs, by name or by file:
 * <ul>
 *   <li>{@code hw3}: the assignment's {@code hw3/soft_margin_svm_data.npy} (a pickled dict of arrays);</li>
 *   <li>{@code moons}, {@code circles}, {@code linearly_separable}, {@code xor}: the toy sets under
 *       {@code hw3/generated_toy/} (CSV train and test files);</li>
 *   <li>a {@code .npy} (pickled dict) or {@code .npz} file with x_train, y_train, x_test, y_test
 *       (X_train, X_test also accepted);</li>
 *   <li>a CSV ({@code x1,...,xd,y}) or LIBSVM text file, with the test set given separately;</li>
 *   <li>{@code moons:N[:noise[:seed]]}: generated two moons ({@link TwoMoons}).</li>
 * </ul>
 * Labels end up in -1/+1 ({@link SignedLabels}), one mapping for both splits.
 */
public final class BinaryDataSets {
    public static final String ASSIGNMENT = "hw3";
    public static final List<String> TOY_SETS = List.of("moons", "circles", "linearly_separable", "xor");

    private BinaryDataSets() {
    }

    public static Path assignmentFile(Path dataDir) {
        return dataDir.resolve("hw3").resolve("soft_margin_svm_data.npy");
    }

    public static Path toyFile(Path dataDir, String name, String split) {
        return dataDir.resolve("hw3").resolve("generated_toy").resolve("toy_" + name + "_" + split + ".csv");
    }

    /**
     * @param spec     a data set name or a file path
     * @param testFile the test file for CSV/LIBSVM training files (null otherwise)
     * @param dataDir  where named data sets live
     */
    public static TrainTest load(String spec, Path testFile, Path dataDir, Consumer<String> log) {
        if (TwoMoons.isSpec(spec)) {
            return TwoMoons.load(spec);
        }
        TrainTest raw;
        if (spec.equals(ASSIGNMENT)) {
            raw = fromArrays(ASSIGNMENT, assignmentFile(dataDir));
        } else if (TOY_SETS.contains(spec)) {
            raw = new TrainTest(spec, TextTables.readCsv(toyFile(dataDir, spec, "train")),
                    TextTables.readCsv(toyFile(dataDir, spec, "test")));
        } else {
            Path file = Path.of(spec);
            String lower = spec.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".npy") || lower.endsWith(".npz")) {
                raw = fromArrays(file.getFileName().toString(), file);
            } else {
                if (testFile == null) {
                    throw JobFailure.usage("--test", "a test file is required with the training file " + spec);
                }
                LabeledData train = readText(file, 0);
                LabeledData test = readText(testFile, train.dimension());
                if (test.dimension() != train.dimension()) {
                    throw JobFailure.badFormat(testFile, "features", test.dimension() + " columns, the training file "
                            + file + " has " + train.dimension());
                }
                raw = new TrainTest(file.getFileName().toString(), train, test);
            }
        }
        return signed(raw, log);
    }

    private static LabeledData readText(Path file, int dimension) {
        return file.toString().toLowerCase(Locale.ROOT).endsWith(".csv")
                ? TextTables.readCsv(file) : TextTables.readLibSvm(file, dimension);
    }

    private static TrainTest fromArrays(String name, Path file) {
        Map<String, NpyArray> arrays = file.toString().toLowerCase(Locale.ROOT).endsWith(".npz")
                ? Npz.read(file) : dictOf(Npy.read(file), file);
        LabeledData train = split(arrays, file, "train");
        LabeledData test = split(arrays, file, "test");
        if (train.dimension() != test.dimension()) {
            throw JobFailure.badFormat(file, "x_test", test.dimension() + " columns, x_train has " + train.dimension());
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
        throw JobFailure.badFormat(file, "data", "expected a pickled dict of arrays (x_train, y_train, x_test, y_test), got "
                + array);
    }

    private static LabeledData split(Map<String, NpyArray> arrays, Path file, String split) {
        String xKey = arrays.containsKey("x_" + split) ? "x_" + split : "X_" + split;
        String yKey = "y_" + split;
        for (String key : List.of(xKey, yKey)) {
            if (!arrays.containsKey(key)) {
                throw JobFailure.badFormat(file, key, "missing (the file has " + arrays.keySet() + ")");
            }
        }
        return LabeledData.of(file, xKey, arrays.get(xKey), yKey, arrays.get(yKey));
    }

    private static TrainTest signed(TrainTest raw, Consumer<String> log) {
        double[] both = java.util.stream.DoubleStream.concat(Arrays.stream(raw.train().y()), Arrays.stream(raw.test().y()))
                .toArray();
        LabeledData union = new LabeledData(new double[both.length][], both, raw.name());
        LabeledData signed = SignedLabels.toSigned(union, Path.of(raw.name()), "labels", log);
        int n = raw.train().size();
        return new TrainTest(raw.name(),
                new LabeledData(raw.train().x(), Arrays.copyOfRange(signed.y(), 0, n), raw.train().source()),
                new LabeledData(raw.test().x(), Arrays.copyOfRange(signed.y(), n, both.length), raw.test().source()));
    }
}
