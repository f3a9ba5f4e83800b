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

import mlspark.data.TrainTest;
import mlspark.kernel.Kernel;
import mlspark.kernel.KernelSpec;
import mlspark.training.CascadeSvmTrainer;
import mlspark.distributed.DistributedGram;
import mlspark.training.DualSvmTrainer;
import mlspark.sources.SampleRdds;
import mlspark.svm.ClassCosts;
import mlspark.svm.dual.BiasRule;
import mlspark.svm.dual.DualSolution;
import mlspark.svm.dual.DualSolver;
import mlspark.svm.dual.KernelSvmModel;
import mlspark.svm.dual.SmoSolver;

/**
 * The {@code dual-svm} experiments: a kernel SVM trained by its dual on a train/test split and
 * evaluated in one Spark pass over its training, test and extra (plot) points; and the assignment's
 * tables of test accuracy, toy sets x {@link #TABLE_KERNELS}, for a model setting.
 */
public final class KernelSvmExperiments {
    /** The kernels of the tables, in their column order. */
    public static final List<String> TABLE_KERNELS = List.of("linear", "poly", "sigmoid", "rbf");

    private KernelSvmExperiments() {
    }

    /**
     * How a model is trained: a driver-side solver, or (solver null) the Cascade SVM with its
     * settings; support vectors are the a_i > threshold, b by the rule.
     */
    public record Training(DualSolver solver, CascadeSvmTrainer.Settings cascade, BiasRule rule, double threshold) {
        public String solverName() {
            return solver == null ? "cascade" : solver.name();
        }
    }

    /** The training {@code svm}'s Params set, for {@code n} training points. */
    public static Training training(KernelSvmClassifier svm, int n) {
        boolean cascade = svm.getSolver().equals("cascade");
        return new Training(cascade ? null : svm.dualSolver(n), cascade ? svm.cascadeSettings() : null,
                BiasRule.parse(svm.getBiasRule()), svm.getSvThreshold());
    }

    /**
     * A trained model and how it does.
     *
     * @param kernel         the kernel, gamma resolved on the training set
     * @param gramSeconds    seconds Spark spent on the Gram matrix (0 for the cascade)
     * @param cascade        the cascade's passes and layers; null for a driver-side solver
     * @param extraDecision  h(x) at the extra points
     */
    public record Evaluation(TrainTest set, KernelSpec spec, Training training, Kernel kernel, KernelSvmModel model,
                             DualSolution solution, double gramSeconds, CascadeSvmTrainer.Result cascade, double trainAccuracy,
                             double testAccuracy, double[] extraDecision) {
    }

    /**
     * Trains on {@code set.train()} and evaluates h on its training points (the cascade brings its
     * own), its test points and {@code extra}, all in one Spark pass.
     */
    public static Evaluation evaluate(JavaSparkContext sc, TrainTest set, KernelSpec spec, ClassCosts costs,
                                      Training training, double[][] extra, int partitions, Consumer<String> log) {
        Kernel k = spec.kernel(set.train().x());
        KernelSvmModel model;
        DualSolution solution;
        double gramSeconds = 0;
        CascadeSvmTrainer.Result cascaded = null;
        if (training.solver() == null) {
            cascaded = CascadeSvmTrainer.train(SampleRdds.samples(sc, set.train(), partitions), k, costs,
                    training.cascade(), training.threshold(), training.rule(), log);
            model = cascaded.model();
            solution = cascaded.solution().requireConverged();
        } else {
            DualSvmTrainer.Fit fit = DualSvmTrainer.train(sc, set.train(), k, costs, training.solver(),
                    training.threshold(), training.rule(), partitions, log);
            model = fit.model();
            solution = fit.solution();
            gramSeconds = fit.gramSeconds();
        }
        int nTrain = set.train().size();
        int nTest = set.test().size();
        int nEvaluated = cascaded == null ? nTrain : 0;
        double[][] points = new double[nEvaluated + nTest + extra.length][];
        System.arraycopy(set.train().x(), 0, points, 0, nEvaluated);
        System.arraycopy(set.test().x(), 0, points, nEvaluated, nTest);
        System.arraycopy(extra, 0, points, nEvaluated + nTest, extra.length);
        double[] evaluated = DistributedGram.decisionValues(sc, model, points, partitions);
        double[] h = evaluated;
        if (cascaded != null) {
            h = new double[nTrain + evaluated.length];
            System.arraycopy(cascaded.trainingDecision(), 0, h, 0, nTrain);
            System.arraycopy(evaluated, 0, h, nTrain, evaluated.length);
        }
        double trainAccuracy = KernelSvmModel.accuracy(Arrays.copyOfRange(h, 0, nTrain), set.train().y());
        double testAccuracy = KernelSvmModel.accuracy(Arrays.copyOfRange(h, nTrain, nTrain + nTest), set.test().y());
        log.accept(String.format("%s %s: %s %d iterations %.3f s, KKT residual %.2e, %d support vectors, b = %.6g, "
                        + "test accuracy %.4f", set.name(), k.describe(), solution.solver(), solution.iterations(),
                solution.seconds(), solution.kktResidual(), model.size(), model.b(), testAccuracy));
        return new Evaluation(set, spec, training, k, model, solution, gramSeconds, cascaded, trainAccuracy, testAccuracy,
                Arrays.copyOfRange(h, nTrain + nTest, h.length));
    }

    /** A model setting of the tables: the kernels' gamma (degree 3, coef0 0, C = 1) and the training. */
    public record Setting(String name, String gamma, Training training, String description) {
    }

    /** The assignment's model, C=1, gamma=0.2, degree 3, coef0 0, trained as {@code training} says. */
    public static Setting assignment(Training training) {
        return new Setting("assignment", "0.2", training, String.format(
                "the assignment's model: C=1, gamma=0.2, degree=3, coef0=0; solver %s, bias rule %s, "
                        + "support vectors a > %s", training.solverName(), training.rule().optionName(),
                BigDecimal.valueOf(training.threshold()).stripTrailingZeros().toPlainString()));
    }

    /** scikit-learn SVC's defaults, solved as SVC solves them. */
    public static Setting sklearn() {
        return new Setting("sklearn", KernelSpec.SCALE,
                new Training(new SmoSolver(SmoSolver.Settings.defaults()), null, BiasRule.LIBSVM, 0),
                "scikit-learn SVC's defaults: C=1, gamma=scale, degree=3, coef0=0; as SVC solves it: "
                        + "SMO with tol 1e-3, LIBSVM's bias, support vectors a > 0");
    }

    /**
     * One table: test accuracy per data set (rows, in the order given) and kernel (columns), and the
     * evaluations, row by row.
     */
    public record Table(Setting setting, Map<String, Map<String, Double>> accuracy, List<Evaluation> runs) {
    }

    /** The table of {@code setting} over {@code sets}; {@code extra} gives each set's extra points. */
    public static Table table(JavaSparkContext sc, List<TrainTest> sets, Setting setting,
                              Function<TrainTest, double[][]> extra, int partitions, Consumer<String> log) {
        Map<String, Map<String, Double>> accuracy = new LinkedHashMap<>();
        List<Evaluation> runs = new ArrayList<>();
        for (TrainTest set : sets) {
            Map<String, Double> row = new LinkedHashMap<>();
            for (String kernelName : TABLE_KERNELS) {
                Evaluation e = evaluate(sc, set, KernelSpec.parse(kernelName, setting.gamma(), 3, 0),
                        ClassCosts.symmetric(1), setting.training(), extra.apply(set), partitions, log);
                row.put(kernelName, e.testAccuracy());
                runs.add(e);
            }
            accuracy.put(set.name(), row);
        }
        return new Table(setting, accuracy, runs);
    }
}
