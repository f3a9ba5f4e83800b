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
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import mlspark.kernel.KernelSpec;

/**
 * A kernel SVM h(x) = sum_s a_s y_s k(x_s, x) + b trained by {@link KernelSvmClassifier}:
 * rawPrediction = [-h(x), h(x)], prediction 1.0 where h(x) >= 0 (the assignment's rule), else 0.0.
 */
public final class KernelSvmModel extends ClassificationModel<Vector, KernelSvmModel>
        implements KernelSvmParams, MLWritable {
    private static final long serialVersionUID = 1L;
    private static final StructType DATA = new StructType()
            .add("kernel", DataTypes.StringType, false)
            .add("gamma", DataTypes.DoubleType, false)
            .add("degree", DataTypes.IntegerType, false)
            .add("coef0", DataTypes.DoubleType, false)
            .add("numFeatures", DataTypes.IntegerType, false)
            .add("supportVectors", SQLDataTypes.VectorType(), false)
            .add("coefficients", SQLDataTypes.VectorType(), false)
            .add("supportIndices", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add("intercept", DataTypes.DoubleType, false);

    private String uid;
    private final Fields fields = Fields.of(uid());
    private final KernelSpec resolvedKernel;
    private final mlspark.svm.dual.KernelSvmModel svm;
    private transient KernelSvmTrainingSummary summary;

    /**
     * @param resolvedKernel the kernel with gamma as a number ("scale" resolved against the training set)
     */
    public KernelSvmModel(String uid, KernelSpec resolvedKernel, mlspark.svm.dual.KernelSvmModel svm) {
        this(Uids.hold(uid), resolvedKernel, svm);
    }

    private KernelSvmModel(Uids.Held held, KernelSpec resolvedKernel, mlspark.svm.dual.KernelSvmModel svm) {
        this.resolvedKernel = resolvedKernel;
        this.svm = svm;
        fields.setDefaults(this);
    }

    @Override
    public String uid() {
        if (uid == null) {
            uid = Uids.take("kernelSvm");
        }
        return uid;
    }

    @Override
    public Fields kernelSvmFields() {
        return fields;
    }

    /** The math model: support vectors, their coefficients a_s y_s, b and the kernel. */
    public mlspark.svm.dual.KernelSvmModel svm() {
        return svm;
    }

    /** The kernel as trained, gamma a number. */
    public KernelSpec resolvedKernel() {
        return resolvedKernel;
    }

    public int numSupportVectors() {
        return svm.size();
    }

    public double intercept() {
        return svm.b();
    }

    @Override
    public int numFeatures() {
        return svm.size() == 0 ? -1 : svm.supportVectors()[0].length;
    }

    @Override
    public int numClasses() {
        return 2;
    }

    @Override
    public Vector predictRaw(Vector features) {
        double h = svm.decision(TrainingRows.features(features, getFeaturesCol(),
                numFeatures() < 0 ? features.size() : numFeatures()));
        return Vectors.dense(-h, h);
    }

    @Override
    public double raw2prediction(Vector rawPrediction) {
        return rawPrediction.apply(1) >= 0 ? 1.0 : 0.0;
    }

    KernelSvmModel setSummary(KernelSvmTrainingSummary summary) {
        this.summary = summary;
        return this;
    }

    /** Whether this model has a training summary (a loaded model has none). */
    public boolean hasSummary() {
        return summary != null;
    }

    public KernelSvmTrainingSummary summary() {
        if (summary == null) {
            throw new NoSuchElementException("no training summary for this KernelSvmModel (" + uid() + ")");
        }
        return summary;
    }

    @Override
    public KernelSvmModel copy(ParamMap extra) {
        KernelSvmModel copy = copyValues(new KernelSvmModel(uid(), resolvedKernel, svm), extra);
        copy.summary = summary;
        return copy.setParent(parent());
    }

    @Override
    public MLWriter write() {
        int d = Math.max(0, numFeatures());
        double[] flat = new double[svm.size() * d];
        for (int s = 0; s < svm.size(); s++) {
            System.arraycopy(svm.supportVectors()[s], 0, flat, s * d, d);
        }
        Integer[] indices = java.util.Arrays.stream(svm.supportIndices()).boxed().toArray(Integer[]::new);
        Row row = RowFactory.create(resolvedKernel.name(), resolvedKernel.name().equals("linear") ? 0.0
                        : Double.parseDouble(resolvedKernel.gamma()), resolvedKernel.degree(), resolvedKernel.coef0(), d,
                new DenseVector(flat), new DenseVector(svm.coefficients()), indices, svm.b());
        return new ParquetModelIo.Writer(this, DATA, row);
    }

    public static MLReader<KernelSvmModel> read() {
        return new ParquetModelIo.Reader<>(KernelSvmModel.class, KernelSvmModel::fromRow);
    }

    private static KernelSvmModel fromRow(String uid, Row row) {
        KernelSpec spec = KernelSpec.parse(row.getAs("kernel"), Double.toString(row.<Double>getAs("gamma")),
                row.<Integer>getAs("degree"), row.<Double>getAs("coef0"));
        int d = row.<Integer>getAs("numFeatures");
        double[] flat = ((Vector) row.getAs("supportVectors")).toArray();
        double[][] vectors = new double[d == 0 ? 0 : flat.length / d][];
        for (int s = 0; s < vectors.length; s++) {
            vectors[s] = java.util.Arrays.copyOfRange(flat, s * d, (s + 1) * d);
        }
        int[] indices = row.<Integer>getList(row.fieldIndex("supportIndices")).stream().mapToInt(i -> i).toArray();
        double[] coefficients = ((Vector) row.getAs("coefficients")).toArray();
        return new KernelSvmModel(uid, spec, new mlspark.svm.dual.KernelSvmModel(spec.kernel(new double[0][]), vectors,
                coefficients, row.<Double>getAs("intercept"), indices));
    }

    public static KernelSvmModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "KernelSvmModel: uid=" + uid() + ", kernel=" + resolvedKernel.name() + ", numSupportVectors="
                + numSupportVectors();
    }
}
