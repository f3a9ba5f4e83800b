package mlspark.ml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import mlspark.data.LabeledData;
import mlspark.data.TrainTest;
import mlspark.distributed.DistributedGram;
import mlspark.distributed.SampleBlocks;
import mlspark.kernel.Kernel;
import mlspark.linalg.DensePoints;
import mlspark.linalg.Points;

/**
 * The {@code dual-svm} experiments, through {@link KernelSvmClassifier}: a classifier fitted on a
 * train/test split and evaluated in one Spark pass over its training, test and extra (plot) points;
 * and the assignment's tables of test accuracy, toy sets x {@link #TABLE_KERNELS}, for a setting of
 * the classifier's Params.
 */
public final class KernelSvmExperiments {
    /** The kernels of the tables, in their column order. */
    public static final List<String> TABLE_KERNELS = List.of("linear", "poly", "sigmoid", "rbf");

    private KernelSvmExperiments() {
    }

    /**
     * A fitted model and how it does.
     *
     * @param model         the model, with its training summary
     * @param extraDecision h(x) at the extra points
     */
    public record Evaluation(TrainTest set, KernelSvmModel model, double trainAccuracy, double testAccuracy,
                             double[] extraDecision) {
        public KernelSvmTrainingSummary summary() {
            return model.summary();
        }

        /** The kernel as trained, gamma a number. */
        public Kernel kernel() {
            return model.resolvedKernel().kernel(new double[0][]);
        }
    }

    /**
     * Fits {@code svm} on {@code set.train()} (rows in {@code partitions} partitions) and evaluates h on
     * its training points (unless the solver computed them), its test points and {@code extra}, all
     * in one Spark pass.
     */
    public static Evaluation evaluate(SparkSession spark, TrainTest set, KernelSvmClassifier svm, double[][] extra,
                                      int partitions, Consumer<String> log) {
        KernelSvmModel model = svm.fit(SampleBlocks.rows(spark, set.train(), partitions));
        KernelSvmTrainingSummary.Problem problem = model.summary().problem();
        double[] trainingDecision = problem.trainingDecision();
        int nTrain = set.train().size();
        int nTest = set.test().size();
        Points trainPoints = set.train().features();
        Points points = Points.concat(trainingDecision == null ? trainPoints : trainPoints.range(0, 0),
                set.test().features(), new DensePoints(extra));
        double[] evaluated = DistributedGram.decisionValues(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                model.svm(), points, partitions);
        double[] h = evaluated;
        if (trainingDecision != null) {
            h = new double[nTrain + evaluated.length];
            System.arraycopy(trainingDecision, 0, h, 0, nTrain);
            System.arraycopy(evaluated, 0, h, nTrain, evaluated.length);
        }
        double trainAccuracy = mlspark.svm.dual.KernelSvmModel.accuracy(Arrays.copyOfRange(h, 0, nTrain), set.train().y());
        double testAccuracy = mlspark.svm.dual.KernelSvmModel.accuracy(Arrays.copyOfRange(h, nTrain, nTrain + nTest),
                set.test().y());
        Evaluation e = new Evaluation(set, model, trainAccuracy, testAccuracy, Arrays.copyOfRange(h, nTrain + nTest, h.length));
        log.accept(String.format("%s %s: %s %d iterations %.3f s, KKT residual %.2e, %d support vectors, b = %.6g, "
                        + "test accuracy %.4f", set.name(), e.kernel().describe(), problem.solution().solver(),
                problem.iterations(), problem.seconds(), problem.solution().kktResidual(), model.numSupportVectors(),
                model.intercept(), testAccuracy));
        return e;
    }

    /**
     * A fitted model of class indices 0..K-1 and how it does.
     *
     * @param testLogLoss mean -log p(true class) over the test rows with probabilities (p clipped below at 1e-15,
     *                    scikit-learn's clip; a row of a class the training set lacks has p = 0); null without
     * @param seconds     wall seconds of the fit
     */
    public record ClassEvaluation(TrainTest set, KernelSvmModel model, double trainAccuracy, double testAccuracy,
                                  Double testLogLoss, double seconds) {
    }

    /**
     * Fits {@code svm} on {@code set.train()}, whose labels are class indices, and evaluates it on its training
     * and test rows (a test label that is no class index of the training set, e.g. -1, is never predicted).
     */
    public static ClassEvaluation evaluateClasses(SparkSession spark, TrainTest set, KernelSvmClassifier svm,
                                                  int partitions, Consumer<String> log) {
        long start = System.nanoTime();
        KernelSvmModel model = svm.fit(SampleBlocks.rows(spark, set.train(), partitions));
        double seconds = (System.nanoTime() - start) / 1e9;
        double trainAccuracy = accuracy(predicted(model, spark, set.train(), partitions), set.train().y());
        List<Row> test = predicted(model, spark, set.test(), partitions);
        double testAccuracy = accuracy(test, set.test().y());
        Double logLoss = null;
        if (model.hasProbabilities()) {
            double sum = 0;
            for (int i = 0; i < test.size(); i++) {
                int label = (int) set.test().y()[i];
                Vector p = test.get(i).getAs(1);
                sum -= Math.log(Math.max(label >= 0 && label < p.size() ? p.apply(label) : 0, 1e-15));
            }
            logLoss = sum / test.size();
        }
        log.accept(String.format("%s: %d classes, %d class pairs, %d support vectors, %.3f s; test accuracy %.4f",
                set.name(), model.numClasses(), model.summary().problems().size(), model.numSupportVectors(), seconds,
                testAccuracy));
        return new ClassEvaluation(set, model, trainAccuracy, testAccuracy, logLoss, seconds);
    }

    /** The rows' predictions (and probabilities, when the model has them), in the rows' order. */
    private static List<Row> predicted(KernelSvmModel model, SparkSession spark, LabeledData data, int partitions) {
        Dataset<Row> out = model.transform(SampleBlocks.rows(spark, data, partitions));
        return (model.hasProbabilities() ? out.select(model.getPredictionCol(), model.getProbabilityCol())
                : out.select(model.getPredictionCol())).collectAsList();
    }

    private static double accuracy(List<Row> predicted, double[] labels) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted.get(i).getDouble(0) == labels[i]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }

    /** A setting of the tables: the classifier whose kernel each cell sets, and what it is. */
    public record Setting(String name, KernelSvmClassifier svm, String description) {
    }

    /** The assignment's model, C=1, gamma=0.2, degree 3, coef0 0, solved as {@code svm}'s Params say. */
    public static Setting assignment(KernelSvmClassifier svm) {
        KernelSvmClassifier model = svm.copy(ParamMap.empty()).setC(1).setGamma(0.2).setDegree(3).setCoef0(0);
        return new Setting("assignment", model, String.format(
                "the assignment's model: C=1, gamma=0.2, degree=3, coef0=0; solver %s, bias rule %s, "
                        + "support vectors a > %s", model.getSolver(), model.getBiasRule(),
                BigDecimal.valueOf(model.getSvThreshold()).stripTrailingZeros().toPlainString()));
    }

    /** scikit-learn SVC's defaults, solved as SVC solves them. */
    public static Setting sklearn() {
        return new Setting("sklearn", new KernelSvmClassifier().setGamma("scale").setDegree(3).setCoef0(0).setC(1)
                .setSolver("smo").setTol(1e-3).setBiasRule("libsvm").setSvThreshold(0),
                "scikit-learn SVC's defaults: C=1, gamma=scale, degree=3, coef0=0; as SVC solves it: "
                        + "SMO with tol 1e-3, LIBSVM's bias, support vectors a > 0");
    }

    /**
     * One table: test accuracy per data set (rows, in the order given) and kernel (columns), and the
     * evaluations, row by row.
     */
    public record Table(Setting setting, Map<String, Map<String, Double>> accuracy, List<Evaluation> runs) {
    }

    /**
     * The table of {@code setting} over {@code sets}; {@code extra} gives each set's extra points; {@code log} hears
     * the fits' progress lines ({@link KernelSvmClassifier#setProgressListener}).
     */
    public static Table table(SparkSession spark, List<TrainTest> sets, Setting setting,
                              Function<TrainTest, double[][]> extra, int partitions, Consumer<String> log) {
        Map<String, Map<String, Double>> accuracy = new LinkedHashMap<>();
        List<Evaluation> runs = new ArrayList<>();
        for (TrainTest set : sets) {
            Map<String, Double> row = new LinkedHashMap<>();
            for (String kernelName : TABLE_KERNELS) {
                Evaluation e = evaluate(spark, set, setting.svm().copy(ParamMap.empty()).setKernel(kernelName)
                        .setProgressListener(log), extra.apply(set), partitions, log);
                row.put(kernelName, e.testAccuracy());
                runs.add(e);
            }
            accuracy.put(set.name(), row);
        }
        return new Table(setting, accuracy, runs);
    }
}
