package mlspark.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.classification.LinearSVC;
import org.apache.spark.ml.classification.LinearSVCModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import mlspark.data.DataSpec;
import mlspark.data.FeatureBlock;
import mlspark.data.SampleBlock;
import mlspark.optim.DifferentiableFunction;
import mlspark.optim.GradientDescent;
import mlspark.optim.StepSchedule;
import mlspark.sources.DataSources;
import mlspark.training.PrimalSvmTrainer;
import mlspark.distributed.SampleBlocks;
import mlspark.svm.ClassCosts;
import mlspark.svm.primal.SequentialPrimalSvm;

/**
 * The primal SVM at scale, each figure beside its baselines in the same run:
 * (a) dense N=1,000,000 x D=100: our epoch with float64 and float32 blocks, the assignment's update
 * as a NumPy loop (Debian python3-numpy, a subprocess; skipped with a note where missing), the
 * single-threaded Java loop, and an MLlib LinearSVC iteration;
 * (b) sparse rcv1-like N=1,000,000, D=2^20, 50 non-zeros a row, written as LIBSVM part files and
 * read by {@code libsvm:}: our epoch, an MLlib LinearSVC iteration on the same files and partitions,
 * and a single-threaded CSR loop; (c) out of core (full mode only): N=10,000,000, D=100 dense as
 * Parquet, a few epochs in a JVM with a 4 GiB heap. The in-process implementations of (a) and (b)
 * are timed epoch by epoch in turn ({@code interleaved}). Targets: dense float64 epoch at most 1.3x
 * NumPy's; sparse epoch at least 5x faster than an MLlib iteration and no slower than the
 * single-threaded loop; out of core completes.
 */
public final class ScaleBench implements BenchSuite {
    private static final int D = 100;
    static final int SPARSE_D = 1 << 20;
    static final int SPARSE_NNZ = 50;
    private static final ClassCosts COSTS = ClassCosts.symmetric(5);
    private static final StepSchedule ETA = StepSchedule.constant(1e-6);

    @Override
    public String name() {
        return "scale";
    }

    @Override
    public String description() {
        return "dense N=1e6 x D=100 (ours float64/float32, NumPy loop, single-threaded loop, MLlib LinearSVC); "
                + "sparse LIBSVM N=1e6, D=2^20, 50 nnz/row (ours, MLlib LinearSVC, single-threaded CSR loop); "
                + "out of core: Parquet N=1e7 x D=100 in a 4 GiB JVM (full mode only); --quick: N=1e5; "
                + "MLSPARK_SCALE_CASES=dense,sparse,out-of-core chooses";
    }

    @Override
    public void run(JavaSparkContext sc, boolean quick, BenchTable table) {
        int n = quick ? 100_000 : 1_000_000;
        int epochs = quick ? 5 : 20;
        List<String> cases = cases(quick);
        if (cases.contains("dense")) {
            dense(sc, n, epochs, table);
        }
        if (cases.contains("sparse")) {
            sparse(sc, n, epochs, table);
        }
        if (cases.contains("out-of-core")) {
            outOfCore(sc, table);
        }
    }

    /** The cases to run: {@code MLSPARK_SCALE_CASES} (comma-separated), else all; --quick leaves out out-of-core. */
    private static List<String> cases(boolean quick) {
        String chosen = System.getenv("MLSPARK_SCALE_CASES");
        if (chosen != null && !chosen.isBlank()) {
            return Arrays.asList(chosen.trim().split("\\s*,\\s*"));
        }
        return quick ? List.of("dense", "sparse") : List.of("dense", "sparse", "out-of-core");
    }

    /**
     * Out of core: N = 10,000,000, D = 100 dense rows (the dense case's generator) written as
     * Parquet (about 8 GB), trained by {@link OutOfCore} in a JVM of its own with a 4 GiB heap on
     * local[2]; the set is deleted afterwards, unless {@code MLSPARK_SCALE_OUT_OF_CORE_DIR} names
     * where to write it (or where it already is) and keep it.
     */
    private static void outOfCore(JavaSparkContext sc, BenchTable table) {
        int n = OUT_OF_CORE_N;
        int parts = 200;
        String benchCase = "out of core: dense Parquet N=" + n + " D=" + D + ", local[2], 4 GiB heap";
        String kept = System.getenv("MLSPARK_SCALE_OUT_OF_CORE_DIR");
        Path dir;
        try {
            dir = kept != null && !kept.isBlank() ? Files.createDirectories(Path.of(kept))
                    : Files.createTempDirectory("mlspark-out-of-core-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            String path = dir.resolve("train.parquet").toString();
            if (!Files.exists(Path.of(path, "_SUCCESS"))) {
                long t0 = System.nanoTime();
                List<Integer> ids = new ArrayList<>();
                for (int p = 0; p < parts; p++) {
                    ids.add(p);
                }
                DenseParquetSet.write(SparkSession.builder().config(sc.getConf()).getOrCreate(), sc, ids, parts, n, path);
                table.log(String.format("wrote %s in %.1f s", path, seconds(t0)));
            }
            long bytes;
            try (var files = Files.walk(Path.of(path))) {
                bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            }
            table.log(String.format("%s: %.2f GB", path, bytes / 1e9));
            int epochs = 3;
            String result = outOfCoreRun(path, epochs, table);
            if (result == null) {
                return;
            }
            // "load_seconds seconds_per_epoch memory_mib disk_mib partitions"
            String[] f = result.trim().split("\\s+");
            table.add(benchCase, "ours (Spark, MEMORY_AND_DISK blocks, parquet: reader)", "seconds_per_epoch",
                    Double.parseDouble(f[1]), "epochs", epochs, "load_seconds", Double.parseDouble(f[0]),
                    "parquet_gb", bytes / 1e9, "cached_in_memory_mib", Long.parseLong(f[2]),
                    "spilled_to_disk_mib", Long.parseLong(f[3]), "partitions", Integer.parseInt(f[4]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (kept == null || kept.isBlank()) {
                deleteTree(dir);
            }
        }
    }

    static final int OUT_OF_CORE_N = 10_000_000;

    /** Runs {@link OutOfCore} in a JVM with a 4 GiB heap; its result line, or null (logged) if it failed. */
    private static String outOfCoreRun(String path, int epochs, BenchTable table) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx4g");
        for (String option : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("--add-") || option.startsWith("-XX:+IgnoreUnrecognized") || option.startsWith("-D")) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), OutOfCore.class.getName(), path,
                String.valueOf(epochs)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        java.util.ArrayDeque<String> tail = new java.util.ArrayDeque<>();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(OutOfCore.RESULT)) {
                    result = line.substring(OutOfCore.RESULT.length());
                } else if (line.startsWith("[")) {
                    table.log("out of core: " + line);
                }
                tail.addLast(line);
                if (tail.size() > 20) {
                    tail.removeFirst();
                }
            }
            if (p.waitFor() != 0 || result == null) {
                table.log("out of core: the 4 GiB run failed (exit " + p.exitValue() + "), its last lines:\n"
                        + String.join("\n", tail));
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return null;
        }
        return result;
    }

    /**
     * The out-of-core run, in its own JVM: {@code OutOfCore PARQUET EPOCHS} reads the set with
     * {@code parquet:}, stacks and persists its blocks ({@code MEMORY_AND_DISK}), times the
     * epochs of gradient descent, and prints {@link #RESULT} load seconds, seconds per epoch,
     * MiB cached in memory and on disk, partitions.
     */
    public static final class OutOfCore {
        static final String RESULT = "RESULT ";

        private OutOfCore() {
        }

        public static void main(String[] args) {
            String path = args[0];
            int epochs = Integer.parseInt(args[1]);
            try (JavaSparkContext sc = mlspark.cli.SparkSetup.context("scale-out-of-core", "local[2]",
                    java.util.Map.of("spark.ui.enabled", "false"))) {
                SparkSession spark = SparkSession.builder().config(sc.getConf()).getOrCreate();
                long t0 = System.nanoTime();
                Dataset<Row> rows = DataSources.read(spark, new DataSpec.Source(DataSpec.Source.Format.PARQUET, path),
                        new DataSources.Options(null, null, null), D, "the benchmark's D = " + D);
                JavaRDD<SampleBlock> blocks = SampleBlocks.of(rows,
                        SampleBlocks.Layout.ofKib(D, SampleBlocks.DEFAULT_BLOCK_KIB, FeatureBlock.Storage.FLOAT64), false, path);
                long count = blocks.map(SampleBlock::size).fold(0, Integer::sum);
                double load = seconds(t0);
                long memory = 0;
                long disk = 0;
                for (org.apache.spark.storage.RDDInfo info : sc.sc().getRDDStorageInfo()) {
                    memory += info.memSize();
                    disk += info.diskSize();
                }
                System.out.printf("[out-of-core] %d rows in %d partitions read and cached in %.1f s: %d MiB in memory, %d MiB on disk%n",
                        count, blocks.getNumPartitions(), load, memory >> 20, disk >> 20);
                DifferentiableFunction objective = PrimalSvmTrainer.objective(blocks, D, COSTS, false);
                double[] point = new double[D + 1];
                t0 = System.nanoTime();
                long epochStart = t0;
                for (int e = 1; e <= epochs; e++) {
                    point = new GradientDescent(ETA).minimize(objective, point, e - 1, e, (k, x, l) -> { });
                    System.out.printf("[out-of-core] epoch %d: %.1f s%n", e, seconds(epochStart));
                    epochStart = System.nanoTime();
                }
                double perEpoch = seconds(t0) / epochs;
                System.out.println(RESULT + load + " " + perEpoch + " " + (memory >> 20) + " " + (disk >> 20) + " "
                        + blocks.getNumPartitions());
            }
        }
    }

    private static void dense(JavaSparkContext sc, int n, int epochs, BenchTable table) {
        int partitions = sc.defaultParallelism();
        String benchCase = "dense N=" + n + " D=" + D + " P=" + partitions;
        List<Integer> parts = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            parts.add(p);
        }
        JavaRDD<SampleBlock> blocks = sc.parallelize(parts, partitions)
                .flatMap(p -> PrimalBench.generate(p, partitions, n).iterator())
                .persist(StorageLevel.MEMORY_AND_DISK());
        table.log("generated " + blocks.count() + " dense blocks");
        JavaRDD<SampleBlock> floats = blocks.map(b -> {
            double[] x = ((FeatureBlock.Dense) b.features()).values();
            float[] f = new float[x.length];
            for (int k = 0; k < x.length; k++) {
                f[k] = (float) x[k];
            }
            return new SampleBlock(b.size(), D, new FeatureBlock.Float32(b.size(), D, f), b.labels(), null);
        }).persist(StorageLevel.MEMORY_AND_DISK());
        floats.count();
        List<SampleBlock> local = blocks.collect();
        double[] x = new double[n * D];
        double[] y = new double[n];
        int row = 0;
        for (SampleBlock b : local) {
            System.arraycopy(((FeatureBlock.Dense) b.features()).values(), 0, x, row * D, b.size() * D);
            System.arraycopy(b.labels(), 0, y, row, b.size());
            row += b.size();
        }
        double[] loopParams = new double[D + 1];
        double[] seconds = interleaved(epochs, table, oursEpoch(blocks, D), oursEpoch(floats, D),
                () -> hingeInOneThread(local, loopParams, D), oursEpoch(oneRowPerPartition(sc, D), D),
                () -> SequentialPrimalSvm.train(x, y, D, COSTS, ETA, 1));
        floats.unpersist();
        double f64 = seconds[0];
        double f32 = seconds[1];
        table.add(benchCase, "ours float64 (Spark, BLAS blocks)", "seconds_per_epoch", f64);
        table.add(benchCase, "ours float32 storage", "seconds_per_epoch", f32, "vs_float64", f32 / f64);
        table.add(benchCase, WHERE_ONE_THREAD, "seconds_per_epoch", seconds[2]);
        table.add(benchCase, WHERE_OVERHEAD, "seconds_per_epoch", seconds[3]);
        table.add(benchCase, "single-threaded Java loop", "seconds_per_epoch", seconds[4], "ours_speedup", seconds[4] / f64);
        Double numpy = numpyPerEpoch(n, epochs, table);
        if (numpy != null) {
            table.add(benchCase, "NumPy loop (python3-numpy, same update)", "seconds_per_epoch", numpy,
                    "ours_float64_over_numpy", f64 / numpy, "ours_float32_over_numpy", f32 / numpy);
        }

        SparkSession spark = SparkSession.builder().config(sc.getConf()).getOrCreate();
        Dataset<Row> frame = spark.createDataFrame(blocks.flatMap(b -> {
            double[] values = ((FeatureBlock.Dense) b.features()).values();
            List<Row> out = new ArrayList<>(b.size());
            for (int i = 0; i < b.size(); i++) {
                out.add(org.apache.spark.sql.RowFactory.create(
                        org.apache.spark.ml.linalg.Vectors.dense(Arrays.copyOfRange(values, i * D, (i + 1) * D)),
                        b.labels()[i] > 0 ? 1.0 : 0.0));
            }
            return out.iterator();
        }), SampleBlocks.SCHEMA).persist(StorageLevel.MEMORY_AND_DISK());
        frame.count();
        blocks.unpersist();
        mllib(frame, n, benchCase, f64, table);
        frame.unpersist();
    }

    private static void sparse(JavaSparkContext sc, int n, int epochs, BenchTable table) {
        int partitions = sc.defaultParallelism();
        String benchCase = "sparse LIBSVM N=" + n + " D=2^20 nnz/row=" + SPARSE_NNZ + " P=" + partitions;
        Path dir;
        try {
            dir = Files.createTempDirectory("mlspark-scale-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String path = dir.resolve("rcv1-like").toString();
        long t0 = System.nanoTime();
        sc.parallelize(List.of(0, 1, 2, 3).subList(0, partitions), partitions)
                .foreach(p -> writeLibSvm(Path.of(path), p, partitions, n));
        table.log(String.format("wrote %s (%d part files) in %.1f s", path, partitions, seconds(t0)));
        try {
            SparkSession spark = SparkSession.builder().config(sc.getConf()).getOrCreate();
            t0 = System.nanoTime();
            DataSources.Input input = DataSources.read(spark, "libsvm:" + path, "libsvm:" + path,
                    new DataSources.Options(SPARSE_D, null, null), table::log);
            JavaRDD<SampleBlock> blocks = SampleBlocks.of(input.train(),
                    SampleBlocks.Layout.ofKib(input.dimension(), SampleBlocks.DEFAULT_BLOCK_KIB, FeatureBlock.Storage.FLOAT64),
                    input.zeroIsNegative(), path);
            long stored = blocks.map(b -> b.features().storedValues()).fold(0L, Long::sum);
            double load = seconds(t0);
            table.log(String.format("read and stacked %d non-zeros in %d blocks (%d partitions) in %.1f s", stored,
                    blocks.count(), blocks.getNumPartitions(), load));
            int partitionsOfOurs = blocks.getNumPartitions();
            List<SampleBlock> local = blocks.collect();
            double[] loopParams = new double[SPARSE_D + 1];
            double[] seconds = interleaved(epochs, table, oursEpoch(blocks, SPARSE_D),
                    () -> hingeInOneThread(local, loopParams, SPARSE_D), oursEpoch(oneRowPerPartition(sc, SPARSE_D), SPARSE_D),
                    () -> {
                        double[] g = csrGradient(local, loopParams);
                        for (int j = 0; j <= SPARSE_D; j++) {
                            loopParams[j] -= 1e-6 * g[j];
                        }
                    });
            blocks.unpersist();
            double ours = seconds[0];
            table.add(benchCase, "ours (Spark, CSR blocks, libsvm: reader)", "seconds_per_epoch", ours, "load_seconds", load);
            table.add(benchCase, WHERE_ONE_THREAD, "seconds_per_epoch", seconds[1]);
            table.add(benchCase, WHERE_OVERHEAD, "seconds_per_epoch", seconds[2]);
            table.add(benchCase, "single-threaded CSR loop", "seconds_per_epoch", seconds[3], "ours_speedup", seconds[3] / ours);

            // MLlib on the same partitions as ours (the input splits, coalesced to the cores as SampleBlocks does)
            Dataset<Row> frame = spark.read().format("libsvm").option("numFeatures", SPARSE_D).load(path)
                    .withColumn("label", org.apache.spark.sql.functions.when(
                            org.apache.spark.sql.functions.col("label").gt(0), 1.0).otherwise(0.0))
                    .coalesce(partitionsOfOurs)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            frame.count();
            mllib(frame, n, benchCase, ours, table);
            frame.unpersist();
        } finally {
            deleteTree(dir);
        }
    }

    private static final String WHERE_ONE_THREAD = "where ours goes: hinge blocks in 1 thread, no Spark";
    private static final String WHERE_OVERHEAD =
            "where ours goes: a Spark epoch over one row a partition (job, broadcast, partials, sum)";

    /**
     * Rounds of every implementation before the timed ones: a Spark epoch of ours reaches its
     * steady time only after tens of jobs (measured on the dense case: 0.14 s for the first
     * epochs, 0.08 s after a hundred), as the JIT compiles Spark's scheduling code.
     */
    static final int WARM_UP_EPOCHS = 50;

    /**
     * Seconds per epoch of each implementation, run epoch by epoch in turn so that all see the same
     * machine (a load that changes during the run changes every figure alike): {@link
     * #WARM_UP_EPOCHS} rounds untimed, then {@code epochs} timed rounds; the median of each.
     */
    private static double[] interleaved(int epochs, BenchTable table, Runnable... implementations) {
        long t0 = System.nanoTime();
        for (int r = 0; r < WARM_UP_EPOCHS; r++) {
            for (Runnable epoch : implementations) {
                epoch.run();
            }
        }
        double[][] seconds = new double[implementations.length][epochs];
        for (int r = 0; r < epochs; r++) {
            for (int k = 0; k < implementations.length; k++) {
                long start = System.nanoTime();
                implementations[k].run();
                seconds[k][r] = seconds(start);
            }
        }
        table.log(String.format("%d implementations, %d warm-up and %d timed epochs each, in turn: %.1f s", implementations.length,
                WARM_UP_EPOCHS, epochs, seconds(t0)));
        double[] medians = new double[implementations.length];
        for (int k = 0; k < medians.length; k++) {
            Arrays.sort(seconds[k]);
            medians[k] = (seconds[k][(epochs - 1) / 2] + seconds[k][epochs / 2]) / 2;
        }
        return medians;
    }

    /** One epoch of our full-batch gradient descent on the blocks per call, going on from the last. */
    private static Runnable oursEpoch(JavaRDD<SampleBlock> blocks, int d) {
        DifferentiableFunction objective = PrimalSvmTrainer.objective(blocks, d, COSTS, false);
        GradientDescent gd = new GradientDescent(ETA);
        double[][] point = {new double[d + 1]};
        int[] done = {0};
        return () -> {
            point[0] = gd.minimize(objective, point[0], done[0], done[0] + 1, (e, p, l) -> { });
            done[0]++;
        };
    }

    /**
     * A block of one row in every partition: an epoch over it is what an epoch of ours costs
     * besides the products (the job, the broadcast of (w, b), a dense partial gradient from every
     * partition and their sum).
     */
    private static JavaRDD<SampleBlock> oneRowPerPartition(JavaSparkContext sc, int d) {
        int partitions = sc.defaultParallelism();
        List<SampleBlock> blocks = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            blocks.add(new SampleBlock(1, d, FeatureBlock.of(1, d, new int[]{0, 1}, new int[]{p % d}, new double[]{1},
                    FeatureBlock.Storage.FLOAT64), new double[]{1}, null));
        }
        return sc.parallelize(blocks, partitions);
    }

    private static void hingeInOneThread(List<SampleBlock> blocks, double[] params, int d) {
        mlspark.svm.primal.HingeBlockAggregator a = new mlspark.svm.primal.HingeBlockAggregator(() -> params, COSTS, d);
        for (SampleBlock b : blocks) {
            a.add(b);
        }
    }

    /** The plain loop over CSR rows: margin, then the hinge subgradient of the rows inside the margin. */
    private static double[] csrGradient(List<SampleBlock> blocks, double[] params) {
        double[] grad = Arrays.copyOf(params, params.length);
        grad[SPARSE_D] = 0;
        for (SampleBlock block : blocks) {
            FeatureBlock.Sparse b = (FeatureBlock.Sparse) block.features();
            double[] y = block.labels();
            for (int i = 0; i < b.rows(); i++) {
                double h = params[SPARSE_D];
                for (int e = b.rowStarts()[i]; e < b.rowStarts()[i + 1]; e++) {
                    h += params[b.indices()[e]] * b.values()[e];
                }
                if (y[i] * h < 1) {
                    double cy = COSTS.of(y[i]) * y[i];
                    for (int e = b.rowStarts()[i]; e < b.rowStarts()[i + 1]; e++) {
                        grad[b.indices()[e]] -= cy * b.values()[e];
                    }
                    grad[SPARSE_D] -= cy;
                }
            }
        }
        return grad;
    }

    private static void mllib(Dataset<Row> frame, int n, String benchCase, double ours, BenchTable table) {
        int maxIter = 5;
        LinearSVC svc = new LinearSVC().setMaxIter(maxIter).setRegParam(1.0 / (COSTS.c1() * n)).setTol(0)
                .setStandardization(false);
        long t0 = System.nanoTime();
        LinearSVCModel model = svc.fit(frame);
        int iterations = Math.max(1, model.summary().totalIterations());
        double perIteration = seconds(t0) / iterations;
        table.add(benchCase, "Spark MLlib LinearSVC", "seconds_per_iteration", perIteration, "iterations", iterations,
                "ours_speedup", perIteration / ours);
    }

    /** Rows of part {@code p}: 50 distinct indices of 2^20, values N(0,1) to 4 decimals, y = sign(w*.x + noise). */
    static void writeLibSvm(Path dir, int p, int partitions, int n) throws IOException {
        Files.createDirectories(dir);
        int from = (int) ((long) n * p / partitions);
        int to = (int) ((long) n * (p + 1) / partitions);
        SplittableRandom random = new SplittableRandom(2_000_003L + p);
        int[] index = new int[SPARSE_NNZ];
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(String.format("part-%05d", p)), StandardCharsets.US_ASCII)) {
            StringBuilder line = new StringBuilder();
            for (int i = from; i < to; i++) {
                for (int e = 0; e < SPARSE_NNZ; e++) {
                    index[e] = 1 + random.nextInt(SPARSE_D);
                }
                Arrays.sort(index);
                line.setLength(0);
                double h = 0.5 * random.nextGaussian();
                int previous = 0;
                for (int e = 0; e < SPARSE_NNZ; e++) {
                    if (index[e] == previous) {
                        continue;
                    }
                    previous = index[e];
                    long v = Math.round(random.nextGaussian() * 1e4);
                    h += weight(index[e]) * v;
                    long a = Math.abs(v);
                    line.append(' ').append(index[e]).append(':').append(v < 0 ? "-" : "").append(a / 10000).append('.')
                            .append(Long.toString(a % 10000 + 10000).substring(1));
                }
                out.write(h > 0 ? "+1" : "-1");
                out.append(line).append('\n');
            }
        }
    }

    /** A fixed pseudo-random weight of feature {@code j} in (-1, 1) (the generator's w*). */
    private static double weight(int j) {
        long z = j * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        return ((z ^ (z >>> 27)) >>> 11) * 0x1.0p-53 * 2 - 1;
    }

    /** NumPy's seconds per epoch on the same shape, or null (with a note) without python3-numpy. */
    private static Double numpyPerEpoch(int n, int epochs, BenchTable table) {
        try {
            Path script = Files.createTempFile("primal_numpy", ".py");
            try (InputStream in = ScaleBench.class.getResourceAsStream("primal_numpy.py")) {
                Files.write(script, in.readAllBytes());
            }
            for (String python : new String[]{"/usr/bin/python3", "python3"}) {
                Process p;
                try {
                    ProcessBuilder builder = new ProcessBuilder(python, script.toString(), String.valueOf(n),
                            String.valueOf(D), String.valueOf(epochs)).redirectErrorStream(true);
                    // NumPy's BLAS on every core, as a NumPy user gets it (submit/local sets 1 thread for Spark's tasks)
                    builder.environment().remove("OPENBLAS_NUM_THREADS");
                    p = builder.start();
                } catch (IOException e) {
                    continue;
                }
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor(600, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    Files.deleteIfExists(script);
                    table.log("NumPy (" + python + "): " + output.trim());
                    return Double.parseDouble(output.trim().split("\\s+")[1]);
                }
            }
            Files.deleteIfExists(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        table.log("NumPy loop skipped: no python3 with NumPy (apt-get install python3-numpy)");
        return null;
    }

    static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
