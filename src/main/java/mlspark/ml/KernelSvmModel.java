package mlspark.ml;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Queue;

import org.apache.spark.ml.classification.ClassificationModel;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import mlspark.kernel.Kernel;
import mlspark.kernel.KernelBlocks;
import mlspark.kernel.KernelSpec;
import mlspark.linalg.DensePoints;
import mlspark.linalg.Points;
import mlspark.linalg.SparsePoints;
import mlspark.svm.multiclass.ClassLabels;
import mlspark.svm.multiclass.OneVsOneModel;
import mlspark.svm.multiclass.OneVsOneVoting;
import mlspark.svm.multiclass.PlattSigmoid;

/**
 * A kernel SVM trained by {@link KernelSvmClassifier}.
 * <ul>
 * <li>Two classes (labels 0/1 or -1/+1): h(x) = sum_s a_s y_s k(x_s, x) + b, rawPrediction = [-h(x), h(x)],
 * prediction 1.0 where h(x) >= 0 (the assignment's rule), else 0.0; with probabilities, probability =
 * [1 - P, P], P Platt's sigmoid of h clipped to [1e-7, 1 - 1e-7] (LIBSVM's -b 1 for two classes).</li>
 * <li>Class indices 0..K-1 otherwise: one-vs-one ({@link OneVsOneModel}, each support vector once); rawPrediction
 * the K per-class scores of scikit-learn's {@code decision_function_shape='ovr'} (votes plus a confidence
 * in (-1/3, 1/3), {@link OneVsOneVoting#ovrScores}; -1 for a class without training rows), prediction
 * LIBSVM's vote winner (the most votes, of tied classes the smallest index); with probabilities, LIBSVM's
 * pairwise coupling ({@link OneVsOneModel#probabilities}).</li>
 * </ul>
 * {@link #transform} scores the rows by blocks against the support-vector matrix ({@link Kernel#block}), each
 * support vector's kernel values computed once for all class pairs; a two-class model without probabilities
 * transforms row by row, as MLlib's classifiers.
 */
public final class KernelSvmModel extends ClassificationModel<Vector, KernelSvmModel>
        implements KernelSvmParams, MLWritable {
    private static final long serialVersionUID = 1L;
    /**
     * The model's data row. One-vs-one: the support vectors (each once, LIBSVM's order) and their training rows,
     * {@code coefficients} the (K-1) x S matrix of LIBSVM's sv_coef row-major, {@code intercept} NaN (the
     * pairs' b are in {@link #ONE_VS_ONE}).
     */
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
    /**
     * The directory, beside {@code data}, of a saved one-vs-one model's part: the class index of each of its
     * classes, LIBSVM's nSV, b of each pair. A saved two-class model has none.
     */
    public static final String ONE_VS_ONE = "oneVsOne";
    private static final StructType ONE_VS_ONE_DATA = new StructType()
            .add("numClasses", DataTypes.IntegerType, false)
            .add("classes", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
            .add("supportCounts", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add("intercepts", SQLDataTypes.VectorType(), false);
    /**
     * Part of a model trained on sparse rows: its support vectors in compressed sparse rows (features from 0),
     * the data row's {@code supportVectors} then empty. A model without it has dense support vectors.
     */
    public static final String SPARSE_SUPPORT_VECTORS = "sparseSupportVectors";
    private static final StructType SPARSE_SUPPORT_VECTORS_DATA = new StructType()
            .add("rowStart", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add("indices", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add("values", DataTypes.createArrayType(DataTypes.DoubleType, false), false);
    /** Part of a model with probabilities: the sigmoids' A and B, one per class pair (one for two classes). */
    private static final String SIGMOIDS = "sigmoids";
    private static final StructType SIGMOIDS_DATA = new StructType()
            .add("a", SQLDataTypes.VectorType(), false)
            .add("b", SQLDataTypes.VectorType(), false);
    /** Rows per block of {@link #transform}. */
    private static final int BLOCK_ROWS = 128;

    private String uid;
    private final Fields fields = Fields.of(uid());
    private final KernelSpec resolvedKernel;
    /** Two classes: the binary SVM; null for one-vs-one. */
    private final mlspark.svm.dual.KernelSvmModel svm;
    /** Two classes with probabilities: the sigmoid of h; else null. */
    private final PlattSigmoid sigmoid;
    /** One-vs-one: the model over the classes with training rows, whose values are their class indices; else null. */
    private final OneVsOneModel oneVsOne;
    private final int numClasses;
    private transient KernelSvmTrainingSummary summary;

    /**
     * A two-class model without probabilities.
     *
     * @param resolvedKernel the kernel with gamma as a number ("scale" resolved against the training set)
     */
    public KernelSvmModel(String uid, KernelSpec resolvedKernel, mlspark.svm.dual.KernelSvmModel svm) {
        this(uid, resolvedKernel, svm, null);
    }

    /** A two-class model; {@code sigmoid} null: without probabilities. */
    public KernelSvmModel(String uid, KernelSpec resolvedKernel, mlspark.svm.dual.KernelSvmModel svm,
                          PlattSigmoid sigmoid) {
        this(Uids.hold(uid), resolvedKernel, svm, sigmoid, null, 2);
    }

    /** A one-vs-one model of {@code numClasses} classes, its classes' values class indices below numClasses. */
    public KernelSvmModel(String uid, KernelSpec resolvedKernel, OneVsOneModel oneVsOne, int numClasses) {
        this(Uids.hold(uid), resolvedKernel, null, null, oneVsOne, numClasses);
        for (double value : oneVsOne.classes().values()) {
            if (value != Math.rint(value) || value < 0 || value >= numClasses) {
                throw new IllegalArgumentException("one-vs-one classes " + oneVsOne.classes() + ": expected class indices "
                        + "below " + numClasses);
            }
        }
    }

    private KernelSvmModel(Uids.Held held, KernelSpec resolvedKernel, mlspark.svm.dual.KernelSvmModel svm,
                           PlattSigmoid sigmoid, OneVsOneModel oneVsOne, int numClasses) {
        this.resolvedKernel = resolvedKernel;
        this.svm = svm;
        this.sigmoid = sigmoid;
        this.oneVsOne = oneVsOne;
        this.numClasses = numClasses;
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

    /** Whether this is a one-vs-one model (labels 0..K-1), not a two-class one. */
    public boolean isOneVsOne() {
        return oneVsOne != null;
    }

    /** The math model of two classes: support vectors, their coefficients a_s y_s, b and the kernel. */
    public mlspark.svm.dual.KernelSvmModel svm() {
        if (svm == null) {
            throw new IllegalStateException("a one-vs-one model of " + numClasses + " classes; see oneVsOne()");
        }
        return svm;
    }

    /** The math model of a one-vs-one model. */
    public OneVsOneModel oneVsOne() {
        if (oneVsOne == null) {
            throw new IllegalStateException("a two-class model; see svm()");
        }
        return oneVsOne;
    }

    /** Whether the model gives class probabilities (trained with probability). */
    public boolean hasProbabilities() {
        return oneVsOne != null ? oneVsOne.hasProbabilities() : sigmoid != null;
    }

    /** The kernel as trained, gamma a number. */
    public KernelSpec resolvedKernel() {
        return resolvedKernel;
    }

    /** Support vectors, each counted once. */
    public int numSupportVectors() {
        return oneVsOne != null ? oneVsOne.size() : svm.size();
    }

    /** b of a two-class model. */
    public double intercept() {
        return svm().b();
    }

    /** The support vectors, dense or sparse as the training rows were. */
    public Points supportVectors() {
        return oneVsOne != null ? oneVsOne.supportVectors() : svm.supportVectors();
    }

    @Override
    public int numFeatures() {
        return numSupportVectors() == 0 ? -1 : supportVectors().dimension();
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    /** Feature vectors as points ({@link TrainingRows#points}: a sparse vector stays sparse). */
    private Points points(List<?> features) {
        return TrainingRows.points(features, getFeaturesCol(),
                numFeatures() < 0 ? ((Vector) features.get(0)).size() : numFeatures());
    }

    @Override
    public Vector predictRaw(Vector features) {
        Points x = points(List.of(features));
        if (oneVsOne != null) {
            return Vectors.dense(scores(oneVsOne.decisionValues(x, 0)));
        }
        double h = svm.decision(x, 0);
        return Vectors.dense(-h, h);
    }

    @Override
    public double raw2prediction(Vector rawPrediction) {
        if (oneVsOne == null) {
            return rawPrediction.apply(1) >= 0 ? 1.0 : 0.0;
        }
        // a score rounds to its class's votes (its confidence lies in (-1/3, 1/3)): LIBSVM's winner
        int best = 0;
        for (int k = 1; k < rawPrediction.size(); k++) {
            if (Math.round(rawPrediction.apply(k)) > Math.round(rawPrediction.apply(best))) {
                best = k;
            }
        }
        return best;
    }

    /** The K scores of the pairs' decision values: the ovr scores at the classes' indices, -1 for the others. */
    private double[] scores(double[] decisionValues) {
        return atClassIndices(OneVsOneVoting.ovrScores(decisionValues, oneVsOne.numClasses()), -1);
    }

    private double[] atClassIndices(double[] perClass, double otherwise) {
        double[] out = new double[numClasses];
        Arrays.fill(out, otherwise);
        ClassLabels classes = oneVsOne.classes();
        for (int k = 0; k < perClass.length; k++) {
            out[(int) classes.value(k)] = perClass[k];
        }
        return out;
    }

    /**
     * A two-class model without probabilities: MLlib's transform, row by row. Otherwise the rows by blocks of
     * {@value #BLOCK_ROWS}: rawPredictionCol, predictionCol and, with probabilities, probabilityCol (each when
     * not empty), appended in this order.
     */
    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        if (oneVsOne == null && sigmoid == null) {
            return super.transform(dataset);
        }
        StructType in = dataset.schema();
        StructType withPredictions = transformSchema(in);
        List<StructField> out = new ArrayList<>(Arrays.asList(in.fields()));
        boolean raw = !getRawPredictionCol().isEmpty();
        boolean prediction = !getPredictionCol().isEmpty();
        boolean probability = hasProbabilities() && !getProbabilityCol().isEmpty();
        if (raw) {
            out.add(withPredictions.apply(getRawPredictionCol()));
        }
        if (prediction) {
            out.add(withPredictions.apply(getPredictionCol()));
        }
        if (probability) {
            out.add(DataTypes.createStructField(getProbabilityCol(), SQLDataTypes.VectorType(), false));
        }
        BlockScorer scorer = new BlockScorer(this, in.fieldIndex(getFeaturesCol()), raw, prediction, probability);
        JavaRDD<Row> rows = dataset.toDF().javaRDD().mapPartitions(scorer::score);
        return dataset.sparkSession().createDataFrame(rows, new StructType(out.toArray(StructField[]::new)));
    }

    /** What {@link #transform} ships to the executors: the model and the columns to append. */
    private record BlockScorer(KernelSvmModel model, int featuresAt, boolean raw, boolean prediction,
                               boolean probability) implements Serializable {
        Iterator<Row> score(Iterator<Row> rows) {
            return new Iterator<>() {
                private final Queue<Row> scored = new ArrayDeque<>();

                @Override
                public boolean hasNext() {
                    if (scored.isEmpty() && rows.hasNext()) {
                        List<Row> block = new ArrayList<>(BLOCK_ROWS);
                        while (block.size() < BLOCK_ROWS && rows.hasNext()) {
                            block.add(rows.next());
                        }
                        scored.addAll(scoreBlock(block));
                    }
                    return !scored.isEmpty();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return scored.remove();
                }
            };
        }

        private List<Row> scoreBlock(List<Row> block) {
            int n = block.size();
            List<Object> vectors = new ArrayList<>(n);
            for (Row row : block) {
                vectors.add(row.get(featuresAt));
            }
            Points x = model.points(vectors);
            List<Row> out = new ArrayList<>(n);
            if (model.oneVsOne == null) {
                double[] h = model.svm.decisionValues(x);
                for (int i = 0; i < n; i++) {
                    double p = OneVsOneModel.clippedProbability(model.sigmoid, h[i]);
                    out.add(append(block.get(i), Vectors.dense(-h[i], h[i]), h[i] >= 0 ? 1.0 : 0.0,
                            Vectors.dense(1 - p, p)));
                }
                return out;
            }
            OneVsOneModel ovo = model.oneVsOne;
            int s = ovo.size();
            double[] kernelValues = new double[n * s];
            ovo.kernel().block(x, ovo.supportVectors(), kernelValues);
            for (int i = 0; i < n; i++) {
                double[] f = ovo.decisionValuesOfKernelValues(Arrays.copyOfRange(kernelValues, i * s, (i + 1) * s));
                out.add(append(block.get(i), Vectors.dense(model.scores(f)),
                        ovo.classes().value(OneVsOneVoting.winner(f, ovo.numClasses())),
                        probability ? Vectors.dense(model.atClassIndices(ovo.probabilities(f), 0)) : null));
            }
            return out;
        }

        private Row append(Row row, Vector rawPrediction, double predicted, Vector probabilities) {
            List<Object> values = new ArrayList<>(row.size() + 3);
            for (int j = 0; j < row.size(); j++) {
                values.add(row.get(j));
            }
            if (raw) {
                values.add(rawPrediction);
            }
            if (prediction) {
                values.add(predicted);
            }
            if (probability) {
                values.add(probabilities);
            }
            return RowFactory.create(values.toArray());
        }
    }

    @Override
    public double predict(Vector features) {
        return oneVsOne == null ? super.predict(features)
                : oneVsOne.classes().value(OneVsOneVoting.winner(oneVsOne.decisionValues(points(List.of(features)), 0),
                oneVsOne.numClasses()));
    }

    /** Class probabilities of one row (K values summing to 1); the model must have them ({@link #hasProbabilities}). */
    public Vector predictProbability(Vector features) {
        if (!hasProbabilities()) {
            throw new IllegalStateException("this KernelSvmModel (" + uid() + ") was trained without probability");
        }
        Points x = points(List.of(features));
        if (oneVsOne != null) {
            return Vectors.dense(atClassIndices(oneVsOne.probabilities(oneVsOne.decisionValues(x, 0)), 0));
        }
        double p = OneVsOneModel.clippedProbability(sigmoid, svm.decision(x, 0));
        return Vectors.dense(1 - p, p);
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
        KernelSvmModel copy = copyValues(new KernelSvmModel(Uids.hold(uid()), resolvedKernel, svm, sigmoid, oneVsOne,
                numClasses), extra);
        copy.summary = summary;
        return copy.setParent(parent());
    }

    @Override
    public MLWriter write() {
        int d = Math.max(0, numFeatures());
        double[] coefficients = oneVsOne == null ? svm.coefficients()
                : KernelBlocks.stack(oneVsOne.coefficients(), oneVsOne.size());
        int[] supportIndices = oneVsOne == null ? svm.supportIndices() : oneVsOne.supportIndices();
        Points vectors = supportVectors();
        double[] denseVectors = vectors instanceof DensePoints dense ? KernelBlocks.stack(dense.rows(), d) : new double[0];
        Row row = RowFactory.create(resolvedKernel.name(), resolvedKernel.name().equals("linear") ? 0.0
                        : Double.parseDouble(resolvedKernel.gamma()), resolvedKernel.degree(), resolvedKernel.coef0(), d,
                new DenseVector(denseVectors), new DenseVector(coefficients),
                Arrays.stream(supportIndices).boxed().toArray(Integer[]::new), oneVsOne == null ? svm.b() : Double.NaN);
        ParquetModelIo.Writer writer = new ParquetModelIo.Writer(this, DATA, row);
        if (vectors instanceof SparsePoints sparse) {
            writer.withPart(SPARSE_SUPPORT_VECTORS, SPARSE_SUPPORT_VECTORS_DATA, RowFactory.create(
                    Arrays.stream(sparse.rowStart()).boxed().toArray(Integer[]::new),
                    Arrays.stream(sparse.indices()).boxed().toArray(Integer[]::new),
                    Arrays.stream(sparse.values()).boxed().toArray(Double[]::new)));
        }
        if (oneVsOne != null) {
            writer.withPart(ONE_VS_ONE, ONE_VS_ONE_DATA, RowFactory.create(numClasses,
                    Arrays.stream(oneVsOne.classes().values()).boxed().toArray(Double[]::new),
                    Arrays.stream(oneVsOne.supportCounts()).boxed().toArray(Integer[]::new), new DenseVector(oneVsOne.b())));
        }
        if (hasProbabilities()) {
            PlattSigmoid[] sigmoids = oneVsOne != null ? oneVsOne.sigmoids() : new PlattSigmoid[]{sigmoid};
            writer.withPart(SIGMOIDS, SIGMOIDS_DATA, RowFactory.create(
                    new DenseVector(Arrays.stream(sigmoids).mapToDouble(PlattSigmoid::a).toArray()),
                    new DenseVector(Arrays.stream(sigmoids).mapToDouble(PlattSigmoid::b).toArray())));
        }
        return writer;
    }

    public static MLReader<KernelSvmModel> read() {
        return new ParquetModelIo.Reader<>(KernelSvmModel.class, KernelSvmModel::fromRows);
    }

    private static KernelSvmModel fromRows(String uid, Row row, ParquetModelIo.Parts parts) {
        KernelSpec spec = KernelSpec.parse(row.getAs("kernel"), Double.toString(row.<Double>getAs("gamma")),
                row.<Integer>getAs("degree"), row.<Double>getAs("coef0"));
        Kernel kernel = spec.kernel(new double[0][]);
        int d = row.<Integer>getAs("numFeatures");
        Points vectors = parts.row(SPARSE_SUPPORT_VECTORS).<Points>map(r -> new SparsePoints(d,
                r.<Integer>getList(r.fieldIndex("rowStart")).stream().mapToInt(i -> i).toArray(),
                r.<Integer>getList(r.fieldIndex("indices")).stream().mapToInt(i -> i).toArray(),
                r.<Double>getList(r.fieldIndex("values")).stream().mapToDouble(v -> v).toArray())).orElseGet(() -> {
            double[] flat = ((Vector) row.getAs("supportVectors")).toArray();
            return new DensePoints(rowsOf(flat, d == 0 ? 0 : flat.length / d, d));
        });
        int[] indices = row.<Integer>getList(row.fieldIndex("supportIndices")).stream().mapToInt(i -> i).toArray();
        double[] coefficients = ((Vector) row.getAs("coefficients")).toArray();
        PlattSigmoid[] sigmoids = parts.row(SIGMOIDS).map(r -> {
            double[] a = ((Vector) r.getAs("a")).toArray();
            double[] b = ((Vector) r.getAs("b")).toArray();
            PlattSigmoid[] out = new PlattSigmoid[a.length];
            Arrays.setAll(out, p -> new PlattSigmoid(a[p], b[p]));
            return out;
        }).orElse(null);
        var oneVsOne = parts.row(ONE_VS_ONE);
        if (oneVsOne.isEmpty()) {
            return new KernelSvmModel(uid, spec, new mlspark.svm.dual.KernelSvmModel(kernel, vectors, coefficients,
                    row.<Double>getAs("intercept"), indices), sigmoids == null ? null : sigmoids[0]);
        }
        Row part = oneVsOne.get();
        double[] classes = part.<Double>getList(part.fieldIndex("classes")).stream().mapToDouble(v -> v).toArray();
        int[] supportCounts = part.<Integer>getList(part.fieldIndex("supportCounts")).stream().mapToInt(i -> i).toArray();
        return new KernelSvmModel(uid, spec, new OneVsOneModel(kernel, new ClassLabels(classes), vectors, indices,
                supportCounts, rowsOf(coefficients, supportCounts.length - 1, vectors.size()), ((Vector) part.getAs("intercepts")).toArray(),
                sigmoids), part.<Integer>getAs("numClasses"));
    }

    /** The {@code count} rows of {@code width} values of a row-major matrix. */
    private static double[][] rowsOf(double[] flat, int count, int width) {
        double[][] rows = new double[count][];
        for (int r = 0; r < count; r++) {
            rows[r] = Arrays.copyOfRange(flat, r * width, (r + 1) * width);
        }
        return rows;
    }

    public static KernelSvmModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "KernelSvmModel: uid=" + uid() + ", kernel=" + resolvedKernel.name() + ", numSupportVectors=" + numSupportVectors();
    }
}
