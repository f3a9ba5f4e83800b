package mlspark.cli.reproduce;

import java.nio.file.Path;
import java.util.List;

import mlspark.data.DataSpec;
import mlspark.data.BinaryDataSets;
import mlspark.data.TrainTest;
import mlspark.ml.KernelSvmClassifier;
import mlspark.cli.metrics.DualSvmMetrics;
import mlspark.cli.metrics.DualSvmRuns;

/**
 * Q3 and Q4 in the dual, as {@code dual-svm} computes them: a kernel SVM with a
 * {@link KernelSvmClassifier}'s Params on a toy set, with its decision boundary, or the
 * assignment's two tables of test accuracy, toy sets x kernels.
 */
public final class DualPart {
    /** Plot grid points per axis. */
    private static final int GRID = 200;

    private DualPart() {
    }

    /** {@code svm}'s Params trained on the named set, with its decision boundary. */
    public static DualSvmMetrics.Run one(String dataName, KernelSvmClassifier svm, Context context, Path dir) {
        TrainTest set = BinaryDataSets.load(dataName, null, context.dataDir(), context.log());
        int partitions = context.partitions(set.train().size());
        return DualSvmMetrics.Run.of(null, DualSvmRuns.one(context.spark(), set, svm, GRID, partitions, context.log(), dir),
                DualSvmMetrics.Config.of(svm, partitions));
    }

    /**
     * The assignment's model (C = 1, gamma = 0.2, degree 3, coef0 0; interior point, the assignment's
     * bias rule, support vectors a > 1e-4: the classifier's defaults) and scikit-learn SVC's defaults on
     * the four toy sets with the four kernels.
     */
    public static DualSvmMetrics.Tables tables(Context context, Path dir) {
        List<TrainTest> sets = DataSpec.TOY_SETS.stream()
                .map(name -> BinaryDataSets.load(name, null, context.dataDir(), context.log())).toList();
        int n = sets.stream().mapToInt(s -> s.train().size()).max().orElseThrow();
        return DualSvmRuns.tables(context.spark(), sets, new KernelSvmClassifier(), GRID, context.partitions(n),
                context.log(), markdown -> { }, dir);
    }
}
