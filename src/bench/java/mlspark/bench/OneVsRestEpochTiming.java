package mlspark.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;

import mlspark.cli.SparkSetup;
import mlspark.data.SampleBlock;
import mlspark.distributed.SampleBlocks;
import mlspark.linalg.Blas;
import mlspark.optim.DifferentiableFunction;
import mlspark.svm.ClassCosts;
import mlspark.svm.primal.OneVsRestBlockAggregator;
import mlspark.training.PrimalSvmTrainer;

/**
 * A side timing of the one-vs-rest linear SVM's epoch: on the same N x D dense rows (seeded, cached in
 * 1 MiB blocks on local[2]), seconds per evaluation of the hinge objective and its gradient (one
 * gradient-descent epoch) for K classes against a binary epoch (class 0 against the rest), the
 * 1-minute load average beside every line (a shared machine). Target of issue 20: K = 10 at most 2x.
 * Run with {@code OPENBLAS_NUM_THREADS=1}, as the launchers and the executors run (else native dgemm threads
 * oversubscribe the two task threads). Usage: {@code OneVsRestEpochTiming N D K [repeats]}.
 */
public final class OneVsRestEpochTiming {
    private static final long SEED = 545;

    private OneVsRestEpochTiming() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int d = Integer.parseInt(args[1]);
        int k = Integer.parseInt(args[2]);
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        JavaSparkContext sc = SparkSetup.context("OneVsRestEpochTiming", "local[2]", java.util.Map.of("spark.ui.enabled", "false"));
        int partitions = sc.defaultParallelism();
        List<Integer> parts = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            parts.add(p);
        }
        JavaRDD<SampleBlock> classes = sc.parallelize(parts, partitions).flatMap(p -> generate(p, partitions, n, d, k, false)
                .iterator()).persist(StorageLevel.MEMORY_ONLY());
        JavaRDD<SampleBlock> binary = sc.parallelize(parts, partitions).flatMap(p -> generate(p, partitions, n, d, k, true)
                .iterator()).persist(StorageLevel.MEMORY_ONLY());
        System.out.println(Blas.describe() + "; N = " + n + ", D = " + d + ", K = " + k + ", " + partitions + " partitions, "
                + classes.count() + " + " + binary.count() + " blocks");
        ClassCosts costs = ClassCosts.symmetric(1);
        DifferentiableFunction binaryObjective = PrimalSvmTrainer.objective(binary, d, costs, false);
        DifferentiableFunction classObjective = PrimalSvmTrainer.oneVsRestObjective(classes, d, k, costs, false);
        double[] binaryPoint = new SplittableRandom(1).doubles(d + 1, -0.01, 0.01).toArray();
        double[] classPoint = new SplittableRandom(1).doubles(OneVsRestBlockAggregator.parameterCount(d, k), -0.01, 0.01)
                .toArray();
        binaryObjective.evaluate(binaryPoint);
        classObjective.evaluate(classPoint);
        for (int r = 0; r < repeats; r++) {
            double b = time(binaryObjective, binaryPoint);
            double c = time(classObjective, classPoint);
            System.out.printf("binary %.3f s/epoch   K=%d %.3f s/epoch   ratio %.2f   load %s%n", b, k, c, c / b, load());
        }
        sc.stop();
    }

    private static double time(DifferentiableFunction f, double[] point) {
        long t0 = System.nanoTime();
        f.evaluate(point);
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The rows of partition p: x ~ N(0, 1), class = argmax of K seeded hyperplanes; binary: class 0 as +1. */
    private static List<SampleBlock> generate(int p, int partitions, int n, int d, int k, boolean binary) {
        int from = (int) ((long) n * p / partitions);
        int to = (int) ((long) n * (p + 1) / partitions);
        double[] planes = new SplittableRandom(SEED).doubles((long) d * k, -1, 1).toArray();
        SplittableRandom random = new SplittableRandom(SEED + 1 + p);
        List<SampleBlock> out = new ArrayList<>();
        int blockRows = SampleBlocks.DEFAULT_BLOCK_KIB * 1024 / (8 * d);
        for (int start = from; start < to; start += blockRows) {
            int rows = Math.min(blockRows, to - start);
            double[] features = new double[rows * d];
            double[] labels = new double[rows];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < d; j++) {
                    features[i * d + j] = random.nextGaussian();
                }
                int best = 0;
                double bestScore = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double s = 0;
                    for (int j = 0; j < d; j++) {
                        s += planes[c * d + j] * features[i * d + j];
                    }
                    if (s > bestScore) {
                        bestScore = s;
                        best = c;
                    }
                }
                labels[i] = binary ? (best == 0 ? 1 : -1) : best;
            }
            out.add(SampleBlock.dense(rows, d, features, labels));
        }
        return out;
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
