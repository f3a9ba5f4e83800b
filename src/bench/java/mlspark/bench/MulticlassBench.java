package mlspark.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.classification.LinearSVC;
import org.apache.spark.ml.classification.OneVsRest;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import libsvm.svm;
import libsvm.svm_model;
import mlspark.cli.Home;
import mlspark.data.LabeledData;
import mlspark.kernel.KernelBlocks;
import mlspark.kernel.KernelSpec;
import mlspark.linalg.Blas;
import mlspark.ml.KernelSvmClassifier;
import mlspark.ml.KernelSvmModel;
import mlspark.ml.KernelSvmTrainingSummary;
import mlspark.ml.PrimalSvmClassifier;
import mlspark.mnist.Digits;
import mlspark.mnist.ImageSet;
import mlspark.mnist.Mnist;
import mlspark.svm.dual.WorkingSetSmoSolver;

/**
 * Multi-class SVMs on real data (issues 20 and 21), ours beside the baselines in one run on local[2]:
 * <ul>
 *   <li>MNIST and Fashion-MNIST (60,000 x 784 training images, pixels / 255, the 10,000 test images), RBF C = 10,
 *       gamma = 1/(784 Var) of the training pixels (0.013436 for MNIST): our {@link KernelSvmClassifier} (solver
 *       smo, one-vs-one, pairs on the executors) with its time by phase and the fraction of the machine's dgemm
 *       throughput its kernel rows reach, beside scikit-learn's SVC (a python3 subprocess, the data as .npy files,
 *       tol 1e-3, cache_size 200) where it imports and LIBSVM 3.31's Java port up to
 *       {@code MLSPARK_MULTICLASS_LIBSVM_ROWS} training rows (default 12,000: on all of MNIST it would take
 *       several times SVC's time); each class pair's dual objective beside the one LIBSVM inside SVC printed
 *       (verbose=True) in {@code multiclass-pairs-SET.csv}, the largest relative difference in the table (target
 *       1e-3); our multi-class linear SVM (one-vs-rest, L-BFGS) beside MLlib's OneVsRest(LinearSVC) on the same
 *       rows.</li>
 *   <li>scikit-learn's digits (data/digits) and wine (python3-sklearn's bundled csv), features scaled to
 *       [-1, 1], a seeded two-thirds training split, C = 1 and gamma = 'scale' (SVC's defaults): our accuracy
 *       beside SVC's and LIBSVM's (target: within 0.5 points of SVC).</li>
 * </ul>
 * {@code MLSPARK_MULTICLASS_ROWS} takes the first N training images instead of 60,000 (for a profile of part of
 * the set), {@code MLSPARK_MULTICLASS_PRECISIONS} our rows' kernelPrecision (some of float64,float32; default
 * float64), {@code MLSPARK_MULTICLASS_SETS} some of mnist,fashion-mnist,linear (the linear rows of the image
 * sets),digits,wine (default all); --quick: 2,000
 * training and 1,000 test images, no wine. Every row notes the load average (a shared machine);
 * {@code multiclass-seconds.png} draws the seconds per set, ours beside SVC's.
 */
public final class MulticlassBench implements BenchSuite {
    private static final double C = 10;
    private static final double TOL = 1e-3;
    private static final double SMALL_SET_C = 1;
    private static final int LINEAR_ITERATIONS = 30;
    private static final long SEED = 545;
    /** Our kernel rows' precisions, a row each: {@code MLSPARK_MULTICLASS_PRECISIONS} (float64,float32), else float64. */
    private static final List<String> PRECISIONS = List.of(System.getenv()
            .getOrDefault("MLSPARK_MULTICLASS_PRECISIONS", "float64").split(","));
    /** The dgemm shape the throughput is measured on: q/2 kernel rows of a one-vs-one pair of MNIST (784 pixels). */
    private static final int GEMM_ROWS = 64;
    private static final int GEMM_POINTS = 12_000;
    private static final int GEMM_DEPTH = 784;

    @Override
    public String name() {
        return "multiclass";
    }

    @Override
    public String description() {
        return "multi-class SVMs: MNIST and Fashion-MNIST (60,000 x 784, /255, RBF C=10, gamma 1/(784 var)) ours (smo, "
                + "one-vs-one on Spark) vs scikit-learn SVC and LIBSVM Java; linear one-vs-rest vs MLlib OneVsRest(LinearSVC); "
                + "digits and wine vs SVC; targets: MNIST fit and predict at most half of SVC's, accuracy >= 0.983, "
                + "Fashion-MNIST >= 0.895, digits/wine within 0.5 points of SVC";
    }

    @Override
    public void run(JavaSparkContext sc, boolean quick, BenchTable table) {
        SparkSession spark = SparkSession.builder().config(sc.getConf()).getOrCreate();
        String python = KernelScaleBench.SklearnSvc.interpreter();
        if (python == null) {
            table.log("python3 with sklearn not found: no scikit-learn rows (apt-get install python3-sklearn)");
        }
        double[] gemm = dgemmThroughput();
        table.add("dgemm " + GEMM_ROWS + "x" + GEMM_POINTS + "x" + GEMM_DEPTH, "native BLAS (" + Blas.implementation()
                + ")", "gflops_one_thread", gemm[0], "gflops_two_threads", gemm[1], "load_average", load());
        int rows = quick ? 2000 : Integer.parseInt(System.getenv().getOrDefault("MLSPARK_MULTICLASS_ROWS", "60000"));
        int testRows = quick ? 1000 : 10_000;
        int libsvmRows = Integer.parseInt(System.getenv().getOrDefault("MLSPARK_MULTICLASS_LIBSVM_ROWS", "12000"));
        table.log("warm-up (JIT) on 1,000 MNIST rows, not reported");
        Mnist.DataSet mnist = ImageSet.MNIST.load(Home.get().resolve("data"), true);
        LabeledData warm = pixels(mnist.train().range(0, 1000), "warm-up");
        kernelSvm(spark, warm, warm, KernelSpec.scaleGamma(warm.x()), C, PRECISIONS.get(0));
        List<String> sets = Arrays.asList(System.getenv().getOrDefault("MLSPARK_MULTICLASS_SETS",
                "mnist,fashion-mnist,linear,digits,wine").split(","));
        List<Seconds> seconds = new ArrayList<>();
        for (ImageSet set : List.of(ImageSet.MNIST, ImageSet.FASHION_MNIST)) {
            if (!sets.contains(set.label())) {
                continue;
            }
            Mnist.DataSet data = set == ImageSet.MNIST ? mnist : set.load(Home.get().resolve("data"), true);
            LabeledData train = pixels(data.train().range(0, Math.min(rows, data.train().count())), set.label());
            LabeledData test = pixels(data.test().range(0, Math.min(testRows, data.test().count())), set.label());
            double gamma = KernelSpec.scaleGamma(train.x());
            String benchCase = set.title() + " N=" + train.size() + " (RBF C=10, gamma=" + String.format("%.6f", gamma) + ")";
            seconds.add(compare(spark, set.label(), benchCase, train, test, gamma, C, python, train.size() <= libsvmRows ? null
                    : "LIBSVM 3.31 Java: skipped above " + libsvmRows + " training rows (MLSPARK_MULTICLASS_LIBSVM_ROWS)", table));
            if (sets.contains("linear")) {
                linear(spark, set.title() + " N=" + train.size() + " (linear, C=" + C + ")", train, test, table);
            }
        }
        for (LabeledData[] split : smallSets(quick, sets)) {
            double gamma = KernelSpec.scaleGamma(split[0].x());
            seconds.add(compare(spark, split[0].source(), split[0].source() + " N=" + split[0].size()
                    + " (scaled to [-1, 1], RBF C=1, gamma=scale=" + String.format("%.6f", gamma) + ")", split[0], split[1],
                    gamma, SMALL_SET_C, python, null, table));
        }
        if (!seconds.isEmpty()) {
            table.plot("multiclass-seconds", secondsChart(seconds));
        }
    }

    /** A set's training and prediction seconds, ours and SVC's (null where SVC did not run). */
    private record Seconds(String set, double fit, double predict, Double svcFit, Double svcPredict) {
    }

    /** Bars of the seconds per set, ours beside SVC's, on a log scale (the sets take from 0.1 s to minutes). */
    private static CategoryChart secondsChart(List<Seconds> seconds) {
        CategoryChart chart = new CategoryChartBuilder().width(720).height(480)
                .title(String.format("Multi-class RBF SVMs: seconds, ours (local[2]) vs scikit-learn SVC (load %.1f)", load()))
                .xAxisTitle("set").yAxisTitle("seconds").build();
        List<String> names = seconds.stream().map(Seconds::set).toList();
        List<List<Double>> series = new ArrayList<>(List.of(seconds.stream().map(Seconds::fit).toList(),
                seconds.stream().map(Seconds::predict).toList()));
        chart.addSeries("ours: fit", names, series.get(0));
        chart.addSeries("ours: predict", names, series.get(1));
        if (seconds.stream().allMatch(s -> s.svcFit() != null)) {
            series.add(seconds.stream().map(Seconds::svcFit).toList());
            series.add(seconds.stream().map(Seconds::svcPredict).toList());
            chart.addSeries("SVC: fit", names, series.get(2));
            chart.addSeries("SVC: predict", names, series.get(3));
        }
        // bars start at the axis' minimum, which a log axis needs above 0: the power of ten below the least
        double least = series.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).min().getAsDouble();
        chart.getStyler().setYAxisLogarithmic(true).setYAxisMin(Math.pow(10, Math.floor(Math.log10(least))))
                .setLegendPosition(Styler.LegendPosition.OutsideE);
        return chart;
    }

    /**
     * Ours, SVC and LIBSVM's Java port (unless {@code libsvmSkipped} says why not) on the same rows; with SVC, each
     * class pair's dual objective beside LIBSVM's in {@code multiclass-pairs-SET.csv}, their largest relative
     * difference in the table.
     */
    private static Seconds compare(SparkSession spark, String set, String benchCase, LabeledData train, LabeledData test,
                                   double gamma, double c, String python, String libsvmSkipped, BenchTable table) {
        Sklearn svc = python == null ? null : Sklearn.fit(python, train, test, gamma, c);
        Ours first = null;
        for (String precision : PRECISIONS) {
            Ours ours = ours(spark, train, test, gamma, c, precision, svc, set, benchCase, table);
            first = first == null ? ours : first;
        }
        if (svc != null) {
            table.add(benchCase, "scikit-learn SVC (LIBSVM C++, one thread)", "seconds", svc.fitSeconds(),
                    "predict_seconds", svc.predictSeconds(), "test_accuracy", svc.accuracy(), "n_support", svc.support(),
                    "load_average", load());
        }
        Seconds seconds = new Seconds(set, first.fitSeconds(), first.predictSeconds(), svc == null ? null : svc.fitSeconds(),
                svc == null ? null : svc.predictSeconds());
        if (libsvmSkipped != null) {
            table.add(benchCase, libsvmSkipped);
            return seconds;
        }
        long start = System.nanoTime();
        svm_model libsvm = LibsvmBaseline.trainClasses(train.x(), train.y(), gamma, c, TOL, 200);
        double fitSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            correct += svm.svm_predict(libsvm, LibsvmBaseline.dense(test.x()[i])) == test.y()[i] ? 1 : 0;
        }
        double predictSeconds = (System.nanoTime() - start) / 1e9;
        table.add(benchCase, "LIBSVM 3.31 Java (svm_train, one thread)", "seconds", fitSeconds, "predict_seconds",
                predictSeconds, "test_accuracy", (double) correct / test.size(), "n_support", libsvm.l, "load_average",
                load());
        return seconds;
    }


    /** Our fit in {@code precision} (kernelPrecision) and its row of the table, beside SVC's pairs where it ran. */
    private static Ours ours(SparkSession spark, LabeledData train, LabeledData test, double gamma, double c,
                             String precision, Sklearn svc, String set, String benchCase, BenchTable table) {
        // the machine is shared: its dgemm throughput measured again just before and after our fit
        double[] before = dgemmThroughput();
        Ours ours = kernelSvm(spark, train, test, gamma, c, precision);
        double[] after = dgemmThroughput();
        double dgemmAround = (before[0] + after[0]) / 2;
        KernelSvmTrainingSummary summary = ours.model().summary();
        double solveSeconds = 0;
        double kernel = 0;
        double local = 0;
        double gradient = 0;
        double selection = 0;
        double flops = 0;
        long kernelRows = 0;
        for (KernelSvmTrainingSummary.Problem p : summary.problems()) {
            WorkingSetSmoSolver.Phases phases = p.solution().phases();
            solveSeconds += p.seconds();
            kernel += phases.kernelSeconds();
            local += phases.localSeconds();
            gradient += phases.gradientSeconds();
            selection += phases.selectionSeconds();
            kernelRows += phases.kernelRows();
            flops += 2.0 * phases.kernelRows() * p.rows() * train.dimension();
        }
        int cores = spark.sparkContext().defaultParallelism();
        double kernelGflops = flops / kernel / 1e9;
        List<Object> figures = new ArrayList<>(List.of("seconds", ours.fitSeconds(), "predict_seconds",
                ours.predictSeconds(), "test_accuracy", ours.accuracy(), "n_support", ours.model().numSupportVectors(),
                "pairs", summary.problems().size(), "solve_task_seconds", solveSeconds, "kernel_task_seconds", kernel,
                "local_task_seconds", local, "gradient_task_seconds", gradient, "selection_task_seconds", selection,
                "spark_seconds", ours.fitSeconds() - solveSeconds / cores, "kernel_rows", kernelRows,
                "kernel_gflops_per_task", kernelGflops, "dgemm_gflops_one_thread_around", dgemmAround,
                "fraction_of_dgemm", kernelGflops / dgemmAround));
        if (svc != null) {
            String file = "multiclass-pairs-" + set + (precision.equals("float64") ? "" : "-" + precision) + ".csv";
            double worst = pairObjectives(train.labelSet(), summary.problems(), svc.pairs(), file, table);
            figures.addAll(List.of("time_vs_svc", ours.fitSeconds() / svc.fitSeconds(), "predict_vs_svc",
                    ours.predictSeconds() / svc.predictSeconds(), "accuracy_points_vs_svc",
                    100 * (ours.accuracy() - svc.accuracy()), "max_pair_objective_rel_vs_svc", worst));
        }
        figures.addAll(List.of("load_average", load()));
        table.add(benchCase, "ours: KernelSvmClassifier smo (one-vs-one, " + cores + " cores"
                + (precision.equals("float64") ? "" : ", kernelPrecision " + precision) + ")", figures.toArray());
        return ours;
    }

    /**
     * Our class pairs' dual objectives beside LIBSVM's ({@code libsvm}, in its order: classes i < j of the sorted
     * {@code classes}), as the CSV {@code file} of the run; returns the largest relative difference. LIBSVM prints
     * the minimized 1/2 a'Qa - e'a, the negative of our maximized dual sum a - 1/2 a'Qa.
     */
    static double pairObjectives(double[] classes, List<KernelSvmTrainingSummary.Problem> problems,
                                 List<LibsvmBaseline.Pair> libsvm, String file, BenchTable table) {
        int k = classes.length;
        if (libsvm.size() != k * (k - 1) / 2 || problems.size() != libsvm.size()) {
            throw new IllegalStateException(file + ": LIBSVM finished " + libsvm.size() + " class pairs and ours "
                    + problems.size() + "; " + k + " classes have " + k * (k - 1) / 2);
        }
        StringBuilder csv = new StringBuilder("class_i,class_j,rows,ours_dual_objective,ours_iterations,"
                + "libsvm_objective,libsvm_iterations,libsvm_rho,relative_difference\n");
        double worst = 0;
        int pair = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double ci = classes[i];
                double cj = classes[j];
                KernelSvmTrainingSummary.Problem ours = problems.stream().filter(p -> p.negativeClass() == ci
                        && p.positiveClass() == cj || p.negativeClass() == cj && p.positiveClass() == ci).findFirst()
                        .orElseThrow(() -> new IllegalStateException(file + ": no pair of classes " + ci + " and " + cj));
                LibsvmBaseline.Pair theirs = libsvm.get(pair++);
                double relative = Math.abs(ours.dualObjective() + theirs.objective()) / Math.abs(theirs.objective());
                worst = Math.max(worst, relative);
                csv.append(String.format(Locale.ROOT, "%s,%s,%d,%.9g,%d,%.9g,%d,%.9g,%.3e%n", format(ci), format(cj),
                        ours.rows(), ours.dualObjective(), ours.iterations(), theirs.objective(), theirs.iterations(),
                        theirs.rho(), relative));
            }
        }
        table.file(file, csv.toString());
        return worst;
    }

    private static String format(double label) {
        return label == Math.rint(label) ? Long.toString((long) label) : Double.toString(label);
    }

    /** What our kernel SVM took and reached. */
    private record Ours(KernelSvmModel model, double fitSeconds, double predictSeconds, double accuracy) {
    }

    private static Ours kernelSvm(SparkSession spark, LabeledData train, LabeledData test, double gamma, double c,
                                  String precision) {
        Dataset<Row> trainFrame = frame(spark, train);
        Dataset<Row> testFrame = frame(spark, test);
        KernelSvmClassifier estimator = new KernelSvmClassifier().setKernel("rbf").setGamma(gamma).setC(c)
                .setSolver("smo").setTol(TOL).setBiasRule("libsvm").setSvThreshold(0).setKernelPrecision(precision);
        long start = System.nanoTime();
        KernelSvmModel model = estimator.fit(trainFrame);
        double fitSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        List<Row> predicted = model.transform(testFrame).select("label", "prediction").collectAsList();
        double predictSeconds = (System.nanoTime() - start) / 1e9;
        trainFrame.unpersist();
        testFrame.unpersist();
        return new Ours(model, fitSeconds, predictSeconds, accuracy(predicted));
    }

    /** Our one-vs-rest linear SVM (L-BFGS) beside MLlib's OneVsRest(LinearSVC), the same C and iterations. */
    private static void linear(SparkSession spark, String benchCase, LabeledData train, LabeledData test,
                               BenchTable table) {
        Dataset<Row> trainFrame = frame(spark, train);
        Dataset<Row> testFrame = frame(spark, test);
        long start = System.nanoTime();
        var ours = new PrimalSvmClassifier().setC(C).setOptimizer("lbfgs").setMaxIter(LINEAR_ITERATIONS).fit(trainFrame);
        double oursSeconds = (System.nanoTime() - start) / 1e9;
        double oursAccuracy = accuracy(ours.transform(testFrame).select("label", "prediction").collectAsList());
        table.add(benchCase, "ours: PrimalSvmClassifier (K=10 one-vs-rest in one pass, L-BFGS, squared hinge)",
                "seconds", oursSeconds, "test_accuracy", oursAccuracy, "iterations", LINEAR_ITERATIONS, "load_average",
                load());
        start = System.nanoTime();
        var mllib = new OneVsRest().setClassifier(new LinearSVC().setMaxIter(LINEAR_ITERATIONS)
                .setRegParam(1.0 / (C * train.size())).setStandardization(false)).fit(trainFrame);
        double mllibSeconds = (System.nanoTime() - start) / 1e9;
        double mllibAccuracy = accuracy(mllib.transform(testFrame).select("label", "prediction").collectAsList());
        table.add(benchCase, "Spark MLlib OneVsRest(LinearSVC) (10 fits, hinge)", "seconds", mllibSeconds,
                "test_accuracy", mllibAccuracy, "iterations", LINEAR_ITERATIONS, "ours_speedup", mllibSeconds / oursSeconds,
                "load_average", load());
        trainFrame.unpersist();
        testFrame.unpersist();
    }

    private static double accuracy(List<Row> labelAndPrediction) {
        long correct = labelAndPrediction.stream().filter(r -> r.getDouble(0) == r.getDouble(1)).count();
        return (double) correct / labelAndPrediction.size();
    }

    /** Rows as a cached DataFrame (label, features) in the context's default number of partitions. */
    private static Dataset<Row> frame(SparkSession spark, LabeledData data) {
        StructType schema = new StructType().add("label", DataTypes.DoubleType, false)
                .add("features", new VectorUDT(), false);
        List<Row> rows = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            rows.add(RowFactory.create(data.y()[i], Vectors.dense(data.x()[i])));
        }
        int partitions = spark.sparkContext().defaultParallelism();
        Dataset<Row> frame = spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(rows, partitions), schema).cache();
        frame.count();
        return frame;
    }

    private static LabeledData pixels(Digits images, String source) {
        return images.labeledData(source, 0, 1 / 255.0);
    }

    /** digits (data/digits) and wine (python3-sklearn's csv, where installed): {train, test}, scaled to [-1, 1]. */
    private static List<LabeledData[]> smallSets(boolean quick, List<String> names) {
        List<LabeledData[]> sets = new ArrayList<>();
        Path digits = Home.get().resolve("data").resolve("digits").resolve("digits.csv.gz");
        if (names.contains("digits") && Files.isRegularFile(digits)) {
            sets.add(split(readCsv(digits, "digits", 0)));
        }
        Path wine = Path.of("/usr/lib/python3/dist-packages/sklearn/datasets/data/wine_data.csv");
        if (names.contains("wine") && !quick && Files.isRegularFile(wine)) {
            sets.add(split(readCsv(wine, "wine", 1)));
        }
        return sets;
    }

    /** Comma-separated rows of features then the class index, after {@code header} lines. */
    private static LabeledData readCsv(Path file, String source, int header) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(file.toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file), StandardCharsets.UTF_8))) {
            List<double[]> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            int line = 0;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                if (line++ < header || text.isBlank()) {
                    continue;
                }
                double[] values = Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
                x.add(Arrays.copyOf(values, values.length - 1));
                y.add(values[values.length - 1]);
            }
            return new LabeledData(x.toArray(double[][]::new), y.stream().mapToDouble(v -> v).toArray(), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A seeded two-thirds / one-third split, each feature scaled to [-1, 1] by the training rows' range (svm-scale). */
    private static LabeledData[] split(LabeledData data) {
        int n = data.size();
        int d = data.dimension();
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        java.util.Collections.shuffle(Arrays.asList(order), new Random(SEED));
        int trainRows = 2 * n / 3;
        double[] min = new double[d];
        double[] max = new double[d];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int t = 0; t < trainRows; t++) {
            for (int j = 0; j < d; j++) {
                min[j] = Math.min(min[j], data.x()[order[t]][j]);
                max[j] = Math.max(max[j], data.x()[order[t]][j]);
            }
        }
        LabeledData[] out = new LabeledData[2];
        for (int part = 0; part < 2; part++) {
            int from = part == 0 ? 0 : trainRows;
            int to = part == 0 ? trainRows : n;
            double[][] x = new double[to - from][d];
            double[] y = new double[to - from];
            for (int t = from; t < to; t++) {
                for (int j = 0; j < d; j++) {
                    double range = max[j] - min[j];
                    x[t - from][j] = range == 0 ? 0 : -1 + 2 * (data.x()[order[t]][j] - min[j]) / range;
                }
                y[t - from] = data.y()[order[t]];
            }
            out[part] = new LabeledData(x, y, data.source());
        }
        return out;
    }

    /**
     * dgemm GFLOP/s of the kernel rows' shape (q/2 rows against a pair's points): one thread, and two threads
     * each on its own product at once (the machine's throughput). The best of two runs of three products.
     */
    private static double[] dgemmThroughput() {
        Random random = new Random(SEED);
        double[] a = random.doubles((long) GEMM_ROWS * GEMM_DEPTH).toArray();
        double[] b = random.doubles((long) GEMM_POINTS * GEMM_DEPTH).toArray();
        double flops = 2.0 * GEMM_ROWS * GEMM_POINTS * GEMM_DEPTH;
        double[] best = new double[2];
        for (int threads = 1; threads <= 2; threads++) {
            int count = threads;
            for (int r = 0; r < 2; r++) {
                long start = System.nanoTime();
                java.util.stream.IntStream.range(0, count).parallel().forEach(t -> {
                    double[] out = new double[GEMM_ROWS * GEMM_POINTS];
                    for (int repeat = 0; repeat < 3; repeat++) {
                        KernelBlocks.innerProducts(a, GEMM_ROWS, b, GEMM_POINTS, GEMM_DEPTH, out);
                    }
                });
                double seconds = (System.nanoTime() - start) / 1e9;
                best[threads - 1] = Math.max(best[threads - 1], count * 3 * flops / seconds / 1e9);
            }
        }
        return best;
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** scikit-learn's SVC (C-SVC, RBF) in a python3 subprocess, the rows handed over as .npy files in a temp dir. */
    record Sklearn(double fitSeconds, double predictSeconds, double accuracy, int support, List<LibsvmBaseline.Pair> pairs) {
        /** verbose=True: LIBSVM's lines per pair, flushed from the C library's buffer before the JSON line. */
        private static final String SCRIPT = String.join("\n",
                "import sys, json, time, ctypes, numpy as np",
                "from sklearn.svm import SVC",
                "d = sys.argv[1]",
                "xtr, ytr, xte, yte = (np.load(d + '/' + f + '.npy') for f in ('xtr', 'ytr', 'xte', 'yte'))",
                "svc = SVC(C=float(sys.argv[2]), kernel='rbf', gamma=float(sys.argv[3]), tol=float(sys.argv[4]), verbose=True)",
                "t = time.perf_counter(); svc.fit(xtr, ytr); fit = time.perf_counter() - t",
                "t = time.perf_counter(); p = svc.predict(xte); predict = time.perf_counter() - t",
                "ctypes.CDLL(None).fflush(None)",
                "print('\\n' + json.dumps({'fit': fit, 'predict': predict, 'accuracy': float(np.mean(p == yte)),",
                "                  'support': int(svc.n_support_.sum())}))");

        static Sklearn fit(String python, LabeledData train, LabeledData test, double gamma, double c) {
            try {
                Path dir = Files.createTempDirectory("mlspark-svc");
                try {
                    Npy.write(dir.resolve("xtr.npy"), train.x());
                    Npy.write(dir.resolve("ytr.npy"), new double[][]{train.y()}, true);
                    Npy.write(dir.resolve("xte.npy"), test.x());
                    Npy.write(dir.resolve("yte.npy"), new double[][]{test.y()}, true);
                    Path script = Files.writeString(dir.resolve("svc.py"), SCRIPT);
                    String output = KernelScaleBench.SklearnSvc.output(python, script.toString(), dir.toString(),
                            String.valueOf(c), String.valueOf(gamma), String.valueOf(TOL));
                    String json = KernelScaleBench.SklearnSvc.result(output);
                    return new Sklearn(KernelScaleBench.SklearnSvc.number(json, "fit"),
                            KernelScaleBench.SklearnSvc.number(json, "predict"),
                            KernelScaleBench.SklearnSvc.number(json, "accuracy"),
                            (int) KernelScaleBench.SklearnSvc.number(json, "support"), LibsvmBaseline.Pair.parse(output));
                } finally {
                    KernelScaleBench.SklearnSvc.removeFlat(dir);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** NumPy's .npy format (version 1.0), little-endian doubles, for handing rows to python. */
    static final class Npy {
        private Npy() {
        }

        static void write(Path file, double[][] rows) throws IOException {
            write(file, rows, false);
        }

        /** {@code vector}: the one row of {@code rows} as a 1-D array. */
        static void write(Path file, double[][] rows, boolean vector) throws IOException {
            int n = rows.length;
            int d = n == 0 ? 0 : rows[0].length;
            String shape = vector ? "(" + d + ",)" : "(" + n + ", " + d + ")";
            StringBuilder header = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }");
            while ((10 + header.length() + 1) % 64 != 0) {
                header.append(' ');
            }
            header.append('\n');
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(10 + header.length() + n * d * Double.BYTES)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            buffer.put(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length())
                    .put(header.toString().getBytes(StandardCharsets.US_ASCII));
            for (double[] row : rows) {
                for (double v : row) {
                    buffer.putDouble(v);
                }
            }
            Files.write(file, buffer.array());
        }
    }
}
