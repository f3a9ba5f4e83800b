package mlspark.ml;

import java.util.NoSuchElementException;

import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import mlspark.nn.Matrix;
import mlspark.nn.Precision;
import mlspark.nn.TwoLayerNet;

/**
 * A two-layer net trained by {@link TwoLayerNetClassifier}: rawPrediction = the class scores,
 * probability = their softmax, prediction = the class of the largest.
 */
public final class TwoLayerNetModel extends ProbabilisticClassificationModel<Vector, TwoLayerNetModel>
        implements TwoLayerNetParams, MLWritable {
    private static final long serialVersionUID = 1L;
    private static final StructType DATA = new StructType()
            .add("inputSize", DataTypes.IntegerType, false)
            .add("hiddenSize", DataTypes.IntegerType, false)
            .add("numClasses", DataTypes.IntegerType, false)
            .add("precision", DataTypes.StringType, false)
            .add("parameters", SQLDataTypes.VectorType(), false);

    private String uid;
    private final Fields fields = Fields.of(uid());
    private final TwoLayerNet net;
    private transient TwoLayerNetTrainingSummary summary;

    public TwoLayerNetModel(String uid, TwoLayerNet net) {
        this(Uids.hold(uid), net);
    }

    private TwoLayerNetModel(Uids.Held held, TwoLayerNet net) {
        this.net = net;
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

    /** The net: W1, b1, W2, b2. */
    public TwoLayerNet net() {
        return net;
    }

    @Override
    public int numFeatures() {
        return net.inputSize();
    }

    @Override
    public int numClasses() {
        return net.classes();
    }

    @Override
    public Vector predictRaw(Vector features) {
        double[] x = TrainingRows.features(features, getFeaturesCol(), numFeatures());
        Matrix scores = net.scores(net.precision().of(1, x.length, x));
        double[] raw = new double[net.classes()];
        for (int c = 0; c < raw.length; c++) {
            raw[c] = scores.get(0, c);
        }
        return new DenseVector(raw);
    }

    /** Softmax, shifted by the largest score. */
    @Override
    public Vector raw2probabilityInPlace(Vector rawPrediction) {
        double[] v = ((DenseVector) rawPrediction).values();
        double max = Double.NEGATIVE_INFINITY;
        for (double s : v) {
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < v.length; c++) {
            v[c] = Math.exp(v[c] - max);
            sum += v[c];
        }
        for (int c = 0; c < v.length; c++) {
            v[c] /= sum;
        }
        return rawPrediction;
    }

    /** Resolves the clash javac sees between the Scala superclasses' two covariant declarations. */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public scala.Tuple3 findSummaryModel() {
        return super.findSummaryModel();
    }

    TwoLayerNetModel setSummary(TwoLayerNetTrainingSummary summary) {
        this.summary = summary;
        return this;
    }

    /** Whether this model has a training summary (a loaded model has none). */
    public boolean hasSummary() {
        return summary != null;
    }

    public TwoLayerNetTrainingSummary summary() {
        if (summary == null) {
            throw new NoSuchElementException("no training summary for this TwoLayerNetModel (" + uid() + ")");
        }
        return summary;
    }

    @Override
    public TwoLayerNetModel copy(ParamMap extra) {
        TwoLayerNetModel copy = copyValues(new TwoLayerNetModel(uid(), net), extra);
        copy.summary = summary;
        return copy.setParent(parent());
    }

    /** The parameters as doubles (exact for float32 too). */
    @Override
    public MLWriter write() {
        Row row = RowFactory.create(net.inputSize(), net.hiddenSize(), net.classes(), net.precision().label(),
                new DenseVector(net.params().toDoubles()));
        return new ParquetModelIo.Writer(this, DATA, row);
    }

    public static MLReader<TwoLayerNetModel> read() {
        return new ParquetModelIo.Reader<>(TwoLayerNetModel.class, (uid, row) -> {
            Precision p = Precision.parse(row.getAs("precision"));
            double[] params = ((Vector) row.getAs("parameters")).toArray();
            return new TwoLayerNetModel(uid, new TwoLayerNet(row.<Integer>getAs("inputSize"),
                    row.<Integer>getAs("hiddenSize"), row.<Integer>getAs("numClasses"), p.of(1, params.length, params)));
        });
    }

    public static TwoLayerNetModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "TwoLayerNetModel: uid=" + uid() + ", " + net.inputSize() + "-" + net.hiddenSize() + "-" + net.classes();
    }
}
