package mlspark.ml;

import java.util.NoSuchElementException;

import org.apache.spark.ml.classification.ClassificationModel;
import org.apache.spark.ml.linalg.DenseMatrix;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import mlspark.kernel.KernelApproximation;
import mlspark.kernel.KernelSpec;
import mlspark.svm.primal.LinearClassifier;
import mlspark.svm.primal.LinearSvmModel;
import mlspark.svm.primal.OneVsRestLinearModel;

/**
 * A linear SVM h(x) = w.z(x) + b trained by {@link PrimalSvmClassifier}, z the kernel feature map it
 * was trained on (random Fourier or Nystrom features of the raw x), or z(x) = x without one. As
 * MLlib's LinearSVCModel: rawPrediction = [-h(x), h(x)], prediction 1.0 where h(x) > 0, else 0.0.
 * With K >= 3 classes, K one-vs-rest SVMs h_k(x) = w_k.z(x) + b_k: rawPrediction the K scores,
 * prediction the index of the largest (the first of equal ones). Saved as MLlib saves its models:
 * binary as LinearSVCModel ({@code coefficients}, {@code intercept}), K classes as
 * LogisticRegressionModel ({@code numClasses}, {@code coefficientMatrix} K x d, {@code interceptVector}).
 */
public final class PrimalSvmModel extends ClassificationModel<Vector, PrimalSvmModel>
        implements PrimalSvmParams, MLWritable {
    private static final long serialVersionUID = 1L;
    private static final StructType DATA = new StructType()
            .add("coefficients", SQLDataTypes.VectorType(), false)
            .add("intercept", DataTypes.DoubleType, false);
    private static final StructType CLASSES_DATA = new StructType()
            .add("numClasses", DataTypes.IntegerType, false)
            .add("coefficientMatrix", SQLDataTypes.MatrixType(), false)
            .add("interceptVector", SQLDataTypes.VectorType(), false);

    private String uid;
    private final Fields fields = Fields.of(uid());
    private final LinearClassifier linear;
    private final KernelSpec featureKernel;
    private final KernelApproximation featureMap;
    private transient PrimalSvmTrainingSummary summary;

    /** On the raw features. */
    public PrimalSvmModel(String uid, LinearClassifier linear) {
        this(uid, linear, null, null);
    }

    /**
     * On the features {@code featureMap} of the raw ones (both null: the raw features).
     *
     * @param linear        a binary {@link LinearSvmModel} or K one-vs-rest SVMs
     * @param featureKernel the kernel {@code featureMap} approximates, gamma a number
     */
    public PrimalSvmModel(String uid, LinearClassifier linear, KernelSpec featureKernel, KernelApproximation featureMap) {
        this(Uids.hold(uid), linear, featureKernel, featureMap);
    }

    private PrimalSvmModel(Uids.Held held, LinearClassifier linear, KernelSpec featureKernel,
                           KernelApproximation featureMap) {
        if ((featureKernel == null) != (featureMap == null)) {
            throw new IllegalArgumentException("a feature map and its kernel come together");
        }
        this.linear = linear;
        this.featureKernel = featureKernel;
        this.featureMap = featureMap;
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

    /** The math model of a binary SVM: w, b and its decision function. */
    public LinearSvmModel linearModel() {
        return binary();
    }

    /** The math model: binary, or K one-vs-rest SVMs. */
    public LinearClassifier classifier() {
        return linear;
    }

    private LinearSvmModel binary() {
        if (linear instanceof LinearSvmModel binary) {
            return binary;
        }
        throw new IllegalStateException("a model of " + numClasses() + " classes has a coefficient matrix "
                + "(coefficientMatrix, interceptVector), not the binary (coefficients, intercept)");
    }

    /** The kernel feature map the model applies to the raw features, or null when it takes them as they are. */
    public KernelApproximation featureMap() {
        return featureMap;
    }

    /** The kernel {@link #featureMap()} approximates (gamma a number), or null without a feature map. */
    public KernelSpec featureKernel() {
        return featureKernel;
    }

    /** w of a binary model, over the mapped features when the model has a feature map. */
    public Vector coefficients() {
        return Vectors.dense(binary().w().clone());
    }

    /** b of a binary model. */
    public double intercept() {
        return binary().b();
    }

    /** The K x d weights of K one-vs-rest SVMs (row k: w_k); a binary model's is 1 x d (w), as MLlib's. */
    public Matrix coefficientMatrix() {
        return linear instanceof OneVsRestLinearModel classes
                ? new DenseMatrix(classes.numClasses(), classes.dimension(), classes.weights().clone(), true)
                : new DenseMatrix(1, linear.dimension(), binary().w().clone(), true);
    }

    /** The K intercepts b_k; a binary model's one b. */
    public Vector interceptVector() {
        return linear instanceof OneVsRestLinearModel classes ? Vectors.dense(classes.intercepts().clone())
                : Vectors.dense(binary().b());
    }

    /** The dimension of the raw features it takes. */
    @Override
    public int numFeatures() {
        return featureMap == null ? linear.dimension() : featureMap.dimension();
    }

    @Override
    public int numClasses() {
        return linear.numClasses();
    }

    @Override
    public Vector predictRaw(Vector features) {
        SparseVector sparse = featureMap == null ? TrainingRows.sparseFeatures(features, getFeaturesCol(), numFeatures()) : null;
        if (sparse != null) {
            // a sparse row's scores by its non-zeros: a 2^22-feature row is never densified
            if (linear instanceof OneVsRestLinearModel classes) {
                return Vectors.dense(classes.scores(sparse.indices(), sparse.values()));
            }
            double h = binary().decision(sparse.indices(), sparse.values());
            return Vectors.dense(-h, h);
        }
        double[] x = TrainingRows.features(features, getFeaturesCol(), numFeatures());
        double[] z = featureMap == null ? x : featureMap.map(x, 1, x.length);
        if (linear instanceof OneVsRestLinearModel classes) {
            return Vectors.dense(classes.scores(z, 0));
        }
        double h = binary().decision(z, 0);
        return Vectors.dense(-h, h);
    }

    @Override
    public double raw2prediction(Vector rawPrediction) {
        if (linear instanceof OneVsRestLinearModel) {
            return OneVsRestLinearModel.argmax(rawPrediction.toArray(), 0, 1, numClasses());
        }
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
        PrimalSvmModel copy = copyValues(new PrimalSvmModel(uid(), linear, featureKernel, featureMap), extra);
        copy.summary = summary;
        return copy.setParent(parent());
    }

    /** w and b (K classes: W and b) as {@code data}; a feature map besides, as the part {@code featureMap}. */
    @Override
    public MLWriter write() {
        ParquetModelIo.Writer writer = linear instanceof LinearSvmModel binary
                ? new ParquetModelIo.Writer(this, DATA, RowFactory.create(new DenseVector(binary.w()), binary.b()))
                : new ParquetModelIo.Writer(this, CLASSES_DATA, RowFactory.create(numClasses(), coefficientMatrix(),
                interceptVector()));
        return featureMap == null ? writer : writer.withPart(KernelFeatureMapRow.PART, KernelFeatureMapRow.SCHEMA,
                KernelFeatureMapRow.of(featureKernel, featureMap));
    }

    public static MLReader<PrimalSvmModel> read() {
        return new ParquetModelIo.Reader<>(PrimalSvmModel.class, (uid, row, parts) -> {
            LinearClassifier linear = java.util.Arrays.asList(row.schema().fieldNames()).contains("coefficientMatrix")
                    ? new OneVsRestLinearModel(((Matrix) row.getAs("coefficientMatrix")).numCols(),
                    ((Matrix) row.getAs("coefficientMatrix")).transpose().toArray(),
                    ((Vector) row.getAs("interceptVector")).toArray())
                    : new LinearSvmModel(((Vector) row.getAs("coefficients")).toArray(), row.<Double>getAs("intercept"));
            return parts.row(KernelFeatureMapRow.PART)
                    .map(map -> new PrimalSvmModel(uid, linear, KernelFeatureMapRow.kernel(map), KernelFeatureMapRow.map(map)))
                    .orElseGet(() -> new PrimalSvmModel(uid, linear));
        });
    }

    public static PrimalSvmModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "PrimalSvmModel: uid=" + uid() + (numClasses() == 2 ? "" : ", numClasses=" + numClasses())
                + ", numFeatures=" + numFeatures()
                + (featureMap == null ? "" : ", features " + featureMap.describe());
    }
}
