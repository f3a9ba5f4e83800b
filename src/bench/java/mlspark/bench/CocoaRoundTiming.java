package mlspark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

import mlspark.data.FeatureBlock;
import mlspark.data.SampleBlock;
import mlspark.distributed.SampleBlocks;
import mlspark.ml.PrimalSvmClassifier;
import mlspark.sources.DataSources;
import mlspark.svm.ClassCosts;
import mlspark.svm.linear.LinearSvmDual;
import mlspark.svm.linear.LocalDualAscent;
import mlspark.svm.linear.PrimalScales;
import mlspark.svm.primal.DualRound;

/**
 * A side timing of CoCoA+'s rounds ({@code primal-svm --optimizer cocoa}) on the quick sets of {@link LinearBench}
 * (dense 100,000 x 100, sparse 100,000 x 2^20 with 50 non-zeros a row; local[2], 2 partitions): a fixed number of
 * rounds (tol 1e-12), the seconds per round after the first two, and, summed over the tasks of those rounds (a
 * SparkListener), the executors' run time, task deserialization and result serialization, the result bytes; the
 * 1-minute load average beside every line; then one partition's local solve timed alone ({@link #localPass}). Usage: {@code CocoaRoundTiming [ROUNDS] [dense|sparse ...]}
 * (default 20 rounds, both sets).
 */
public final class CocoaRoundTiming {
    private static final int N = 100_000;

    private CocoaRoundTiming() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<String> sets = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("dense", "sparse");
        SparkSession spark = SparkSession.builder().master("local[2]").appName("cocoa-round-timing")
                .config(new SparkConf().set("spark.ui.enabled", "false")).getOrCreate();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        TaskTotals totals = new TaskTotals();
        sc.sc().addSparkListener(totals);
        List<Integer> parts = List.of(0, 1);
        for (String set : sets) {
            if (set.equals("dense")) {
                JavaRDD<SampleBlock> dense = sc.parallelize(parts, 2).flatMap(p -> PrimalBench.generate(p, 2, N).iterator());
                Dataset<Row> rows = spark.createDataFrame(dense.flatMap(LinearBench::rowsOf), SampleBlocks.SCHEMA)
                        .persist(StorageLevel.MEMORY_AND_DISK());
                time("dense", rows, rounds, totals);
                localPass("dense", rows, PrimalBench.D);
                rows.unpersist();
            } else {
                Path dir = Files.createTempDirectory("mlspark-cocoa-timing-");
                try {
                    String written = dir.resolve("rcv1-like").toString();
                    sc.parallelize(parts, 2).foreach(p -> ScaleBench.writeLibSvm(Path.of(written), p, 2, N));
                    DataSources.Input input = DataSources.read(spark, "libsvm:" + written, "libsvm:" + written,
                            new DataSources.Options(ScaleBench.SPARSE_D, null, null), System.out::println);
                    Dataset<Row> rows = input.train().persist(StorageLevel.MEMORY_AND_DISK());
                    time("sparse", rows, rounds, totals);
                    localPass("sparse", rows, ScaleBench.SPARSE_D);
                    rows.unpersist();
                } finally {
                    ScaleBench.deleteTree(dir);
                }
            }
        }
        spark.stop();
    }

    private static void time(String set, Dataset<Row> rows, int rounds, TaskTotals totals) {
        rows.count();
        List<DualRound> seen = new ArrayList<>();
        long[] atRound2 = new long[6];
        PrimalSvmClassifier svm = new PrimalSvmClassifier().setOptimizer("cocoa").setC(LinearBench.C)
                .setBiasFeature(LinearBench.B).setTol(1e-12).setMaxIter(rounds)
                .setRoundListener(r -> {
                    seen.add(r);
                    System.out.printf("%s round %d: P %.6e, D %.6e, relative gap %.2e, %.2f s%n", set, r.round(), r.objective(),
                            r.dualObjective(), r.relativeGap(), r.seconds());
                    if (r.round() == 2) {
                        System.arraycopy(totals.snapshot(), 0, atRound2, 0, atRound2.length);
                    }
                });
        svm.fit(rows);
        long[] end = totals.snapshot();
        DualRound first = seen.get(2);
        DualRound last = seen.get(seen.size() - 1);
        int timed = last.round() - first.round();
        double perRound = (last.seconds() - first.seconds()) / timed;
        System.out.printf("%s: %.3f s a round (rounds %d-%d, %.2f s in all; relative gap %.2e) load %.2f%n", set,
                perRound, first.round(), last.round(), last.seconds(), last.relativeGap(), java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("%s per round, summed over tasks: run %.1f ms (cpu %.1f ms, gc %.1f ms), deserialize %.1f ms, "
                        + "result serialization %.1f ms, result %.2f MB%n", set,
                (end[0] - atRound2[0]) / (double) timed, (end[1] - atRound2[1]) / 1e6 / timed,
                (end[2] - atRound2[2]) / (double) timed, (end[3] - atRound2[3]) / (double) timed,
                (end[4] - atRound2[4]) / (double) timed, (end[5] - atRound2[5]) / 1e6 / timed);
    }

    /**
     * One partition's local solve alone on the driver (partition 0 of 2, as a round sees it): the median of
     * 5 successive rounds' {@link LocalDualAscent#solve} (one pass, sigma' = 2, after one not timed), and of its
     * margins w~.x~_i alone (the block products at the round's start).
     */
    private static void localPass(String set, Dataset<Row> rows, int d) {
        boolean zeroIsNegative = rows.agg(functions.min(SampleBlocks.LABEL)).first().getDouble(0) == 0;
        List<SampleBlock> blocks = SampleBlocks.of(rows.repartition(2), SampleBlocks.Layout.ofKib(d,
                        SampleBlocks.DEFAULT_BLOCK_KIB, FeatureBlock.Storage.FLOAT64), zeroIsNegative, set)
                .mapPartitionsWithIndex((p, it) -> p == 0 ? it : java.util.Collections.emptyIterator(), false)
                .collect();
        LinearSvmDual problem = new LinearSvmDual(d, 2, ClassCosts.symmetric(LinearBench.C), LinearBench.B);
        int n = blocks.stream().mapToInt(SampleBlock::size).sum();
        double[] alpha = new double[n];
        double[] w = new double[problem.parameterCount()];
        double[] solves = new double[6];
        double[] products = new double[6];
        for (int t = 0; t < solves.length; t++) {
            long start = System.nanoTime();
            for (SampleBlock block : blocks) {
                block.features().multiply(w, 1, new double[block.size()]);
            }
            products[t] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            LocalDualAscent.Result result = LocalDualAscent.solve(problem, blocks, alpha, w, null,
                    PrimalScales.ones(1).candidates(), 2, 1, t);
            solves[t] = (System.nanoTime() - start) / 1e6;
            alpha = result.alpha();
            double[] deltaW = result.partial().deltaW();
            for (int j = 0; j < w.length; j++) {
                w[j] += deltaW[j];
            }
        }
        System.out.printf("%s: one partition's local solve (%d rows) %.1f ms, of which margins %.1f ms (medians) load %.2f%n",
                set, n, median(solves), median(products),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double median(double[] timed) {
        double[] sorted = Arrays.copyOfRange(timed, 1, timed.length);
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Sums of the finished tasks' metrics: run ms, cpu ns, gc ms, deserialize ms, result serialization ms, result bytes. */
    private static final class TaskTotals extends SparkListener {
        private final AtomicLong[] sums = {new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong(),
                new AtomicLong(), new AtomicLong()};

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            TaskMetrics m = end.taskMetrics();
            if (m == null) {
                return;
            }
            long[] values = {m.executorRunTime(), m.executorCpuTime(), m.jvmGCTime(), m.executorDeserializeTime(),
                    m.resultSerializationTime(), m.resultSize()};
            for (int i = 0; i < values.length; i++) {
                sums[i].addAndGet(values[i]);
            }
        }

        long[] snapshot() {
            long[] s = new long[sums.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = sums[i].get();
            }
            return s;
        }
    }
}
