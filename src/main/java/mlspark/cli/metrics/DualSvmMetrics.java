package mlspark.cli.metrics;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import mlspark.kernel.KernelSpec;
import mlspark.ml.KernelSvmClassifier;
import mlspark.ml.KernelSvmExperiments;
import mlspark.ml.KernelSvmModel;
import mlspark.ml.KernelSvmParams;
import mlspark.ml.KernelSvmTrainingSummary;
import mlspark.svm.dual.DualSolution;

/** metrics.json of {@code dual-svm} (after {@code job}, before {@code provenance}): one {@link Run}, or with --all {@link Tables}. */
public final class DualSvmMetrics {
    private DualSvmMetrics() {
    }

    /**
     * One trained model: the job's metrics without --all (with {@code config}), an entry of
     * {@code runs} with it (with {@code setting}).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Run(@JsonInclude(JsonInclude.Include.NON_NULL) String setting, double testAccuracy,
                      double trainAccuracy, int nSupport, double b, double dualObjective, String solver, int iterations,
                      double seconds, double kktResidual, String solverStatus, double gramSeconds,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Cascade cascade, DataSizes data, Kernel kernel,
                      String kernelFormula, @JsonInclude(JsonInclude.Include.NON_NULL) Config config) {

        public static Run of(String setting, KernelSvmExperiments.Evaluation e, Config config) {
            KernelSvmModel model = e.model();
            KernelSvmTrainingSummary.Problem problem = e.summary().problem();
            DualSolution solution = problem.solution();
            KernelSpec kernel = model.resolvedKernel();
            return new Run(setting, e.testAccuracy(), e.trainAccuracy(), model.numSupportVectors(), model.intercept(),
                    solution.dualObjective(), solution.solver(), solution.iterations(), solution.seconds(),
                    solution.kktResidual(), solution.status(), problem.gramSeconds(),
                    model.getSolver().equals("cascade") ? Cascade.of(model.getCascadePartitions(), problem) : null,
                    new DataSizes(e.set().name(), e.set().train().size(), e.set().test().size(),
                            e.set().train().dimension()),
                    new Kernel(kernel.name(), model.getGamma(), kernel.name().equals("linear") ? null : e.summary().gamma(),
                            kernel.degree(), kernel.coef0()),
                    e.kernel().describe(), config);
        }
    }

    /**
     * One model of K classes (one-vs-one): the job's metrics for a multi-class training set. {@code classes}:
     * the label values of the files in class-index order (LIBSVM's: first appearance in the training set);
     * {@code seconds} the wall seconds of the fit, {@code iterations} the pairs' iterations summed; each pair's
     * figures in {@code pairs}; {@code test_log_loss} with --probability.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Classes(double testAccuracy, double trainAccuracy,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Double testLogLoss, double[] classes, int nSupport,
                          String solver, int iterations, double seconds, List<Pair> pairs, DataSizes data, Kernel kernel,
                          String kernelFormula, Config config) {
        public static Classes of(KernelSvmExperiments.ClassEvaluation e, double[] classes, Config config) {
            KernelSvmModel model = e.model();
            KernelSvmTrainingSummary summary = model.summary();
            KernelSpec kernel = model.resolvedKernel();
            return new Classes(e.testAccuracy(), e.trainAccuracy(), e.testLogLoss(), classes, model.numSupportVectors(),
                    summary.problems().get(0).solution().solver(), summary.totalIterations(), e.seconds(),
                    summary.problems().stream().map(p -> new Pair(new double[]{classes[p.positiveClass()],
                            classes[p.negativeClass()]}, p.rows(), p.numSupportVectors(), p.iterations(),
                            p.dualObjective(), p.seconds())).toList(),
                    new DataSizes(e.set().name(), e.set().train().size(), e.set().test().size(),
                            e.set().train().dimension()),
                    new Kernel(kernel.name(), model.getGamma(), kernel.name().equals("linear") ? null : summary.gamma(),
                            kernel.degree(), kernel.coef0()),
                    kernel.kernel(new double[0][]).describe(), config);
        }
    }

    /** A class pair's binary problem: its two classes (label values; the first is +1), its figures and solver seconds. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Pair(double[] classes, int rows, int nSupport, int iterations, double dualObjective, double seconds) {
    }

    /** The kernel as given ({@code gamma_option}: a number or "scale") and its gamma as resolved (null for linear). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Kernel(String name, String gammaOption, Double gamma, int degree, double coef0) {
    }

    /** The Params of a single run; {@code max_iterations} null when not set, {@code cascade_partitions} only for the cascade. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Config(@JsonProperty("C0") double c0, @JsonProperty("C1") double c1, double svThreshold,
                         String biasRule, double eps, Integer maxIterations, int partitions,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer cascadePartitions) {
        /** {@code svm}'s Params, its training rows in {@code partitions} partitions. */
        public static Config of(KernelSvmParams svm, int partitions) {
            return new Config(svm.getC0(), svm.getC1(), svm.getSvThreshold(), svm.getBiasRule(), svm.getTol(),
                    svm.getMaxIter(), partitions, svm.getSolver().equals("cascade") ? svm.getCascadePartitions() : null);
        }
    }

    /** The cascade's passes, and per layer the sub-problems' sizes, their support vectors and seconds. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Cascade(int partitions, int passes, List<Pass> passHistory, List<Layer> layers) {
        public static Cascade of(int partitions, KernelSvmTrainingSummary.Problem r) {
            return new Cascade(partitions, r.cascadePasses().size(),
                    r.cascadePasses().stream().map(p -> new Pass(p.pass(), p.dualObjective(), p.maximalViolation(),
                            p.supportVectors(), p.violators(), p.changed(), p.checkSeconds(), p.seconds())).toList(),
                    r.cascadeLayers().stream().map(l -> new Layer(l.pass(), l.layer(), l.where(), l.sizes(), l.supportVectors(),
                            l.seconds())).toList());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Pass(int pass, double dualObjective, double maximalViolation, int supportVectors, int violators,
                       int changed, double checkSeconds, double seconds) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Layer(int pass, int layer, String where, int[] sizes, int[] supportVectors, double seconds) {
    }

    /** One table of --all: its setting and the accuracies, {data set: {kernel: accuracy}} as table.json. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Table(String description, String solver, String biasRule, double svThreshold,
                        Map<String, Map<String, Double>> table) {
        public static Table of(KernelSvmExperiments.Table t) {
            KernelSvmClassifier svm = t.setting().svm();
            return new Table(t.setting().description(), svm.getSolver(), svm.getBiasRule(), svm.getSvThreshold(),
                    t.accuracy());
        }
    }

    /** The metrics of --all: both tables and their 32 runs. */
    public record Tables(Table assignment, Table sklearn, List<Run> runs) {
    }
}
