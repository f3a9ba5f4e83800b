package mlspark.distributed;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import mlspark.kernel.Gram;
import mlspark.kernel.Kernel;
import mlspark.svm.dual.KernelSvmModel;
import scala.Tuple2;

/**
 * The kernel computations of the dual SVM on Spark. The Gram matrix: the training points and the
 * kernel are broadcast, an RDD of row ranges computes one block of rows per task with the same
 * sequential code as {@link Gram#rows}, and the blocks come back to the driver (one partition at a
 * time when the matrix is too large for one result, see spark.driver.maxResultSize). Prediction: the model (support vectors, coefficients, b) is broadcast and every task
 * evaluates h(x) = sum_s a_s y_s k(x_s, x) + b for its test points, block by block with BLAS.
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
        int n = points.length;
        int rowsPerBlock = (int) Math.max(1, Math.min((n + partitions - 1) / Math.max(1, partitions),
                BLOCK_VALUES / Math.max(1, n)));
        List<int[]> ranges = new ArrayList<>();
        for (int from = 0; from < n; from += rowsPerBlock) {
            ranges.add(new int[]{from, Math.min(n, from + rowsPerBlock)});
        }
        Broadcast<double[][]> bcPoints = sc.broadcast(points);
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

    /**
     * h(x) of {@code model} for each point of {@code points}, in the RDD's order: each partition
     * stacks its points into one block and evaluates it against the support vectors with BLAS
     * ({@link KernelSvmModel#decisionValues(double[], int, int)}).
     */
    public static double[] decisionValues(JavaSparkContext sc, KernelSvmModel model, JavaRDD<double[]> points) {
        Broadcast<KernelSvmModel> bc = sc.broadcast(model);
        try {
            List<double[]> parts = points.mapPartitions((Iterator<double[]> it) -> {
                List<double[]> rows = new ArrayList<>();
                it.forEachRemaining(rows::add);
                int d = rows.isEmpty() ? 0 : rows.get(0).length;
                double[] block = mlspark.kernel.KernelBlocks.stack(rows.toArray(new double[0][]), d);
                return List.of(bc.value().decisionValues(block, rows.size(), d)).iterator();
            }).collect();
            double[] values = new double[parts.stream().mapToInt(p -> p.length).sum()];
            int offset = 0;
            for (double[] p : parts) {
                System.arraycopy(p, 0, values, offset, p.length);
                offset += p.length;
            }
            return values;
        } finally {
            bc.destroy();
        }
    }

    /** h(x) for points held on the driver, spread over {@code partitions}. */
    public static double[] decisionValues(JavaSparkContext sc, KernelSvmModel model, double[][] points, int partitions) {
        return decisionValues(sc, model, sc.parallelize(java.util.Arrays.asList(points), partitions));
    }
}
