package mlspark.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

import mlspark.errors.InputException;

/**
 * Brings binary labels to the SVM's -1/+1. Labels already in {-1, +1} pass unchanged; labels in
 * {0, 1} are mapped 0 -> -1, 1 -> +1 and the mapping is logged; any other set is an error.
 */
public final class SignedLabels {
    private SignedLabels() {
    }

    public static LabeledData toSigned(LabeledData data, Path file, String yField, Consumer<String> log) {
        if (!zeroIsNegative(data.labelSet(), file, yField, log)) {
            return data;
        }
        double[] y = Arrays.stream(data.y()).map(v -> v == 0 ? -1 : 1).toArray();
        return new LabeledData(data.features(), y, data.source());
    }

    /**
     * Whether the label set (distinct values, ascending) is {0, 1}-coded, so that 0 maps to -1;
     * false for {-1, +1}-coded labels; any other set fails with BAD_VALUES.
     */
    public static boolean zeroIsNegative(double[] set, Path file, String yField, Consumer<String> log) {
        if (Arrays.stream(set).allMatch(v -> v == -1 || v == 1)) {
            return false;
        }
        if (Arrays.stream(set).allMatch(v -> v == 0 || v == 1)) {
            log.accept(file + ": " + yField + ": labels {0, 1} mapped to {-1, +1} (0 -> -1, 1 -> +1)");
            return true;
        }
        throw InputException.badValues(file, yField, "labels " + Arrays.toString(set)
                + " are not a binary label set (expected {-1, +1} or {0, 1})");
    }

    /** Fails with {@link InputException.Kind#BAD_VALUES} unless the training set holds both classes. */
    public static void requireBothClasses(LabeledData train) {
        requireBothClasses(train.labelSet(), train.source());
    }

    /**
     * Fails with {@link InputException.Kind#BAD_VALUES} unless {@code labelSet}, the distinct labels of
     * the training set read from {@code source}, has two values: trained on one class, a classifier can
     * only ever predict that class.
     */
    public static void requireBothClasses(double[] labelSet, String source) {
        if (labelSet.length < 2) {
            throw InputException.badValues(Path.of(source), "labels", "the training set has only the label "
                    + (labelSet.length == 0 ? "(none)" : labelSet[0]) + "; a classifier needs both classes");
        }
    }
}
