package mlspark.cli.metrics;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import mlspark.ml.KernelSvmExperiments;
import mlspark.training.CascadeSvmTrainer;

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
            return new Run(setting, e.testAccuracy(), e.trainAccuracy(), e.model().size(), e.model().b(),
                    e.solution().dualObjective(), e.solution().solver(), e.solution().iterations(), e.solution().seconds(),
                    e.solution().kktResidual(), e.solution().status(), e.gramSeconds(),
                    e.cascade() == null ? null : Cascade.of(e.training().cascade().partitions(), e.cascade()),
                    new DataSizes(e.set().name(), e.set().train().size(), e.set().test().size(),
                            e.set().train().dimension()),
                    new Kernel(e.spec().name(), e.spec().gamma(),
                            e.spec().name().equals("linear") ? null : e.spec().gammaFor(e.set().train().x()),
                            e.spec().degree(), e.spec().coef0()),
                    e.kernel().describe(), config);
        }
    }

    /** The kernel as given ({@code gamma_option}: a number or "scale") and its gamma as resolved (null for linear). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Kernel(String name, String gammaOption, Double gamma, int degree, double coef0) {
    }

    /** The options of a single run; {@code max_iterations} null when not given, {@code cascade_partitions} only for the cascade. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Config(@JsonProperty("C0") double c0, @JsonProperty("C1") double c1, double svThreshold,
                         String biasRule, double eps, Integer maxIterations, int partitions,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer cascadePartitions) {
    }

    /** The cascade's passes, and per layer the sub-problems' sizes, their support vectors and seconds. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Cascade(int partitions, int passes, List<Pass> passHistory, List<Layer> layers) {
        public static Cascade of(int partitions, CascadeSvmTrainer.Result r) {
            return new Cascade(partitions, r.passes().size(),
                    r.passes().stream().map(p -> new Pass(p.pass(), p.dualObjective(), p.maximalViolation(),
                            p.supportVectors(), p.violators(), p.changed(), p.checkSeconds(), p.seconds())).toList(),
                    r.layers().stream().map(l -> new Layer(l.pass(), l.layer(), l.where(), l.sizes(), l.supportVectors(),
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
            KernelSvmExperiments.Training training = t.setting().training();
            return new Table(t.setting().description(), training.solverName(), training.rule().optionName(),
                    training.threshold(), t.accuracy());
        }
    }

    /** The metrics of --all: both tables and their 32 runs. */
    public record Tables(Table assignment, Table sklearn, List<Run> runs) {
    }
}
