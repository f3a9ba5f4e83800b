package mlspark.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.classification.LinearSVC;
import org.apache.spark.ml.classification.LinearSVCModel;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import mlspark.data.FeatureBlock;
import mlspark.data.SampleBlock;
import mlspark.distributed.SampleBlocks;
import mlspark.ml.PrimalSvmClassifier;
import mlspark.ml.PrimalSvmModel;
import mlspark.sources.DataSources;
import mlspark.svm.primal.DualRound;
import mlspark.svm.primal.LinearSvmModel;

/**
 * The linear SVM to a certified accuracy: seconds to reach the optimum of
 * P(w, b) = 1/2 (|w|^2 + b^2) + C sum_i max(0, 1 - y_i (w.x_i + B b)) within {@value #TARGET} relative, for
 * our CoCoA+ (the duality gap per round), LIBLINEAR's Java port ({@code -s 3 -B 1}, one thread, its eps swept
 * from 1e-1 down, each run timed from the start) and MLlib's {@code LinearSVC} (OWL-QN, the bias an appended
 * feature, {@code fitIntercept=false}, {@code regParam = 1/(N C)}, whose objective is P / (N C)), in the same
 * run. P* is the least P any of them reached, with our best dual objective as its certified lower bound:
 * LIBLINEAR 2.4x stops its dual solver after 300 epochs whatever its eps, short of the optimum on the dense set. Sets: the dense N x 100 noisy set of {@code primal}/{@code scale} and
 * the sparse rcv1-like N x 2^20 LIBSVM set of {@code scale} (N = 10^6, {@code --quick} 10^5), and a real sparse
 * set, {@link DebianPackageTexts} (where apt-cache is). Every P is
 * computed here from the returned (w, b), on the same rows. A PNG per set: relative suboptimality against
 * seconds. Targets: ours at most half of LIBLINEAR's time and 20x faster than MLlib; the dense set within 50
 * rounds to a relative gap of 1e-3.
 */
public final class LinearBench implements BenchSuite {
    static final double C = 1;
    static final double B = 1;
    static final double TARGET = 1e-3;
    private static final double[] LIBLINEAR_EPS = {1e-1, 1e-2, 1e-3, 1e-4, 1e-6};
    private static final int MAX_ROUNDS = 200;
    /** Epochs of the gd reference: {@code --quick} and full size. */
    private static final int GD_EPOCHS_QUICK = 100;
    private static final int GD_EPOCHS = 30;
    /** Our local passes per round: {@code MLSPARK_LINEAR_LOCAL_PASSES}, else the Param's default, 1. */
    private static final int LOCAL_PASSES = Integer.parseInt(System.getenv().getOrDefault("MLSPARK_LINEAR_LOCAL_PASSES", "1"));

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public String description() {
        return "hinge-loss SVM (bias regularized, -s 3 -B 1) to 1e-3 relative suboptimality: ours cocoa, "
                + "LIBLINEAR-Java, MLlib LinearSVC; dense N=1e6 x 100, sparse N=1e6 x 2^20 (--quick: N=1e5), Debian package texts; "
                + "MLSPARK_LINEAR_SETS=dense,sparse,debian-texts chooses";
    }

    @Override
    public void run(JavaSparkContext sc, boolean quick, BenchTable table) {
        int n = quick ? 100_000 : 1_000_000;
        SparkSession spark = SparkSession.builder().config(sc.getConf()).getOrCreate();
        int partitions = sc.defaultParallelism();
        List<Integer> parts = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            parts.add(p);
        }
        String chosen = System.getenv("MLSPARK_LINEAR_SETS");
        List<String> sets = chosen == null || chosen.isBlank() ? List.of("dense", "sparse", "debian-texts")
                : List.of(chosen.trim().split("\\s*,\\s*"));
        if (sets.contains("dense")) {
            JavaRDD<SampleBlock> dense = sc.parallelize(parts, partitions)
                    .flatMap(p -> PrimalBench.generate(p, partitions, n).iterator());
            Dataset<Row> denseRows = spark.createDataFrame(dense.flatMap(LinearBench::rowsOf), SampleBlocks.SCHEMA)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            compare("dense", "dense N=" + n + " D=" + PrimalBench.D + " (noisy labels)", denseRows, PrimalBench.D,
                    quick, table);
            denseRows.unpersist();
        }

        Path dir;
        try {
            dir = Files.createTempDirectory("mlspark-linear-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            if (sets.contains("sparse")) {
                Path path = dir.resolve("rcv1-like");
                String written = path.toString(); // a Path is not serializable
                sc.parallelize(parts, partitions).foreach(p -> ScaleBench.writeLibSvm(Path.of(written), p, partitions, n));
                compareOnFile("sparse", "sparse N=" + n + " D=2^20 nnz/row=" + ScaleBench.SPARSE_NNZ, path,
                        ScaleBench.SPARSE_D, quick, table);
            }
            Path texts = dir.resolve("debian-package-texts.libsvm");
            Integer terms = sets.contains("debian-texts") ? DebianPackageTexts.write(texts, table::log) : null;
            if (terms != null) {
                compareOnFile("debian-texts", "real: Debian package texts TF-IDF, " + terms + " terms", texts, terms,
                        quick, table);
            }
        } finally {
            ScaleBench.deleteTree(dir);
        }
    }

    private static void compareOnFile(String name, String benchCase, Path path, int d, boolean quick, BenchTable table) {
        SparkSession spark = SparkSession.active();
        DataSources.Input input = DataSources.read(spark, "libsvm:" + path, "libsvm:" + path,
                new DataSources.Options(d, null, null), table::log);
        Dataset<Row> rows = input.train().persist(StorageLevel.MEMORY_AND_DISK());
        compare(name, benchCase, rows, d, quick, table);
        rows.unpersist();
    }

    /** One point of a convergence curve: seconds from the start and P there. */
    record Point(double seconds, double objective) {
    }

    private static void compare(String name, String benchCase, Dataset<Row> rows, int d, boolean quick,
                                BenchTable table) {
        LocalRows local = LocalRows.of(rows.collectAsList());
        int n = local.y().length;
        table.log(benchCase + ": " + n + " rows collected for LIBLINEAR and the objective");

        Cocoa ours = cocoa(rows, local, d, benchCase, table);

        Problem problem = local.liblinearProblem(d);
        List<Point> liblinearCurve = new ArrayList<>();
        double[] lastEps = {0};
        for (double eps : LIBLINEAR_EPS) {
            long start = System.nanoTime();
            double objective = local.objective(liblinear(problem, eps), d);
            liblinearCurve.add(new Point(seconds(start), objective));
            table.log(String.format("LIBLINEAR eps %.0e: %.2f s, P %.9e", eps, seconds(start), objective));
            lastEps[0] = eps;
            // LIBLINEAR 2.4x stops its dual solver after 300 epochs, whatever eps: a smaller one then gives the same w
            if (liblinearCurve.size() > 1
                    && objective == liblinearCurve.get(liblinearCurve.size() - 2).objective()) {
                break;
            }
        }

        List<Point> mllibCurve = mllib(rows, n, d, quick ? 30 : 100, table);
        List<Point> gdCurve = gd(rows, local, d, quick ? GD_EPOCHS_QUICK : GD_EPOCHS, table);

        // P*: the least P any of them reached, within our duality gap's certificate of the optimum
        double optimum = java.util.stream.Stream.of(ours.curve(), liblinearCurve, mllibCurve, gdCurve)
                .flatMap(List::stream).mapToDouble(Point::objective).min().getAsDouble();
        table.add(benchCase, "P* (least P reached; P* - D <= certified)", "objective", optimum,
                "dual_lower_bound", ours.bestDual(), "certified_relative", (optimum - ours.bestDual()) / optimum);

        Double oursSeconds = secondsTo(ours.curve(), optimum);
        Double liblinearSeconds = secondsTo(liblinearCurve, optimum);
        Double mllibSeconds = secondsTo(mllibCurve, optimum);
        table.add(benchCase, "ours cocoa (CoCoA+, local[2], localPasses " + LOCAL_PASSES + ")", "seconds_to_1e-3",
                oursSeconds, "rounds_to_1e-3", roundsTo(ours.curve(), optimum),
                "rounds", ours.curve().size(), "final_relative_gap", ours.finalRelativeGap(),
                "vs_liblinear", ratio(oursSeconds, liblinearSeconds));
        table.add(benchCase, "LIBLINEAR-Java 2.44 -s 3 -B 1 (1 thread)", "seconds_to_1e-3", liblinearSeconds,
                "runs", liblinearCurve.size(), "last_eps", lastEps[0],
                "final_relative_suboptimality", relative(liblinearCurve.get(liblinearCurve.size() - 1).objective(), optimum));
        table.add(benchCase, "Spark MLlib LinearSVC (OWL-QN)", "seconds_to_1e-3", mllibSeconds,
                "iterations", mllibCurve.size(),
                "final_relative_suboptimality", relative(mllibCurve.get(mllibCurve.size() - 1).objective(), optimum),
                "mllib_over_ours", ratio(mllibSeconds, oursSeconds));
        table.add(benchCase, "ours gd, for reference (constant step: 1 / (N C times the mean squared row norm))", "seconds_to_1e-3",
                secondsTo(gdCurve, optimum), "epochs", quick ? GD_EPOCHS_QUICK : GD_EPOCHS,
                "final_relative_suboptimality", relative(gdCurve.get(gdCurve.size() - 1).objective(), optimum));

        XYChart chart = new XYChartBuilder().width(720).height(480).title("Linear SVM, " + benchCase)
                .xAxisTitle("seconds").yAxisTitle("(P - P*) / P*").build();
        chart.getStyler().setYAxisLogarithmic(true).setLegendPosition(Styler.LegendPosition.InsideNE);
        addCurve(chart, "ours cocoa", ours.curve(), optimum);
        addCurve(chart, "LIBLINEAR-Java (eps 1e-1 down, each run from the start)", liblinearCurve, optimum);
        addCurve(chart, "MLlib LinearSVC", mllibCurve, optimum);
        addCurve(chart, "ours gd (reference)", gdCurve, optimum);
        table.plot("linear-" + name, chart);
    }

    /** Our run: P per round, the best dual objective (a lower bound of P*) and the last relative gap. */
    record Cocoa(List<Point> curve, double bestDual, double finalRelativeGap) {
    }

    /**
     * Our CoCoA+ to a relative duality gap of 1e-5 or {@value #MAX_ROUNDS} rounds: P per round (the trainer's), seconds of training from the
     * start; the last round's P checked here against P of the returned model on the collected rows.
     */
    private static Cocoa cocoa(Dataset<Row> rows, LocalRows local, int d, String benchCase, BenchTable table) {
        PrimalSvmClassifier svm = new PrimalSvmClassifier().setOptimizer("cocoa").setC(C).setBiasFeature(B)
                .setTol(1e-5).setMaxIter(MAX_ROUNDS).setLocalPasses(LOCAL_PASSES)
                .setRoundListener(r -> table.log(String.format("cocoa round %d: %.2f s, P %.6e, relative gap %.2e",
                        r.round(), r.seconds(), r.objective(), r.relativeGap())));
        long t0 = System.nanoTime();
        PrimalSvmModel model = svm.fit(rows);
        double fitSeconds = seconds(t0);
        List<Point> curve = new ArrayList<>();
        List<DualRound> rounds = model.summary().dualRounds();
        for (DualRound r : rounds.subList(1, rounds.size())) {
            curve.add(new Point(r.seconds(), r.objective()));
        }
        double[] wb = java.util.Arrays.copyOf(model.coefficients().toArray(), d + 1);
        wb[d] = model.intercept() / B;
        double last = rounds.get(rounds.size() - 1).objective();
        table.log(String.format("cocoa: fit %.1f s (training %.1f s); P of the model %.9e, the trainer's %.9e",
                fitSeconds, model.summary().trainSeconds(), local.objective(wb, d), last));
        if (Math.abs(local.objective(wb, d) - last) > 1e-6 * last) {
            throw new IllegalStateException(benchCase + ": the trainer's P " + last + " is not the model's "
                    + local.objective(wb, d));
        }
        DualRound end = rounds.get(rounds.size() - 1);
        return new Cocoa(curve, rounds.stream().mapToDouble(DualRound::dualObjective).max().getAsDouble(),
                end.relativeGap());
    }

    /**
     * Our batch gradient descent for reference ({@code primal-svm --optimizer gd}, the assignment's): it
     * minimizes E(w, b) = 1/2 |w|^2 + C sum_i hinge_i, b not regularized, so P is taken at (w, w_B = b / B);
     * a constant step 1 / (N C mean_i |x~_i|^2) (gd has no rule of its own for it), {@code epochs} epochs, P
     * after epochs 1, 2, 5, 10, 20, ... and the last, seconds from the fit's start.
     */
    private static List<Point> gd(Dataset<Row> rows, LocalRows local, int d, int epochs, BenchTable table) {
        double squaredNorms = 0;
        for (double[] values : local.values()) {
            squaredNorms += B * B;
            for (double v : values) {
                squaredNorms += v * v;
            }
        }
        double step = 1 / (C * squaredNorms);
        List<Integer> kept = new ArrayList<>();
        for (int m = 1; m <= epochs; m *= 10) {
            for (int e : new int[]{m, 2 * m, 5 * m}) {
                if (e < epochs) {
                    kept.add(e);
                }
            }
        }
        List<Point> curve = new ArrayList<>();
        long t0 = System.nanoTime();
        PrimalSvmClassifier svm = new PrimalSvmClassifier().setOptimizer("gd").setC(C).setStepSize(step)
                .setMaxIter(epochs).setModelsAt(kept.stream().mapToInt(Integer::intValue).toArray())
                .setEpochListener(r -> {
                    LinearSvmModel m = r.model();
                    if (m != null && r.epoch() > 0) {
                        double[] wb = java.util.Arrays.copyOf(m.w(), d + 1);
                        wb[d] = m.b() / B;
                        curve.add(new Point(seconds(t0), local.objective(wb, d)));
                    }
                });
        svm.fit(rows);
        table.log(String.format("gd: %d epochs at step %.3e in %.1f s, P %.9e", epochs, step, seconds(t0),
                curve.get(curve.size() - 1).objective()));
        return curve;
    }

    /** MLlib on the same rows with the bias as an appended feature B: P = N C times its objective history. */
    private static List<Point> mllib(Dataset<Row> rows, int n, int d, int maxIter, BenchTable table) {
        SparkSession spark = rows.sparkSession();
        Dataset<Row> withBias = spark.createDataFrame(rows.javaRDD().map(r -> RowFactory.create(
                appendBias(r.getAs(SampleBlocks.FEATURES), d), r.getDouble(r.fieldIndex(SampleBlocks.LABEL)) > 0 ? 1.0 : 0.0)),
                SampleBlocks.SCHEMA).persist(StorageLevel.MEMORY_AND_DISK());
        withBias.count();
        LinearSVC svc = new LinearSVC().setFitIntercept(false).setRegParam(1.0 / (n * C)).setStandardization(false)
                .setTol(0).setMaxIter(maxIter);
        long t0 = System.nanoTime();
        LinearSVCModel model = svc.fit(withBias);
        double total = seconds(t0);
        withBias.unpersist();
        double[] history = model.summary().objectiveHistory();
        // the history starts at w = 0; the iterations' seconds are spread evenly over the fit's
        double perIteration = total / Math.max(1, history.length - 1);
        table.log(String.format("MLlib: %d iterations in %.1f s", history.length - 1, total));
        List<Point> curve = new ArrayList<>();
        for (int k = 1; k < history.length; k++) {
            curve.add(new Point(k * perIteration, history[k] * n * C));
        }
        return curve;
    }

    private static Vector appendBias(Vector x, int d) {
        if (x instanceof SparseVector s) {
            int[] indices = java.util.Arrays.copyOf(s.indices(), s.indices().length + 1);
            double[] values = java.util.Arrays.copyOf(s.values(), s.values().length + 1);
            indices[indices.length - 1] = d;
            values[values.length - 1] = B;
            return Vectors.sparse(d + 1, indices, values);
        }
        double[] values = java.util.Arrays.copyOf(x.toArray(), d + 1);
        values[d] = B;
        return Vectors.dense(values);
    }

    /** (w, b) of LIBLINEAR's dual coordinate descent at {@code eps}, w for label +1. */
    private static double[] liblinear(Problem problem, double eps) {
        Linear.disableDebugOutput();
        Parameter parameter = new Parameter(SolverType.L2R_L1LOSS_SVC_DUAL, C, eps);
        parameter.setMaxIters(100_000);
        parameter.setRandom(new Random(1));
        Model model = Linear.train(problem, parameter);
        double[] w = model.getFeatureWeights();
        if (model.getLabels()[0] != 1) {
            for (int j = 0; j < w.length; j++) {
                w[j] = -w[j];
            }
        }
        return w;
    }

    /** The collected rows, each as its non-zeros (indices from 0), and labels -1/+1. */
    record LocalRows(int[][] indices, double[][] values, double[] y) {
        static LocalRows of(List<Row> rows) {
            int n = rows.size();
            int[][] indices = new int[n][];
            double[][] values = new double[n][];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                Row r = rows.get(i);
                SparseVector x = ((Vector) r.getAs(SampleBlocks.FEATURES)).toSparse();
                indices[i] = x.indices();
                values[i] = x.values();
                y[i] = r.getDouble(r.fieldIndex(SampleBlocks.LABEL)) > 0 ? 1 : -1;
            }
            return new LocalRows(indices, values, y);
        }

        /** P(w, b) with (w, b) = {@code wb} (b last, the weight of the bias feature B). */
        double objective(double[] wb, int d) {
            double regularizer = 0;
            for (double v : wb) {
                regularizer += v * v;
            }
            double loss = 0;
            for (int i = 0; i < y.length; i++) {
                double margin = wb[d] * B;
                for (int e = 0; e < indices[i].length; e++) {
                    margin += wb[indices[i][e]] * values[i][e];
                }
                loss += Math.max(0, 1 - y[i] * margin);
            }
            return 0.5 * regularizer + C * loss;
        }

        /** The rows with LIBLINEAR's bias node (index d + 1, value B) appended, as its -B does. */
        Problem liblinearProblem(int d) {
            Problem problem = new Problem();
            problem.l = y.length;
            problem.n = d + 1;
            problem.bias = B;
            problem.y = y;
            problem.x = new Feature[y.length][];
            for (int i = 0; i < y.length; i++) {
                Feature[] nodes = new Feature[indices[i].length + 1];
                for (int e = 0; e < indices[i].length; e++) {
                    nodes[e] = new FeatureNode(indices[i][e] + 1, values[i][e]);
                }
                nodes[indices[i].length] = new FeatureNode(d + 1, B);
                problem.x[i] = nodes;
            }
            return problem;
        }
    }

    private static double relative(double objective, double optimum) {
        return (objective - optimum) / optimum;
    }

    private static Double secondsTo(List<Point> curve, double optimum) {
        for (Point p : curve) {
            if (relative(p.objective(), optimum) <= TARGET) {
                return p.seconds();
            }
        }
        return null;
    }

    private static Integer roundsTo(List<Point> curve, double optimum) {
        for (int k = 0; k < curve.size(); k++) {
            if (relative(curve.get(k).objective(), optimum) <= TARGET) {
                return k + 1;
            }
        }
        return null;
    }

    private static Double ratio(Double a, Double b) {
        return a == null || b == null ? null : a / b;
    }

    private static void addCurve(XYChart chart, String name, List<Point> curve, double optimum) {
        double[] x = curve.stream().mapToDouble(Point::seconds).toArray();
        // a point at the optimum or below it (rounding) is drawn at 1e-12, the plot's floor
        double[] y = curve.stream().mapToDouble(p -> Math.max(1e-12, relative(p.objective(), optimum))).toArray();
        if (x.length > 0) {
            chart.addSeries(name, x, y);
        }
    }

    static java.util.Iterator<Row> rowsOf(SampleBlock b) {
        double[] values = ((FeatureBlock.Dense) b.features()).values();
        int d = b.dimension();
        List<Row> out = new ArrayList<>(b.size());
        for (int i = 0; i < b.size(); i++) {
            out.add(RowFactory.create(Vectors.dense(java.util.Arrays.copyOfRange(values, i * d, (i + 1) * d)),
                    b.labels()[i]));
        }
        return out.iterator();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
