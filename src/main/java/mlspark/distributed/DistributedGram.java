package mlspark.distributed;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import mlspark.kernel.Gram;
import mlspark.kernel.Kernel;
import mlspark.linalg.DensePoints;
import mlspark.linalg.Points;
import mlspark.svm.dual.KernelSvmModel;
import scala.Tuple2;

/**
 * The kernel computations of the dual SVM on Spark. The Gram matrix: the training points and the
 * kernel are broadcast, an RDD of row ranges computes one block of rows per task with the same
 * sequential code as {@link Gram#rows}, and the blocks come back to the driver (one partition at a
 * time when the matrix is too large for one result, see spark.driver.maxResultSize). Points are dense or
 * sparse. Prediction: the model (support vectors, coefficients, b) is broadcast and every task evaluates
 * h(x) = sum_s a_s y_s k(x_s, x) + b for its range of the points, block by block.
 */
public final class DistributedGram {
    /** Rows per block, so that a block stays near 8 MB whatever n. */
    private static final long BLOCK_VALUES = 1L << 20;
    /** Above this many values the blocks are fetched partition by partition. */
    private static final long COLLECT_VALUES = 32L << 20;

    private DistributedGram() {
    }

    /** The n x n Gram matrix of {@code points}, row-major, in at least {@code partitions} row blocks. */
    public static double[] compute(JavaSparkContext sc, Kernel kernel, double[][] points, int partitions) {
        return compute(sc, kernel, new DensePoints(points), partitions);
    }

    /** The n x n Gram matrix of dense or sparse {@code points}, as {@link #compute(JavaSparkContext, Kernel, double[][], int)}. */
    public static double[] compute(JavaSparkContext sc, Kernel kernel, Points points, int partitions) {
        int n = points.size();
        int rowsPerBlock = (int) Math.max(1, Math.min((n + partitions - 1) / Math.max(1, partitions),
                BLOCK_VALUES / Math.max(1, n)));
        List<int[]> ranges = new ArrayList<>();
        for (int from = 0; from < n; from += rowsPerBlock) {
            ranges.add(new int[]{from, Math.min(n, from + rowsPerBlock)});
        }
        Broadcast<Points> bcPoints = sc.broadcast(points);
        Broadcast<Kernel> bcKernel = sc.broadcast(kernel);
        try {
            double[] gram = new double[n * n];
            JavaRDD<Tuple2<Integer, double[]>> blocks = sc.parallelize(ranges, Math.min(ranges.size(),
                            Math.max(partitions, ranges.size() / 4 + 1)))
                    .map(r -> new Tuple2<>(r[0], Gram.rows(bcKernel.value(), bcPoints.value(), r[0], r[1])));
            Iterator<Tuple2<Integer, double[]>> it = (long) n * n <= COLLECT_VALUES ? blocks.collect().iterator()
                    : blocks.toLocalIterator();
            while (it.hasNext()) {
                Tuple2<Integer, double[]> block = it.next();
                System.arraycopy(block._2(), 0, gram, block._1() * n, block._2().length);
            }
            return gram;
        } finally {
            bcPoints.destroy();
            bcKernel.destroy();
        }
    }

    /** h(x) for points held on the driver, spread over {@code partitions}. */
    public static double[] decisionValues(JavaSparkContext sc, KernelSvmModel model, double[][] points, int partitions) {
        return decisionValues(sc, model, new DensePoints(points), partitions);
    }

    /**
     * h(x) for dense or sparse points held on the driver: {@code partitions} ranges of them, each a task that
     * evaluates its points as one {@link KernelSvmModel#decisionValues(Points)}.
     */
    public static double[] decisionValues(JavaSparkContext sc, KernelSvmModel model, Points points, int partitions) {
        int n = points.size();
        int parts = Math.max(1, Math.min(partitions, n));
        List<Points> ranges = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            ranges.add(points.range((int) ((long) p * n / parts), (int) ((long) (p + 1) * n / parts)));
        }
        Broadcast<KernelSvmModel> bc = sc.broadcast(model);
        try {
            List<double[]> values = sc.parallelize(ranges, parts).map(r -> bc.value().decisionValues(r)).collect();
            double[] h = new double[n];
            int offset = 0;
            for (double[] v : values) {
                System.arraycopy(v, 0, h, offset, v.length);
                offset += v.length;
            }
            return h;
        } finally {
            bc.destroy();
        }
    }
}
