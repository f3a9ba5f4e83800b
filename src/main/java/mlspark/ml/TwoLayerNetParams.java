package mlspark.ml;

import java.io.Serializable;

import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;

import mlspark.nn.Precision;
import mlspark.nn.Solver;
import mlspark.nn.TwoLayerNet;
import mlspark.nn.UpdateRule;

/**
 * Params of {@link TwoLayerNetClassifier} and {@link TwoLayerNetModel}: every option of the
 * {@code two-layer-net} job; defaults are the assignment's Q5 settings.
 */
public interface TwoLayerNetParams extends Params {
    String[] INITS = {"gaussian", "he"};
    String[] PRECISIONS = {"float64", "float32"};
    String[] UPDATES = {"sgd", "momentum", "adam"};

    /** The Param objects, made once per instance with its uid. */
    record Fields(IntParam hiddenSize, Param<String> init, DoubleParam weightScale, Param<String> precision,
                  IntParam maxIter, IntParam batchSize, DoubleParam stepSize, DoubleParam decay, Param<String> update,
                  DoubleParam momentum, DoubleParam beta1, DoubleParam beta2, DoubleParam weightDecay,
                  IntParam localSteps, DoubleParam validationFraction, IntParam trainSubset, LongParam seed)
            implements Serializable {
        static Fields of(String uid) {
            return new Fields(
                    new IntParam(uid, "hiddenSize", "hidden units (>= 1)", ParamValidators.gtEq(1)),
                    new Param<>(uid, "init", "initial weights: gaussian (N(0, weightScale^2)) or he (N(0, 2/fan_in)); "
                            + "biases 0", ParamValidators.inArray(INITS)),
                    new DoubleParam(uid, "weightScale", "standard deviation of the gaussian init (> 0)",
                            ParamValidators.gt(0)),
                    new Param<>(uid, "precision", "float64 (dgemm) or float32 (sgemm)", ParamValidators.inArray(PRECISIONS)),
                    new IntParam(uid, "maxIter", "epochs (>= 1)", ParamValidators.gtEq(1)),
                    new IntParam(uid, "batchSize", "rows per mini-batch, drawn uniformly with replacement (>= 1)",
                            ParamValidators.gtEq(1)),
                    new DoubleParam(uid, "stepSize", "learning rate (> 0)", ParamValidators.gt(0)),
                    new DoubleParam(uid, "decay", "learning-rate factor after each epoch (> 0)", ParamValidators.gt(0)),
                    new Param<>(uid, "update", "update rule: sgd, momentum or adam", ParamValidators.inArray(UPDATES)),
                    new DoubleParam(uid, "momentum", "momentum of the momentum rule, in [0, 1)",
                            ParamValidators.inRange(0, 1, true, false)),
                    new DoubleParam(uid, "beta1", "Adam's first-moment decay, in [0, 1)",
                            ParamValidators.inRange(0, 1, true, false)),
                    new DoubleParam(uid, "beta2", "Adam's second-moment decay, in [0, 1)",
                            ParamValidators.inRange(0, 1, true, false)),
                    new DoubleParam(uid, "weightDecay", "L2 weight decay 0.5*weightDecay*(|W1|^2+|W2|^2) (>= 0)",
                            ParamValidators.inRange(0, Double.MAX_VALUE)),
                    new IntParam(uid, "localSteps", "1: synchronous mini-batch SGD; K > 1: local SGD, K steps per "
                            + "partition between averaging rounds", ParamValidators.gtEq(1)),
                    new DoubleParam(uid, "validationFraction", "fraction of the rows, the last ones, held out for "
                            + "validation; the net with the best validation accuracy is kept, in (0, 1)",
                            ParamValidators.inRange(0, 1, false, false)),
                    new IntParam(uid, "trainSubset", "random training rows for the training accuracy of the "
                            + "history (>= 1)", ParamValidators.gtEq(1)),
                    new LongParam(uid, "seed", "seed of the initial weights and the mini-batches"));
        }

        /** The {@code two-layer-net} job's defaults (validation: its 5,000 of MNIST's 60,000 rows). */
        void setDefaults(TwoLayerNetParams owner) {
            owner.setDefault(hiddenSize, 100);
            owner.setDefault(init, "gaussian");
            owner.setDefault(weightScale, 1e-3);
            owner.setDefault(precision, "float64");
            owner.setDefault(maxIter, 5);
            owner.setDefault(batchSize, 100);
            owner.setDefault(stepSize, 1e-3);
            owner.setDefault(decay, 0.95);
            owner.setDefault(update, "sgd");
            owner.setDefault(momentum, 0.9);
            owner.setDefault(beta1, 0.9);
            owner.setDefault(beta2, 0.999);
            owner.setDefault(weightDecay, 0.0);
            owner.setDefault(localSteps, 1);
            owner.setDefault(validationFraction, 5000.0 / 60000);
            owner.setDefault(trainSubset, 1000);
            owner.setDefault(seed, 0L);
        }
    }

    Fields twoLayerNetFields();

    default IntParam hiddenSize() {
        return twoLayerNetFields().hiddenSize();
    }

    default Param<String> init() {
        return twoLayerNetFields().init();
    }

    default DoubleParam weightScale() {
        return twoLayerNetFields().weightScale();
    }

    default Param<String> precision() {
        return twoLayerNetFields().precision();
    }

    default IntParam maxIter() {
        return twoLayerNetFields().maxIter();
    }

    default IntParam batchSize() {
        return twoLayerNetFields().batchSize();
    }

    default DoubleParam stepSize() {
        return twoLayerNetFields().stepSize();
    }

    default DoubleParam decay() {
        return twoLayerNetFields().decay();
    }

    default Param<String> update() {
        return twoLayerNetFields().update();
    }

    default DoubleParam momentum() {
        return twoLayerNetFields().momentum();
    }

    default DoubleParam beta1() {
        return twoLayerNetFields().beta1();
    }

    default DoubleParam beta2() {
        return twoLayerNetFields().beta2();
    }

    default DoubleParam weightDecay() {
        return twoLayerNetFields().weightDecay();
    }

    default IntParam localSteps() {
        return twoLayerNetFields().localSteps();
    }

    default DoubleParam validationFraction() {
        return twoLayerNetFields().validationFraction();
    }

    default IntParam trainSubset() {
        return twoLayerNetFields().trainSubset();
    }

    default LongParam seed() {
        return twoLayerNetFields().seed();
    }

    default int getHiddenSize() {
        return (Integer) getOrDefault(hiddenSize());
    }

    default String getInit() {
        return getOrDefault(init());
    }

    default double getWeightScale() {
        return (Double) getOrDefault(weightScale());
    }

    default String getPrecision() {
        return getOrDefault(precision());
    }

    default int getMaxIter() {
        return (Integer) getOrDefault(maxIter());
    }

    default int getBatchSize() {
        return (Integer) getOrDefault(batchSize());
    }

    default double getStepSize() {
        return (Double) getOrDefault(stepSize());
    }

    default double getDecay() {
        return (Double) getOrDefault(decay());
    }

    default String getUpdate() {
        return getOrDefault(update());
    }

    default double getMomentum() {
        return (Double) getOrDefault(momentum());
    }

    default double getBeta1() {
        return (Double) getOrDefault(beta1());
    }

    default double getBeta2() {
        return (Double) getOrDefault(beta2());
    }

    default double getWeightDecay() {
        return (Double) getOrDefault(weightDecay());
    }

    default int getLocalSteps() {
        return (Integer) getOrDefault(localSteps());
    }

    default double getValidationFraction() {
        return (Double) getOrDefault(validationFraction());
    }

    default int getTrainSubset() {
        return (Integer) getOrDefault(trainSubset());
    }

    default long getSeed() {
        return (Long) getOrDefault(seed());
    }

    /** The solver's configuration the Params give. */
    default Solver.Config solverConfig() {
        UpdateRule rule = switch (getUpdate()) {
            case "momentum" -> new UpdateRule.Momentum(getMomentum());
            case "adam" -> new UpdateRule.Adam(getBeta1(), getBeta2(), 1e-8);
            default -> new UpdateRule.Sgd();
        };
        return new Solver.Config(getMaxIter(), getBatchSize(), getStepSize(), getDecay(), rule, getWeightDecay(),
                getLocalSteps(), getTrainSubset(), getSeed());
    }

    /** The untrained net of the Params for {@code inputs} features and {@code classes} classes. */
    default TwoLayerNet initialNet(int inputs, int classes) {
        return TwoLayerNet.initialize(inputs, getHiddenSize(), classes, Precision.parse(getPrecision()),
                getInit().equals("he") ? TwoLayerNet.Init.HE : TwoLayerNet.Init.GAUSSIAN, getWeightScale(), getSeed());
    }
}
