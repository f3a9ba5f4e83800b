package mlspark.ml;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.classification.Classifier;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mlspark.data.LabeledData;
import mlspark.kernel.Kernel;
import mlspark.kernel.KernelSpec;
import mlspark.spark.DualSvmTrainer;
import mlspark.svm.dual.BiasRule;
import mlspark.svm.dual.DualSolver;
import mlspark.svm.dual.InteriorPointQp;
import mlspark.svm.dual.InteriorPointSolver;
import mlspark.svm.dual.SmoSolver;

/**
 * The kernel SVM by its dual QP (the {@code dual-svm} job's trainer): the Gram matrix computed by
 * Spark, the QP solved on the driver, which therefore holds the training points (they are collected
 * there). A solver that reaches its iteration limit fails; no unconverged model is returned.
 * Labels 0/1 or -1/+1.
 */
public final class KernelSvmClassifier extends Classifier<Vector, KernelSvmClassifier, KernelSvmModel>
        implements KernelSvmParams, DefaultParamsWritable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(KernelSvmClassifier.class);

    private String uid;
    private final Fields fields = Fields.of(uid());

    public KernelSvmClassifier() {
        this(Uids.hold(null));
    }

    public KernelSvmClassifier(String uid) {
        this(Uids.hold(uid));
    }

    private KernelSvmClassifier(Uids.Held held) {
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

    public KernelSvmClassifier setKernel(String value) {
        set(kernel(), value);
        return this;
    }

    public KernelSvmClassifier setGamma(double value) {
        set(gamma(), Double.toString(value));
        return this;
    }

    /** A number, or "scale". */
    public KernelSvmClassifier setGamma(String value) {
        set(gamma(), value);
        return this;
    }

    public KernelSvmClassifier setDegree(int value) {
        set(degree(), value);
        return this;
    }

    public KernelSvmClassifier setCoef0(double value) {
        set(coef0(), value);
        return this;
    }

    public KernelSvmClassifier setC(double value) {
        set(C(), value);
        return this;
    }

    public KernelSvmClassifier setC0(double value) {
        set(C0(), value);
        return this;
    }

    public KernelSvmClassifier setC1(double value) {
        set(C1(), value);
        return this;
    }

    public KernelSvmClassifier setSolver(String value) {
        set(solver(), value);
        return this;
    }

    public KernelSvmClassifier setSvThreshold(double value) {
        set(svThreshold(), value);
        return this;
    }

    public KernelSvmClassifier setBiasRule(String value) {
        set(biasRule(), value);
        return this;
    }

    public KernelSvmClassifier setTol(double value) {
        set(tol(), value);
        return this;
    }

    public KernelSvmClassifier setMaxIter(int value) {
        set(maxIter(), value);
        return this;
    }

    /** The solver the Params name, with their tolerance and iteration limit. */
    DualSolver dualSolver(int n) {
        Integer limit = getMaxIter();
        if (getSolver().equals("ipm")) {
            long bytes = 3L * n * n * Double.BYTES;
            if (bytes > Runtime.getRuntime().maxMemory()) {
                throw new IllegalArgumentException("solver: ipm needs 3 n x n matrices, " + (bytes >> 20) + " MB for n = "
                        + n + ", more than this JVM's " + (Runtime.getRuntime().maxMemory() >> 20) + " MB; use smo");
            }
            InteriorPointQp.Settings settings = InteriorPointQp.Settings.defaults();
            return new InteriorPointSolver(limit == null ? settings : settings.withMaxIterations(limit));
        }
        SmoSolver.Settings settings = SmoSolver.Settings.defaults().withEps(getTol());
        return new SmoSolver(limit == null ? settings : settings.withMaxIterations(limit));
    }

    @Override
    public KernelSvmModel train(Dataset<?> dataset) {
        double negative = TrainingRows.requireBinary(dataset, getLabelCol());
        LabeledData data = TrainingRows.collectSigned(dataset, getFeaturesCol(), getLabelCol(), negative);
        KernelSpec spec = kernelSpec();
        Kernel k = spec.kernel(data.x());
        double gamma = spec.name().equals("linear") ? 0 : spec.gammaFor(data.x());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
        int partitions = Math.max(1, dataset.javaRDD().getNumPartitions());
        DualSvmTrainer.Fit fit = DualSvmTrainer.train(sc, data, k, classCosts(), dualSolver(data.size()),
                getSvThreshold(), BiasRule.parse(getBiasRule()), partitions, LOG::info);
        KernelSpec resolved = KernelSpec.parse(spec.name(), Double.toString(gamma), spec.degree(), spec.coef0());
        KernelSvmModel model = new KernelSvmModel(uid(), resolved, fit.model());
        return model.setSummary(new KernelSvmTrainingSummary(fit.solution(), fit.model().size(), gamma,
                fit.gramSeconds()));
    }

    @Override
    public KernelSvmClassifier copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    public static MLReader<KernelSvmClassifier> read() {
        return new DefaultParamsReader<>();
    }

    public static KernelSvmClassifier load(String path) {
        return read().load(path);
    }
}
