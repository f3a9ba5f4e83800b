package mlspark.ml;

import java.util.function.Consumer;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.classification.ProbabilisticClassifier;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.apache.spark.sql.functions.col;

import mlspark.nn.Precision;
import mlspark.nn.Solver;
import mlspark.distributed.DistributedNetData;
import mlspark.optim.TrainingState;
import scala.Tuple2;

/**
 * The assignment's two-layer net (affine - ReLU - affine - softmax) trained by the
 * {@code two-layer-net} job's solver: mini-batch gradients summed over cached row blocks on the
 * executors, rows held out for validation (the last net kept, or with earlyStopping the best on
 * validation, as scikit-learn's MLPClassifier does). The solver draws mini-batches by
 * global row index: the rows are numbered and cut into contiguous blocks on the executors
 * ({@link DistributedNetData#split}); nothing is collected to the driver. Features dense or
 * sparse (densified row by row into the dense blocks). Labels are class indices 0..K-1.
 */
public final class TwoLayerNetClassifier
        extends ProbabilisticClassifier<Vector, TwoLayerNetClassifier, TwoLayerNetModel>
        implements TwoLayerNetParams, DefaultParamsWritable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TwoLayerNetClassifier.class);

    private String uid;
    private final Fields fields = Fields.of(uid());
    /** Hooks of one training (not Params: not saved, not copied). */
    private transient Consumer<? super TwoLayerNetTrainingSummary.Checkpoint> epochListener;
    private transient Consumer<? super TrainingState> stateListener;
    private transient Solver.State initialState;

    public TwoLayerNetClassifier() {
        this(Uids.hold(null));
    }

    public TwoLayerNetClassifier(String uid) {
        this(Uids.hold(uid));
    }

    private TwoLayerNetClassifier(Uids.Held held) {
        fields.setDefaults(this);
    }

    /**
     * The assignment's Q5 settings, one switch away from the defaults: SGD at step 1e-3 decayed
     * x0.95 per epoch, gaussian weights of scale 1e-3, 5 epochs of 100-row batches, no early stop.
     */
    public static TwoLayerNetClassifier assignment() {
        TwoLayerNetClassifier net = new TwoLayerNetClassifier();
        net.fields.setAssignment(net);
        return net;
    }

    @Override
    public String uid() {
        if (uid == null) {
            uid = Uids.take("twoLayerNet");
        }
        return uid;
    }

    @Override
    public Fields twoLayerNetFields() {
        return fields;
    }

    public TwoLayerNetClassifier setHiddenSize(int value) {
        set(hiddenSize(), value);
        return this;
    }

    public TwoLayerNetClassifier setInit(String value) {
        set(init(), value);
        return this;
    }

    public TwoLayerNetClassifier setWeightScale(double value) {
        set(weightScale(), value);
        return this;
    }

    public TwoLayerNetClassifier setPrecision(String value) {
        set(precision(), value);
        return this;
    }

    public TwoLayerNetClassifier setMaxIter(int value) {
        set(maxIter(), value);
        return this;
    }

    public TwoLayerNetClassifier setBatchSize(int value) {
        set(batchSize(), value);
        return this;
    }

    public TwoLayerNetClassifier setStepSize(double value) {
        set(stepSize(), value);
        return this;
    }

    public TwoLayerNetClassifier setDecay(double value) {
        set(decay(), value);
        return this;
    }

    public TwoLayerNetClassifier setUpdate(String value) {
        set(update(), value);
        return this;
    }

    public TwoLayerNetClassifier setMomentum(double value) {
        set(momentum(), value);
        return this;
    }

    public TwoLayerNetClassifier setBeta1(double value) {
        set(beta1(), value);
        return this;
    }

    public TwoLayerNetClassifier setBeta2(double value) {
        set(beta2(), value);
        return this;
    }

    public TwoLayerNetClassifier setWeightDecay(double value) {
        set(weightDecay(), value);
        return this;
    }

    public TwoLayerNetClassifier setLocalSteps(int value) {
        set(localSteps(), value);
        return this;
    }

    public TwoLayerNetClassifier setValidationFraction(double value) {
        set(validationFraction(), value);
        return this;
    }

    public TwoLayerNetClassifier setValidationRows(int value) {
        set(validationRows(), value);
        return this;
    }

    public TwoLayerNetClassifier setEarlyStopping(boolean value) {
        set(earlyStopping(), value);
        return this;
    }

    public TwoLayerNetClassifier setNIterNoChange(int value) {
        set(nIterNoChange(), value);
        return this;
    }

    public TwoLayerNetClassifier setTol(double value) {
        set(tol(), value);
        return this;
    }

    /** Hears of the evaluation after the first iteration and after each epoch. */
    public TwoLayerNetClassifier setEpochListener(Consumer<? super TwoLayerNetTrainingSummary.Checkpoint> listener) {
        this.epochListener = listener;
        return this;
    }

    /** Hears of the training state after each epoch (what a checkpoint holds: {@link #stateType()}). */
    public TwoLayerNetClassifier setStateListener(Consumer<? super TrainingState> listener) {
        this.stateListener = listener;
        return this;
    }

    /**
     * The next fit continues from {@code state} (a state heard by a state listener during a fit of
     * the same Params and data) instead of starting afresh; null: afresh.
     */
    public TwoLayerNetClassifier setInitialState(TrainingState state) {
        if (state != null && !(state instanceof Solver.State)) {
            throw new IllegalArgumentException("initial state: expected a " + stateType().getSimpleName() + ", got "
                    + state.getClass().getName());
        }
        this.initialState = (Solver.State) state;
        return this;
    }

    /** The type of the training states the state listener hears and {@link #setInitialState} takes. */
    public static Class<? extends TrainingState> stateType() {
        return Solver.State.class;
    }

    public TwoLayerNetClassifier setTrainSubset(int value) {
        set(trainSubset(), value);
        return this;
    }

    public TwoLayerNetClassifier setSeed(long value) {
        set(seed(), value);
        return this;
    }

    /**
     * The rows as cached blocks on the executors, in the dataset's order: the last
     * {@link #validationCount} of them for validation, the rest for training; a sparse vector is
     * densified row by row (the net's layers are dense matrix products). Only counts reach the driver.
     */
    DistributedNetData trainingAndValidationBlocks(Dataset<?> dataset, int d) {
        String featuresCol = getFeaturesCol();
        JavaRDD<Tuple2<double[], Integer>> rows = dataset.select(col(featuresCol), col(getLabelCol()).cast("double"))
                .toJavaRDD().map(r -> new Tuple2<>(TrainingRows.features(r.get(0), featuresCol, d), (int) r.getDouble(1)));
        try (DistributedNetData.Rows numbered = DistributedNetData.Rows.of(rows)) {
            int partitions = Math.max(1, rows.getNumPartitions());
            return DistributedNetData.split(numbered, validationCount(numbered.count()), null, d,
                    Precision.parse(getPrecision()), new double[]{0, 1}, partitions);
        }
    }

    @Override
    public TwoLayerNetModel train(Dataset<?> dataset) {
        int classes = TrainingRows.requireClassIndices(dataset, getLabelCol());
        int d = TrainingRows.numFeatures(dataset, getFeaturesCol());
        try (DistributedNetData data = trainingAndValidationBlocks(dataset, d)) {
            return fit(data, d, classes);
        }
    }

    /**
     * Trains on rows already cut into the net's cached blocks (training and validation rows, as
     * the {@code two-layer-net} job reads MNIST or a data source) of {@code dimension} features and
     * {@code classes} classes; the model holds the trained net (see earlyStopping), these Params and
     * the training summary.
     */
    public TwoLayerNetModel fit(DistributedNetData data, int dimension, int classes) {
        Consumer<? super TwoLayerNetTrainingSummary.Checkpoint> listener = epochListener != null ? epochListener
                : c -> LOG.info(String.format("epoch %d: mean loss %.4f, train acc %.4f, val acc %.4f",
                c.epoch(), c.meanLoss(), c.trainAccuracy(), c.validationAccuracy()));
        Solver.Result result = new Solver(solverConfig()).train(initialNet(dimension, classes), data,
                (c, net) -> listener.accept(TwoLayerNetTrainingSummary.Checkpoint.of(c)), initialState, stateListener);
        return copyValues(new TwoLayerNetModel(uid(), result.net()).setSummary(new TwoLayerNetTrainingSummary(result))
                .setParent(this), ParamMap.empty());
    }

    @Override
    public TwoLayerNetClassifier copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    public static MLReader<TwoLayerNetClassifier> read() {
        return new DefaultParamsReader<>();
    }

    public static TwoLayerNetClassifier load(String path) {
        return read().load(path);
    }
}
