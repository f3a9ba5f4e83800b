package mlspark.ml;

import java.util.NoSuchElementException;

import org.apache.spark.ml.classification.ClassificationModel;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import mlspark.svm.primal.LinearSvmModel;

/**
 * A linear SVM h(x) = w.x + b trained by {@link PrimalSvmClassifier}. As MLlib's LinearSVCModel:
 * rawPrediction = [-h(x), h(x)], prediction 1.0 where h(x) > 0, else 0.0.
 */
public final class PrimalSvmModel extends ClassificationModel<Vector, PrimalSvmModel>
        implements PrimalSvmParams, MLWritable {
    private static final long serialVersionUID = 1L;
    private static final StructType DATA = new StructType()
            .add("coefficients", SQLDataTypes.VectorType(), false)
            .add("intercept", DataTypes.DoubleType, false);

    private String uid;
    private final Fields fields = Fields.of(uid());
    private final LinearSvmModel linear;
    private transient PrimalSvmTrainingSummary summary;

    public PrimalSvmModel(String uid, LinearSvmModel linear) {
        this(Uids.hold(uid), linear);
    }

    private PrimalSvmModel(Uids.Held held, LinearSvmModel linear) {
        this.linear = linear;
        fields.setDefaults(this);
    }

    @Override
    public String uid() {
        if (uid == null) {
            uid = Uids.take("primalSvm");
        }
        return uid;
    }

    @Override
    public Fields primalSvmFields() {
        return fields;
    }

    /** The math model: w, b and its decision function. */
    public LinearSvmModel linearModel() {
        return linear;
    }

    public Vector coefficients() {
        return Vectors.dense(linear.w().clone());
    }

    public double intercept() {
        return linear.b();
    }

    @Override
    public int numFeatures() {
        return linear.w().length;
    }

    @Override
    public int numClasses() {
        return 2;
    }

    @Override
    public Vector predictRaw(Vector features) {
        double h = linear.decision(TrainingRows.features(features, getFeaturesCol(), numFeatures()), 0);
        return Vectors.dense(-h, h);
    }

    @Override
    public double raw2prediction(Vector rawPrediction) {
        return rawPrediction.apply(1) > 0 ? 1.0 : 0.0;
    }

    PrimalSvmModel setSummary(PrimalSvmTrainingSummary summary) {
        this.summary = summary;
        return this;
    }

    /** Whether this model has a training summary (a loaded model has none). */
    public boolean hasSummary() {
        return summary != null;
    }

    public PrimalSvmTrainingSummary summary() {
        if (summary == null) {
            throw new NoSuchElementException("no training summary for this PrimalSvmModel (" + uid() + ")");
        }
        return summary;
    }

    @Override
    public PrimalSvmModel copy(ParamMap extra) {
        PrimalSvmModel copy = copyValues(new PrimalSvmModel(uid(), linear), extra);
        copy.summary = summary;
        return copy.setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new ParquetModelIo.Writer(this, DATA, RowFactory.create(new DenseVector(linear.w()), linear.b()));
    }

    public static MLReader<PrimalSvmModel> read() {
        return new ParquetModelIo.Reader<>(PrimalSvmModel.class, (uid, row) -> new PrimalSvmModel(uid,
                new LinearSvmModel(((Vector) row.getAs("coefficients")).toArray(), row.<Double>getAs("intercept"))));
    }

    public static PrimalSvmModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "PrimalSvmModel: uid=" + uid() + ", numFeatures=" + numFeatures();
    }
}
