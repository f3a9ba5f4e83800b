package mlspark.ml;

import java.io.Serializable;

import org.apache.spark.ml.param.BooleanParam;
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
 * Params of {@link TwoLayerNetClassifier} and {@link TwoLayerNetModel}, the options of the
 * {@code two-layer-net} job. The defaults learn on ordinary standardized data as scikit-learn's
 * MLPClassifier does (Adam at 1e-3, He initialization, up to 200 epochs with a stop when the
 * training loss stalls, the last net kept); {@link TwoLayerNetClassifier#assignment()} gives the
 * assignment's Q5 settings instead (the net of the best validation accuracy kept).
 */
public interface TwoLayerNetParams extends Params {
    String[] INITS = {"gaussian", "he"};
    String[] PRECISIONS = {"float64", "float32"};
    String[] UPDATES = {"sgd", "momentum", "adam"};

    /** The Param objects, made once per instance with its uid. */
    record Fields(IntParam hiddenSize, Param<String> init, DoubleParam weightScale, Param<String> precision,
                  IntParam maxIter, IntParam batchSize, DoubleParam stepSize, DoubleParam decay, Param<String> update,
                  DoubleParam momentum, DoubleParam beta1, DoubleParam beta2, DoubleParam weightDecay,
                  IntParam localSteps, DoubleParam validationFraction, IntParam validationRows, IntParam trainSubset,
                  BooleanParam earlyStopping, IntParam nIterNoChange, DoubleParam tol, LongParam seed)
            implements Serializable {
        static Fields of(String uid) {
            return new Fields(
                    ParamRules.atLeast(uid, "hiddenSize", "hidden units", 1),
                    ParamRules.oneOf(uid, "init", "initial weights: gaussian (N(0, weightScale^2)) or he (N(0, 2/fan_in)); "
                            + "biases 0", INITS),
                    ParamRules.positive(uid, "weightScale", "standard deviation of the gaussian init"),
                    ParamRules.oneOf(uid, "precision", "float64 (dgemm) or float32 (sgemm)", PRECISIONS),
                    ParamRules.atLeast(uid, "maxIter", "epochs at most", 1),
                    ParamRules.atLeast(uid, "batchSize", "rows per mini-batch, drawn uniformly with replacement", 1),
                    ParamRules.positive(uid, "stepSize", "learning rate"),
                    ParamRules.positive(uid, "decay", "learning-rate factor after each epoch"),
                    ParamRules.oneOf(uid, "update", "update rule: sgd, momentum or adam", UPDATES),
                    ParamRules.fraction(uid, "momentum", "momentum of the momentum rule"),
                    ParamRules.fraction(uid, "beta1", "Adam's first-moment decay"),
                    ParamRules.fraction(uid, "beta2", "Adam's second-moment decay"),
                    ParamRules.nonNegative(uid, "weightDecay", "L2 weight decay 0.5*weightDecay*(|W1|^2+|W2|^2)"),
                    ParamRules.atLeast(uid, "localSteps", "1: synchronous mini-batch SGD; K > 1: local SGD, K steps per "
                            + "partition between averaging rounds", 1),
                    new DoubleParam(uid, "validationFraction", "fraction of the rows, the last ones, held out for "
                            + "validation (unless validationRows is set), in (0, 1)",
                            ParamValidators.inRange(0, 1, false, false)),
                    ParamRules.atLeast(uid, "validationRows", "rows held out for validation, the last ones, instead of "
                            + "validationFraction of them", 1),
                    ParamRules.atLeast(uid, "trainSubset", "random training rows for the training accuracy of the "
                            + "history", 1),
                    new BooleanParam(uid, "earlyStopping", "true: the net of the best validation accuracy is kept "
                            + "and nIterNoChange counts epochs without a validation accuracy gain; false: the last net is "
                            + "kept and nIterNoChange counts epochs without a training loss decrease"),
                    new IntParam(uid, "nIterNoChange", "stop once this many epochs in a row brought no progress by "
                            + "more than tol (see earlyStopping; 0: run all maxIter epochs)", ParamValidators.gtEq(0)),
                    ParamRules.nonNegative(uid, "tol", "the gain of validation accuracy (earlyStopping) or decrease "
                            + "of an epoch's mean training loss that counts as progress for nIterNoChange"),
                    new LongParam(uid, "seed", "seed of the initial weights and the mini-batches"));
        }

        /**
         * Defaults that learn on ordinary data, MLPClassifier's stopping rule (validation: 5,000 of
         * MNIST's 60,000 rows, for the history); the batch of 100 rows is the assignment's.
         */
        void setDefaults(TwoLayerNetParams owner) {
            owner.setDefault(hiddenSize, 100);
            owner.setDefault(init, "he");
            owner.setDefault(weightScale, 1e-3);
            owner.setDefault(precision, "float64");
            owner.setDefault(maxIter, 200);
            owner.setDefault(batchSize, 100);
            owner.setDefault(stepSize, 1e-3);
            owner.setDefault(decay, 1.0);
            owner.setDefault(update, "adam");
            owner.setDefault(momentum, 0.9);
            owner.setDefault(beta1, 0.9);
            owner.setDefault(beta2, 0.999);
            owner.setDefault(weightDecay, 0.0);
            owner.setDefault(localSteps, 1);
            owner.setDefault(validationFraction, 5000.0 / 60000);
            owner.setDefault(trainSubset, 1000);
            owner.setDefault(earlyStopping, false);
            owner.setDefault(nIterNoChange, 10);
            owner.setDefault(tol, 1e-4);
            owner.setDefault(seed, 0L);
        }

        /**
         * The assignment's Q5 settings: SGD at 1e-3 decayed x0.95 per epoch, N(0, 1e-6) weights, 5
         * epochs of 100-row batches, the net of the best validation accuracy kept.
         */
        void setAssignment(TwoLayerNetParams owner) {
            owner.set(init, "gaussian");
            owner.set(weightScale, 1e-3);
            owner.set(maxIter, 5);
            owner.set(batchSize, 100);
            owner.set(stepSize, 1e-3);
            owner.set(decay, 0.95);
            owner.set(update, "sgd");
            owner.set(earlyStopping, true);
            owner.set(nIterNoChange, 0);
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

    default IntParam validationRows() {
        return twoLayerNetFields().validationRows();
    }

    default BooleanParam earlyStopping() {
        return twoLayerNetFields().earlyStopping();
    }

    default IntParam nIterNoChange() {
        return twoLayerNetFields().nIterNoChange();
    }

    default DoubleParam tol() {
        return twoLayerNetFields().tol();
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

    /** Set or not: without it, validationFraction of the rows are held out. */
    default int getValidationRows() {
        return (Integer) getOrDefault(validationRows());
    }

    default boolean getEarlyStopping() {
        return (Boolean) getOrDefault(earlyStopping());
    }

    default int getNIterNoChange() {
        return (Integer) getOrDefault(nIterNoChange());
    }

    default double getTol() {
        return (Double) getOrDefault(tol());
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
                getLocalSteps(), getTrainSubset(), getSeed(), getEarlyStopping(), getNIterNoChange(), getTol());
    }

    /**
     * How many of {@code n} rows, the last ones, are held out for validation: validationRows if set,
     * else validationFraction of them; both parts need a row at least.
     */
    default int validationCount(long n) {
        boolean rows = isDefined(validationRows());
        long validation = rows ? getValidationRows() : Math.round(n * getValidationFraction());
        if (validation < 1 || validation >= n) {
            throw new mlspark.errors.InvalidParameterException(rows ? "validationRows" : "validationFraction",
                    (rows ? validation + " rows" : getValidationFraction() + " of the rows (" + validation + ")")
                            + " held out of " + n + " leaves " + (n - validation) + " for training; both need at least one");
        }
        return Math.toIntExact(validation);
    }

    /** The untrained net of the Params for {@code inputs} features and {@code classes} classes. */
    default TwoLayerNet initialNet(int inputs, int classes) {
        return TwoLayerNet.initialize(inputs, getHiddenSize(), classes, Precision.parse(getPrecision()),
                getInit().equals("he") ? TwoLayerNet.Init.HE : TwoLayerNet.Init.GAUSSIAN, getWeightScale(), getSeed());
    }
}
