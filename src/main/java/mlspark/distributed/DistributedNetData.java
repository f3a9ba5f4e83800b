package mlspark.distributed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

import mlspark.errors.InputException;
import mlspark.nn.LabeledRows;
import mlspark.nn.LocalSgd;
import mlspark.nn.Matrix;
import mlspark.nn.Precision;
import mlspark.nn.TrainingData;
import mlspark.nn.TwoLayerNet;
import mlspark.optim.Mergeable;
import scala.Tuple2;

/**
 * A net's training, validation and test rows as cached RDDs with one {@link RowBlock} per
 * partition (contiguous index ranges). A mini-batch is a set of global row indices: every step
 * broadcasts the net, each partition computes the loss and gradient of the batch rows it owns,
 * weighted by 1/B, and {@code treeAggregate} sums them in partition order ({@link OrderedTreeSum}),
 * so the result is the batch's mean gradient however the rows are spread, and the same in every run.
 */
public final class DistributedNetData implements TrainingData, AutoCloseable {
    public static final int TREE_DEPTH = 2;

    private final JavaSparkContext sc;
    private final JavaRDD<RowBlock> train;
    private final JavaRDD<RowBlock> validation;
    private final JavaRDD<RowBlock> test;
    private final int trainSize;
    private final int partitions;
    private final List<Broadcast<LabeledRows>> sources = new ArrayList<>();

    public DistributedNetData(JavaSparkContext sc, LabeledRows train, LabeledRows validation, LabeledRows test,
                              int partitions) {
        this.sc = sc;
        this.partitions = partitions;
        this.trainSize = train.size();
        this.train = cache(train, partitions);
        this.validation = cache(validation, partitions);
        this.test = test == null ? null : cache(test, partitions);
    }

    private DistributedNetData(JavaSparkContext sc, JavaRDD<RowBlock> train, JavaRDD<RowBlock> validation,
                               JavaRDD<RowBlock> test, int trainSize, int partitions) {
        this.sc = sc;
        this.partitions = partitions;
        this.trainSize = trainSize;
        this.train = train;
        this.validation = validation;
        this.test = test;
    }

    /**
     * Rows read by the executors (features of {@code dimension} values and a class index), numbered
     * in their order and cached ({@code MEMORY_AND_DISK}) until {@link #close()}: the count, the
     * normalization and the split read the cache instead of the source.
     */
    public record Rows(JavaPairRDD<Tuple2<double[], Integer>, Long> numbered, long count) implements AutoCloseable {
        public static Rows of(JavaRDD<Tuple2<double[], Integer>> rows) {
            JavaPairRDD<Tuple2<double[], Integer>, Long> numbered = rows.zipWithIndex().persist(StorageLevel.MEMORY_AND_DISK());
            return new Rows(numbered, numbered.count());
        }

        @Override
        public void close() {
            numbered.unpersist(false);
        }
    }

    /**
     * The {@code features} (vectors of {@code dimension}, dense or sparse) and {@code label} (class
     * indices, already checked) of a data source's rows as net rows, densified one by one and
     * counted; a row of another size or with a value that is not finite fails naming {@code source}.
     */
    public static Rows rows(Dataset<Row> rows, int dimension, String source) {
        JavaRDD<Tuple2<double[], Integer>> converted = rows.select(SampleBlocks.FEATURES, SampleBlocks.LABEL).javaRDD().map(r -> {
            Vector v = r.isNullAt(0) ? null : (Vector) r.get(0);
            if (v == null || v.size() != dimension) {
                throw InputException.badFormat(source, SampleBlocks.FEATURES, "a row has "
                        + (v == null ? "no vector" : v.size() + " features") + ", expected " + dimension);
            }
            double[] x = v.toArray();
            for (double e : x) {
                if (!Double.isFinite(e)) {
                    throw InputException.badValues(source, SampleBlocks.FEATURES, "a value " + e
                            + " (expected finite numbers)");
                }
            }
            return new Tuple2<>(x, (int) r.getDouble(1));
        });
        return Rows.of(converted);
    }

    /** The mean and standard deviation of all values of the first {@code count} rows (summed on the executors). */
    public static double[] meanAndStd(Rows rows, long count) {
        double[] sums = rows.numbered().filter(t -> t._2() < count).map(t -> {
            double sum = 0;
            double sumSq = 0;
            for (double v : t._1()._1()) {
                sum += v;
                sumSq += v * v;
            }
            return new double[]{sum, sumSq, t._1()._1().length};
        }).fold(new double[3], (a, b) -> new double[]{a[0] + b[0], a[1] + b[1], a[2] + b[2]});
        double mean = sums[0] / sums[2];
        return new double[]{mean, Math.sqrt(Math.max(0, sums[1] / sums[2] - mean * mean))};
    }

    /**
     * The rows of {@code train}, in their order, cut on the executors: the first {@code count -
     * validation} for training, the rest for validation, and the rows of {@code test} (or none),
     * each into {@code partitions} contiguous blocks exactly as the constructor cuts rows held by
     * the driver, so training gives the same results either way. Each value v is stored as
     * {@code (v - affine[0]) * affine[1]} (as {@code Digits.rows} scales pixels). Only counts reach
     * the driver; lost blocks are rebuilt from the rows' lineage.
     */
    public static DistributedNetData split(Rows train, int validation, Rows test, int dimension, Precision precision,
                                           double[] affine, int partitions) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(train.numbered().context());
        int trainSize = Math.toIntExact(train.count() - validation);
        return new DistributedNetData(sc, blocks(train.numbered(), 0, trainSize, dimension, precision, affine, partitions),
                blocks(train.numbered(), trainSize, validation, dimension, precision, affine, partitions),
                test == null ? null : blocks(test.numbered(), 0, Math.toIntExact(test.count()), dimension, precision, affine,
                        partitions), trainSize, partitions);
    }

    /** Rows {@code [offset, offset + count)} of {@code indexed} as {@code partitions} cached blocks of consecutive rows. */
    private static JavaRDD<RowBlock> blocks(JavaPairRDD<Tuple2<double[], Integer>, Long> indexed, long offset, int count,
                                            int dimension, Precision precision, double[] affine, int partitions) {
        double shift = affine[0];
        double scale = affine[1];
        JavaRDD<RowBlock> rdd = indexed.filter(t -> t._2() >= offset && t._2() < offset + count)
                .mapToPair(t -> new Tuple2<>(t._2() - offset, t._1()))
                .partitionBy(new RangeOf(count, partitions))
                .mapPartitionsWithIndex((p, it) -> {
                    int from = RangeOf.start(count, partitions, p);
                    int to = RangeOf.start(count, partitions, p + 1);
                    Matrix x = precision.zeros(to - from, dimension);
                    int[] labels = new int[to - from];
                    while (it.hasNext()) {
                        Tuple2<Long, Tuple2<double[], Integer>> row = it.next();
                        int i = (int) (row._1() - from);
                        double[] features = row._2()._1();
                        for (int j = 0; j < dimension; j++) {
                            x.set(i * dimension + j, (features[j] - shift) * scale);
                        }
                        labels[i] = row._2()._2();
                    }
                    return List.of(new RowBlock(from, new LabeledRows(x, labels))).iterator();
                }, true).persist(StorageLevel.MEMORY_AND_DISK());
        rdd.count();
        return rdd;
    }

    /** Row index i of n goes to the partition p with n p / P <= i < n (p + 1) / P (the constructor's ranges). */
    static final class RangeOf extends Partitioner {
        private final long n;
        private final int partitions;

        RangeOf(long n, int partitions) {
            this.n = n;
            this.partitions = partitions;
        }

        static int start(long n, int partitions, int p) {
            return (int) (n * p / partitions);
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            long i = (Long) key;
            int p = (int) Math.min(partitions - 1, i * partitions / Math.max(1, n));
            while (p > 0 && start(n, partitions, p) > i) {
                p--;
            }
            while (p < partitions - 1 && start(n, partitions, p + 1) <= i) {
                p++;
            }
            return p;
        }
    }

    /**
     * The rows as one compact block per partition, cached. The rows travel as a broadcast each
     * partition copies its range from (a parallelized collection would ride inside the tasks, over
     * the RPC message limit for MNIST); executors drop their copy once the blocks are cached, and
     * the driver keeps it until {@link #close()} so lost blocks can be rebuilt.
     */
    private JavaRDD<RowBlock> cache(LabeledRows rows, int partitions) {
        Broadcast<LabeledRows> all = sc.broadcast(rows);
        sources.add(all);
        int n = rows.size();
        List<Integer> ids = IntStream.range(0, partitions).boxed().toList();
        JavaRDD<RowBlock> rdd = sc.parallelize(ids, partitions).map(p -> {
            int from = RangeOf.start(n, partitions, p);
            int to = RangeOf.start(n, partitions, p + 1);
            LabeledRows source = all.value();
            return new RowBlock(from, new LabeledRows(source.x().rowRange(from, to).copy(),
                    Arrays.copyOfRange(source.labels(), from, to)));
        }).persist(StorageLevel.MEMORY_AND_DISK());
        rdd.count();
        all.unpersist(false);
        return rdd;
    }

    /** The cached training blocks, one per partition. */
    public JavaRDD<RowBlock> trainBlocks() {
        return train;
    }

    /** The cached test blocks (null when made without test rows). */
    public JavaRDD<RowBlock> testBlocks() {
        return test;
    }

    @Override
    public int trainSize() {
        return trainSize;
    }

    @Override
    public int workers() {
        return partitions;
    }

    /** The partial sums of a batch's weighted loss and gradient. */
    static final class BatchSum implements Mergeable<BatchSum> {
        double loss;
        Matrix gradient;

        BatchSum add(TwoLayerNet net, RowBlock block, int[] sortedBatch, double weight) {
            LabeledRows mine = block.select(sortedBatch);
            if (mine != null) {
                if (gradient == null) {
                    gradient = net.precision().zeros(1, net.params().size());
                }
                loss += net.addLossGradient(mine.x(), mine.labels(), weight, gradient);
            }
            return this;
        }

        @Override
        public BatchSum merge(BatchSum other) {
            if (other.gradient == null) {
                return this;
            }
            if (gradient == null) {
                return other;
            }
            gradient.axpy(1, other.gradient);
            loss += other.loss;
            return this;
        }
    }

    @Override
    public TwoLayerNet.Loss batchLoss(TwoLayerNet net, int[] batch) {
        int[] sorted = sorted(batch);
        double weight = 1.0 / batch.length;
        Broadcast<TwoLayerNet> bc = sc.broadcast(net);
        try {
            BatchSum sum = OrderedTreeSum.sum(train, blocks -> {
                BatchSum s = new BatchSum();
                blocks.forEachRemaining(block -> s.add(bc.value(), block, sorted, weight));
                return s;
            }, TREE_DEPTH);
            return new TwoLayerNet.Loss(sum.loss, sum.gradient != null ? sum.gradient
                    : net.precision().zeros(1, net.params().size()));
        } finally {
            bc.destroy();
        }
    }

    @Override
    public double trainAccuracy(TwoLayerNet net, int[] rows) {
        int[] sorted = sorted(rows);
        Broadcast<TwoLayerNet> bc = sc.broadcast(net);
        try {
            long correct = train.map(block -> {
                LabeledRows mine = block.select(sorted);
                return mine == null ? 0L : (long) bc.value().correct(mine);
            }).reduce(Long::sum);
            return (double) correct / rows.length;
        } finally {
            bc.destroy();
        }
    }

    @Override
    public double validationAccuracy(TwoLayerNet net) {
        return accuracy(validation, net);
    }

    public double testAccuracy(TwoLayerNet net) {
        return accuracy(test, net);
    }

    /** The fraction of all rows of {@code blocks} that {@code net} classifies correctly. */
    static double accuracy(JavaRDD<RowBlock> blocks, TwoLayerNet net) {
        Broadcast<TwoLayerNet> bc = JavaSparkContext.fromSparkContext(blocks.context()).broadcast(net);
        try {
            long[] counts = blocks.map(b -> new long[]{bc.value().correct(b.rows()), b.rows().size()})
                    .reduce((a, b) -> new long[]{a[0] + b[0], a[1] + b[1]});
            return (double) counts[0] / counts[1];
        } finally {
            bc.destroy();
        }
    }

    /** Sums of the workers' round results, each weighted by its row count. */
    static final class RoundSum implements Mergeable<RoundSum> {
        Matrix params;
        Matrix state;
        double[] losses;
        long rows;

        RoundSum add(TwoLayerNet net, Matrix startState, LocalSgd round, RowBlock block) {
            LocalSgd.Result r = round.run(net, startState, block.rows(), block.start());
            double w = block.rows().size();
            if (params == null) {
                params = net.precision().zeros(1, r.params().size());
                state = net.precision().zeros(1, r.state().size());
                losses = new double[r.losses().length];
            }
            params.axpy(w, r.params());
            state.axpy(w, r.state());
            for (int s = 0; s < losses.length; s++) {
                losses[s] += w * r.losses()[s];
            }
            rows += block.rows().size();
            return this;
        }

        @Override
        public RoundSum merge(RoundSum other) {
            if (other.params == null) {
                return this;
            }
            if (params == null) {
                return other;
            }
            params.axpy(1, other.params);
            state.axpy(1, other.state);
            for (int s = 0; s < losses.length; s++) {
                losses[s] += other.losses[s];
            }
            rows += other.rows;
            return this;
        }
    }

    @Override
    public LocalSgd.Result localRound(TwoLayerNet net, Matrix state, LocalSgd round) {
        Broadcast<TwoLayerNet> netBc = sc.broadcast(net);
        Broadcast<Matrix> stateBc = sc.broadcast(state);
        try {
            RoundSum sum = OrderedTreeSum.sum(train, blocks -> {
                RoundSum s = new RoundSum();
                blocks.forEachRemaining(block -> s.add(netBc.value(), stateBc.value(), round, block));
                return s;
            }, TREE_DEPTH);
            sum.params.scale(1.0 / sum.rows);
            sum.state.scale(1.0 / sum.rows);
            double[] losses = sum.losses.clone();
            for (int s = 0; s < losses.length; s++) {
                losses[s] /= sum.rows;
            }
            return new LocalSgd.Result(sum.params, sum.state, losses);
        } finally {
            netBc.destroy();
            stateBc.destroy();
        }
    }

    private static int[] sorted(int[] indices) {
        int[] s = indices.clone();
        Arrays.sort(s);
        return s;
    }

    @Override
    public void close() {
        train.unpersist(false);
        validation.unpersist(false);
        if (test != null) {
            test.unpersist(false);
        }
        sources.forEach(b -> b.destroy());
    }
}
