package mlspark.cli.jobs;

import java.util.Arrays;

import mlspark.data.LabeledData;
import mlspark.data.SignedLabels;
import mlspark.data.TrainTest;
import mlspark.errors.InputException;
import mlspark.svm.multiclass.ClassLabels;

/**
 * The labels of {@code primal-svm} and {@code dual-svm}, LIBSVM's semantics for every input (files read on
 * the driver and {@code libsvm:}/{@code csv:}/{@code parquet:} sources alike): the classes are the training
 * set's distinct labels. Labels of {-1, +1} or of {0, 1} are a binary set; any other values are the classes
 * 0..K-1 in order of first appearance in the training rows (LIBSVM's {@code svm_group_classes}). A test
 * label that no training row has is class index K, which no prediction equals: an error in the test
 * accuracy.
 */
final class SvmClasses {
    private SvmClasses() {
    }

    /**
     * The classes of the training set's distinct labels {@code trainLabels} (in order of first appearance),
     * null for a binary set; fails with BAD_VALUES naming {@code source} for a single class or a NaN label.
     */
    static ClassLabels of(double[] trainLabels, String source) {
        for (double v : trainLabels) {
            if (Double.isNaN(v)) {
                throw InputException.badValues(source, "labels", "a label NaN (expected a number)");
            }
        }
        SignedLabels.requireBothClasses(trainLabels, source);
        boolean binary = Arrays.stream(trainLabels).allMatch(v -> v == -1 || v == 1)
                || Arrays.stream(trainLabels).allMatch(v -> v == 0 || v == 1);
        return binary ? null : ClassLabels.inOrderOfAppearance(trainLabels);
    }

    /** The distinct labels of a set read on the driver, in order of first appearance (-0.0 as 0.0). */
    static double[] distinct(LabeledData data) {
        return Arrays.stream(data.y()).map(v -> v + 0.0).distinct().toArray();
    }

    /** {@code raw} with its labels replaced by the class indices of {@code classes}, K for a test label that no class has. */
    static TrainTest indexed(TrainTest raw, ClassLabels classes) {
        return new TrainTest(raw.name(), indexed(raw.train(), classes), indexed(raw.test(), classes));
    }

    private static LabeledData indexed(LabeledData data, ClassLabels classes) {
        return new LabeledData(data.features(), Arrays.stream(data.y()).map(classes::classIndexOrUnseen).toArray(), data.source());
    }
}
