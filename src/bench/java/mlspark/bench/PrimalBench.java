package mlspark.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.classification.LinearSVC;
import org.apache.spark.ml.classification.LinearSVCModel;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import mlspark.data.FeatureBlock;
import mlspark.data.SampleBlock;
import mlspark.optim.DifferentiableFunction;
import mlspark.optim.GradientDescent;
import mlspark.optim.StepSchedule;
import mlspark.training.PrimalSvmTrainer;
import mlspark.distributed.SampleBlocks;
import mlspark.svm.ClassCosts;
import mlspark.svm.primal.SequentialPrimalSvm;

/**
 * Seconds per epoch of the primal SVM's batch gradient descent on Spark, beside one pass of the
 * plain single-threaded loop and one iteration of Spark MLlib's LinearSVC, on the same synthetic
 * data (N x D, seeded) in the same partitions.
 * Targets: our epoch no slower than the single-threaded pass, at least 3x faster than an MLlib iteration.
 */
public final class PrimalBench implements BenchSuite {
    private static final long SEED = 545;
    static final int D = 100;

    @Override
    public String name() {
        return "primal";
    }

    @Override
    public String description() {
        return "primal SVM, N=1,000,000 x D=100 (--quick: 100,000): s/epoch ours vs single-threaded loop vs MLlib LinearSVC s/iteration";
    }

    @Override
    public void run(JavaSparkContext sc, boolean quick, BenchTable table) {
        int n = quick ? 100_000 : 1_000_000;
        int partitions = sc.defaultParallelism();
        String benchCase = "N=" + n + " D=" + D + " P=" + partitions;
        ClassCosts costs = ClassCosts.symmetric(5);

        List<Integer> parts = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            parts.add(p);
        }
        JavaRDD<SampleBlock> blocks = sc.parallelize(parts, partitions)
                .flatMap(p -> generate(p, partitions, n).iterator())
                .persist(StorageLevel.MEMORY_ONLY());
        table.log("generated " + blocks.count() + " blocks");

        // ours: full-batch gradient descent epochs on the cached blocks
        int epochs = quick ? 5 : 10;
        DifferentiableFunction objective = PrimalSvmTrainer.objective(blocks, D, costs, false);
        objective.evaluate(new double[D + 1]);
        long t0 = System.nanoTime();
        new GradientDescent(StepSchedule.constant(1e-6))
                .minimize(objective, new double[D + 1], epochs, (e, p, l) -> { });
        double oursPerEpoch = seconds(t0) / epochs;
        table.add(benchCase, "ours (Spark, BLAS blocks)", "seconds_per_epoch", oursPerEpoch);

        // the plain single-threaded loop over the same rows, on the driver
        double[] x = new double[n * D];
        double[] y = new double[n];
        int row = 0;
        for (int p = 0; p < partitions; p++) {
            for (SampleBlock b : generate(p, partitions, n)) {
                System.arraycopy(values(b), 0, x, row * D, b.size() * D);
                System.arraycopy(b.labels(), 0, y, row, b.size());
                row += b.size();
            }
        }
        SequentialPrimalSvm.gradient(x, y, D, costs, new double[D + 1]);
        int passes = 3;
        t0 = System.nanoTime();
        SequentialPrimalSvm.train(x, y, D, costs, StepSchedule.constant(1e-6), passes);
        double sequentialPerEpoch = seconds(t0) / passes;
        table.add(benchCase, "single-threaded loop", "seconds_per_epoch", sequentialPerEpoch,
                "ours_speedup", sequentialPerEpoch / oursPerEpoch);
        x = null;
        y = null;

        // Spark MLlib LinearSVC on the same rows (labels 0/1)
        SparkSession spark = SparkSession.builder().config(sc.getConf()).getOrCreate();
        StructType schema = new StructType().add("label", DataTypes.DoubleType)
                .add("features", new org.apache.spark.ml.linalg.VectorUDT());
        JavaRDD<Row> rows = blocks.flatMap(b -> {
            List<Row> out = new ArrayList<>(b.size());
            for (int i = 0; i < b.size(); i++) {
                double[] xi = java.util.Arrays.copyOfRange(values(b), i * D, (i + 1) * D);
                out.add(RowFactory.create(b.labels()[i] > 0 ? 1.0 : 0.0, Vectors.dense(xi)));
            }
            return out.iterator();
        });
        Dataset<Row> frame = spark.createDataFrame(rows, schema).persist(StorageLevel.MEMORY_ONLY());
        frame.count();
        blocks.unpersist();
        int maxIter = quick ? 5 : 10;
        LinearSVC svc = new LinearSVC().setMaxIter(maxIter).setRegParam(1.0 / (costs.c1() * n)).setTol(0)
                .setStandardization(false);
        t0 = System.nanoTime();
        LinearSVCModel model = svc.fit(frame);
        double total = seconds(t0);
        int iterations = Math.max(1, model.summary().totalIterations());
        double mllibPerIteration = total / iterations;
        table.add(benchCase, "Spark MLlib LinearSVC", "seconds_per_iteration", mllibPerIteration,
                "iterations", iterations, "ours_speedup", mllibPerIteration / oursPerEpoch);
        frame.unpersist();
    }

    /** The rows of partition {@code p}: x ~ N(0, 1), y = sign(w*.x + noise), w* fixed by the seed. */
    static List<SampleBlock> generate(int p, int partitions, int n) {
        int from = (int) ((long) n * p / partitions);
        int to = (int) ((long) n * (p + 1) / partitions);
        double[] wStar = new SplittableRandom(SEED).doubles(D, -1, 1).toArray();
        SplittableRandom random = new SplittableRandom(SEED + 1 + p);
        List<SampleBlock> out = new ArrayList<>();
        int blockRows = SampleBlocks.DEFAULT_BLOCK_KIB * 1024 / (8 * D);
        for (int start = from; start < to; start += blockRows) {
            int rows = Math.min(blockRows, to - start);
            double[] features = new double[rows * D];
            double[] labels = new double[rows];
            for (int i = 0; i < rows; i++) {
                double h = 0.5 * random.nextGaussian();
                for (int j = 0; j < D; j++) {
                    double v = random.nextGaussian();
                    features[i * D + j] = v;
                    h += wStar[j] * v;
                }
                labels[i] = h > 0 ? 1 : -1;
            }
            out.add(SampleBlock.dense(rows, D, features, labels));
        }
        return out;
    }

    private static double[] values(SampleBlock b) {
        return ((FeatureBlock.Dense) b.features()).values();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
