package mlspark.bench;

import java.nio.file.Path;

import mlspark.data.LabeledData;
import mlspark.kernel.KernelSpec;
import mlspark.kernel.RbfKernel;
import mlspark.linalg.Blas;
import mlspark.mnist.Digits;
import mlspark.mnist.Mnist;
import mlspark.svm.ClassCosts;
import mlspark.svm.dual.DualProblem;
import mlspark.svm.dual.KernelPrecision;
import mlspark.svm.dual.PointKernelRows;
import mlspark.svm.dual.WorkingSetSmoSolver;

/**
 * A side timing of {@link KernelPrecision}: {@link WorkingSetSmoSolver} (q = 128, eps 1e-3) on one MNIST class pair
 * of the first N training images (pixels / 255, RBF C = 10, gamma = 1/(784 Var), the multi-class bench's settings),
 * float64 and float32 alternately, three times each: each run's seconds, kernel-phase seconds, kernel rows and dual
 * objective, with the 1-minute load average (a shared machine). A warm-up (JIT) on 1,000 images first, not reported.
 * Usage: {@code KernelPrecisionTiming MNIST_DIR N DIGIT DIGIT}.
 */
public final class KernelPrecisionTiming {
    /** Runs of each precision, alternating (the load of a shared machine varies from run to run). */
    private static final int REPEATS = 3;

    private KernelPrecisionTiming() {
    }

    public static void main(String[] args) {
        Digits train = Mnist.load(Path.of(args[0]), false).train();
        int n = Integer.parseInt(args[1]);
        int positive = Integer.parseInt(args[2]);
        int negative = Integer.parseInt(args[3]);
        System.out.println(Blas.describe());
        run(pair(train.range(0, 1000), positive, negative), false);
        run(pair(train.range(0, n), positive, negative), true);
    }

    /** The images of the two digits, y = +1 for the first. */
    private static LabeledData pair(Digits images, int positive, int negative) {
        LabeledData all = images.labeledData("mnist", 0, 1 / 255.0);
        int count = 0;
        for (double label : all.y()) {
            count += label == positive || label == negative ? 1 : 0;
        }
        double[][] x = new double[count][];
        double[] y = new double[count];
        int at = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.y()[i] == positive || all.y()[i] == negative) {
                x[at] = all.x()[i];
                y[at++] = all.y()[i] == positive ? 1 : -1;
            }
        }
        return new LabeledData(x, y, "mnist " + positive + " vs " + negative);
    }

    private static void run(LabeledData data, boolean report) {
        DualProblem problem = new DualProblem(new PointKernelRows(new RbfKernel(KernelSpec.scaleGamma(data.x())), data.x()),
                data.y(), ClassCosts.symmetric(10));
        for (int r = 0; r < 2 * REPEATS; r++) {
            KernelPrecision precision = r % 2 == 0 ? KernelPrecision.FLOAT64 : KernelPrecision.FLOAT32;
            WorkingSetSmoSolver.Run run = new WorkingSetSmoSolver(WorkingSetSmoSolver.Settings.defaults()
                    .withKernelPrecision(precision)).run(problem, null, null);
            if (report) {
                System.out.printf("%s N=%d %s: %.2f s, kernel rows %.2f s (%d rows), objective %.9f, load %.2f%n",
                        data.source(), data.size(), precision.paramValue(), run.solution().seconds(),
                        run.phases().kernelSeconds(), run.phases().kernelRows(), run.solution().dualObjective(),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }
}
