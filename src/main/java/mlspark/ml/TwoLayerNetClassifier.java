package mlspark.ml;

import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.classification.ProbabilisticClassifier;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.apache.spark.sql.functions.col;

import mlspark.nn.LabeledRows;
import mlspark.nn.Matrix;
import mlspark.nn.Precision;
import mlspark.nn.Solver;
import mlspark.spark.DistributedNetData;

/**
 * The assignment's two-layer net (affine - ReLU - affine - softmax) trained by the
 * {@code two-layer-net} job's solver: mini-batch gradients summed over cached row blocks on the
 * executors, the best net on the held-out validation rows kept. The solver draws mini-batches by
 * global row index, so the rows are gathered on the driver once and shipped to the executors'
 * blocks ({@link DistributedNetData}). Labels are class indices 0..K-1.
 */
public final class TwoLayerNetClassifier
        extends ProbabilisticClassifier<Vector, TwoLayerNetClassifier, TwoLayerNetModel>
        implements TwoLayerNetParams, DefaultParamsWritable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TwoLayerNetClassifier.class);

    private String uid;
    private final Fields fields = Fields.of(uid());

    public TwoLayerNetClassifier() {
        this(Uids.hold(null));
    }

    public TwoLayerNetClassifier(String uid) {
        this(Uids.hold(uid));
    }

    private TwoLayerNetClassifier(Uids.Held held) {
        fields.setDefaults(this);
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

    public TwoLayerNetClassifier setTrainSubset(int value) {
        set(trainSubset(), value);
        return this;
    }

    public TwoLayerNetClassifier setSeed(long value) {
        set(seed(), value);
        return this;
    }

    /** The training and validation rows (the last validationFraction of the rows) in the dataset's order. */
    LabeledRows[] trainingAndValidationRows(Dataset<?> dataset) {
        int d = TrainingRows.numFeatures(dataset, getFeaturesCol());
        List<Row> rows = dataset.select(col(getFeaturesCol()), col(getLabelCol()).cast("double")).collectAsList();
        int n = rows.size();
        int validation = (int) Math.round(n * getValidationFraction());
        if (validation < 1 || validation >= n) {
            throw new IllegalArgumentException("validationFraction: " + getValidationFraction() + " of " + n
                    + " rows leaves " + validation + " for validation and " + (n - validation)
                    + " for training; both need at least one");
        }
        Precision p = Precision.parse(getPrecision());
        LabeledRows[] parts = new LabeledRows[2];
        int from = 0;
        for (int k = 0; k < 2; k++) {
            int to = k == 0 ? n - validation : n;
            Matrix x = p.zeros(to - from, d);
            int[] y = new int[to - from];
            for (int i = from; i < to; i++) {
                double[] features = TrainingRows.features(rows.get(i).get(0), getFeaturesCol(), d);
                for (int j = 0; j < d; j++) {
                    x.set((i - from) * d + j, features[j]);
                }
                y[i - from] = (int) rows.get(i).getDouble(1);
            }
            parts[k] = new LabeledRows(x, y);
            from = to;
        }
        return parts;
    }

    @Override
    public TwoLayerNetModel train(Dataset<?> dataset) {
        int classes = TrainingRows.requireClassIndices(dataset, getLabelCol());
        LabeledRows[] rows = trainingAndValidationRows(dataset);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
        int partitions = Math.max(1, dataset.javaRDD().getNumPartitions());
        try (DistributedNetData data = new DistributedNetData(sc, rows[0], rows[1], null, partitions)) {
            Solver.Result result = new Solver(solverConfig()).train(initialNet(rows[0].dimension(), classes), data,
                    (c, net) -> LOG.info(String.format("epoch %d: mean loss %.4f, train acc %.4f, val acc %.4f",
                            c.epoch(), c.meanLoss(), c.trainAccuracy(), c.validationAccuracy())));
            return new TwoLayerNetModel(uid(), result.best()).setSummary(new TwoLayerNetTrainingSummary(result));
        }
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
