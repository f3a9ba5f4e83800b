package mlspark.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.function.Consumer;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.classification.Classifier;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import mlspark.data.SampleBlock;
import mlspark.distributed.KernelFeatureRdds;
import mlspark.distributed.SampleBlocks;
import mlspark.errors.InvalidParameterException;
import mlspark.kernel.KernelApproximation;
import mlspark.kernel.KernelSpec;
import mlspark.kernel.NystromFeatures;
import mlspark.kernel.RandomFourierFeatures;
import mlspark.optim.Minimizer;
import mlspark.svm.ClassCosts;
import mlspark.svm.linear.LinearSvmDual;
import mlspark.svm.primal.DualRound;
import mlspark.svm.primal.EpochResult;
import mlspark.svm.primal.PrimalSvmState;
import mlspark.training.CocoaTrainer;
import mlspark.training.PrimalSvmTrainer;

/**
 * The soft-margin linear SVM on Spark (the {@code primal-svm} job's estimator): E(w,b) = 1/2 |w|^2 +
 * sum_i C_i max(0, 1 - y_i (w.x_i + b)) minimized from w = 0, b = 0 by the {@code optimizer} (the
 * assignment's full-batch gradient descent, or L-BFGS on the squared hinge), the data term summed
 * over cached sample blocks on the executors; or by the dual (optimizer cocoa: CoCoA+ dual coordinate
 * ascent, {@link CocoaTrainer}) of 1/2 (|w|^2 + w_B^2) + sum_i C_i hinge_i with the bias a feature of
 * constant value B ({@code biasFeature}; b = B w_B), LIBLINEAR's {@code -s 3} problem, to a duality
 * gap of {@code tol} relative to the objective; optionally on kernel-approximation features of the
 * raw ones (random Fourier or Nystrom), which the model keeps and applies. Labels 0/1 or -1/+1.
 *
 * <p>With K >= 3 classes (labels the class indices 0..K-1, K the label column's {@code numClasses}
 * metadata, else the largest label + 1), K one-vs-rest SVMs trained together: class k against the
 * rest, each with the objective above, their sum minimized over one parameter vector by the same
 * optimizer, one pass over the cached blocks per evaluation. Every sample costs C times its weight:
 * C0 and C1 are the binary SVM's only.
 *
 * <p>Besides its Params it takes hooks for a caller that follows the training (not saved, not
 * copied): the epochs whose models the summary keeps, a listener of each epoch, a listener of the
 * training state after each step (checkpoints), and a state to continue from.
 */
public final class PrimalSvmClassifier extends Classifier<Vector, PrimalSvmClassifier, PrimalSvmModel>
        implements PrimalSvmParams, DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private String uid;
    private final Fields fields = Fields.of(uid());
    private transient int[] modelsAt = new int[0];
    private transient Consumer<EpochResult> epochListener = r -> { };
    private transient Consumer<DualRound> roundListener = r -> { };
    private transient Consumer<? super PrimalSvmState> stateListener;
    private transient PrimalSvmState initialState;

    public PrimalSvmClassifier() {
        this(Uids.hold(null));
    }

    public PrimalSvmClassifier(String uid) {
        this(Uids.hold(uid));
    }

    private PrimalSvmClassifier(Uids.Held held) {
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

    public PrimalSvmClassifier setC(double value) {
        set(C(), value);
        return this;
    }

    public PrimalSvmClassifier setC0(double value) {
        set(C0(), value);
        return this;
    }

    public PrimalSvmClassifier setC1(double value) {
        set(C1(), value);
        return this;
    }

    public PrimalSvmClassifier setStepSize(double value) {
        set(stepSize(), value);
        return this;
    }

    public PrimalSvmClassifier setMaxIter(int value) {
        set(maxIter(), value);
        return this;
    }

    public PrimalSvmClassifier setSchedule(String value) {
        set(schedule(), value);
        return this;
    }

    public PrimalSvmClassifier setDecay(double value) {
        set(decay(), value);
        return this;
    }

    public PrimalSvmClassifier setWeightCol(String value) {
        set(weightCol(), value);
        return this;
    }

    public PrimalSvmClassifier setBlockKib(int value) {
        set(blockKib(), value);
        return this;
    }

    public PrimalSvmClassifier setOptimizer(String value) {
        set(optimizer(), value);
        return this;
    }

    public PrimalSvmClassifier setStorage(String value) {
        set(storage(), value);
        return this;
    }

    public PrimalSvmClassifier setFeatures(String value) {
        set(features(), value);
        return this;
    }

    public PrimalSvmClassifier setComponents(int value) {
        set(components(), value);
        return this;
    }

    public PrimalSvmClassifier setKernel(String value) {
        set(kernel(), value);
        return this;
    }

    /** A number, or "scale". */
    public PrimalSvmClassifier setGamma(String value) {
        set(gamma(), value);
        return this;
    }

    public PrimalSvmClassifier setGamma(double value) {
        return setGamma(Double.toString(value));
    }

    public PrimalSvmClassifier setDegree(int value) {
        set(degree(), value);
        return this;
    }

    public PrimalSvmClassifier setCoef0(double value) {
        set(coef0(), value);
        return this;
    }

    public PrimalSvmClassifier setSeed(long value) {
        set(seed(), value);
        return this;
    }

    public PrimalSvmClassifier setBiasFeature(double value) {
        set(biasFeature(), value);
        return this;
    }

    public PrimalSvmClassifier setLocalPasses(int value) {
        set(localPasses(), value);
        return this;
    }

    public PrimalSvmClassifier setTol(double value) {
        set(tol(), value);
        return this;
    }

    /** The summary keeps the model after each of these epochs besides the last (a hook, not a Param). */
    public PrimalSvmClassifier setModelsAt(int... epochs) {
        modelsAt = epochs.clone();
        return this;
    }

    /** Hears of each epoch's objective as soon as it is known (a hook, not a Param). */
    public PrimalSvmClassifier setEpochListener(Consumer<EpochResult> listener) {
        epochListener = listener;
        return this;
    }

    /** Hears of each cocoa round's objectives and duality gap as soon as they are known (a hook, not a Param). */
    public PrimalSvmClassifier setRoundListener(Consumer<DualRound> listener) {
        roundListener = listener;
        return this;
    }

    /** Is handed the training state after every step, to checkpoint it (a hook, not a Param; null: none). */
    public PrimalSvmClassifier setStateListener(Consumer<? super PrimalSvmState> listener) {
        stateListener = listener;
        return this;
    }

    /**
     * Continues the next fit from {@code state}, a state of a run with the same Params and data
     * (null: from w = 0, b = 0); the optimizer must resume (cocoa, or a {@link mlspark.optim.Minimizer#resumes()}).
     */
    public PrimalSvmClassifier setInitialState(PrimalSvmState state) {
        initialState = state;
        return this;
    }

    @Override
    public PrimalSvmModel train(Dataset<?> dataset) {
        // K from the label column's metadata; without it, 2 for at most two distinct labels (a binary set,
        // checked as such), else the largest class index + 1 (labels checked to be indices)
        Integer declared = TrainingRows.declaredNumClasses(dataset, getLabelCol());
        // the distinct labels (one Spark job), unless the metadata says K > 2 (SampleBlocks.ofClasses checks them)
        double[] labels = declared != null && declared > 2 ? null : TrainingRows.labelSet(dataset, getLabelCol());
        int classes = declared != null ? declared
                : labels.length <= 2 ? 2 : TrainingRows.requireClassIndices(labels, getLabelCol());
        double negative = classes == 2 ? TrainingRows.requireBinary(labels, getLabelCol()) : 0;
        int d = TrainingRows.numFeatures(dataset, getFeaturesCol());
        String weightCol = getWeightCol();
        Dataset<Row> rows = dataset.select(col(getFeaturesCol()).as(SampleBlocks.FEATURES),
                col(getLabelCol()).cast("double").as(SampleBlocks.LABEL),
                weightCol == null || weightCol.isEmpty() ? lit(1.0).as(SampleBlocks.WEIGHT)
                        : col(weightCol).cast("double").as(SampleBlocks.WEIGHT));
        SampleBlocks.Layout layout = SampleBlocks.Layout.ofKib(d, getBlockKib(), blockStorage());
        String source = "featuresCol '" + getFeaturesCol() + "'";
        JavaRDD<SampleBlock> blocks = classes == 2 ? SampleBlocks.of(rows, layout, negative == 0, source)
                : SampleBlocks.ofClasses(rows, layout, classes, "labelCol '" + getLabelCol() + "'");
        try {
            return train(blocks, d, classes);
        } finally {
            blocks.unpersist(false);
        }
    }

    /**
     * Fits on sample blocks already read and cut (labels -1/+1, the raw features of dimension
     * {@code dimension}): what {@link #fit} does after reading its Dataset's rows.
     */
    public PrimalSvmModel fit(JavaRDD<SampleBlock> blocks, int dimension) {
        return fit(blocks, dimension, 2);
    }

    /**
     * Fits on sample blocks already read and cut: with {@code classes} = 2 labels -1/+1, else the
     * class indices 0..classes-1 ({@link SampleBlocks#ofClasses}).
     */
    public PrimalSvmModel fit(JavaRDD<SampleBlock> blocks, int dimension, int classes) {
        return copyValues(train(blocks, dimension, classes).setParent(this), ParamMap.empty());
    }

    private PrimalSvmModel train(JavaRDD<SampleBlock> blocks, int dimension, int classes) {
        KernelSpec kernel = featureKernel();
        JavaRDD<SampleBlock> trainingBlocks = blocks;
        KernelSpec resolved = null;
        KernelApproximation map = null;
        if (kernel != null) {
            long n = blocks.map(b -> (long) b.size()).fold(0L, Long::sum);
            resolved = kernel.withGamma(kernel.name().equals("linear") ? 0 : KernelSpec.SCALE.equals(kernel.gamma())
                    ? scaleGamma(blocks, n, dimension) : Double.parseDouble(kernel.gamma()));
            map = featureMap(blocks, n, dimension, resolved);
            trainingBlocks = KernelFeatureRdds.map(blocks, map, n, getBlockKib());
        }
        try {
            int d = map == null ? dimension : map.components();
            ClassCosts costs = classes == 2 ? classCosts() : ClassCosts.symmetric(getC());
            if (solvesDual()) {
                CocoaTrainer trainer = new CocoaTrainer(trainingBlocks, new LinearSvmDual(d, classes, costs, getBiasFeature()),
                        getLocalPasses(), getTol(), getSeed());
                long start = System.nanoTime();
                List<EpochResult> history = trainer.train(getMaxIter(), modelsAt, epochListener, roundListener,
                        initialState, stateListener);
                double seconds = (System.nanoTime() - start) / 1e9;
                PrimalSvmModel model = new PrimalSvmModel(uid(), history.get(history.size() - 1).classifier(), resolved, map);
                List<DualRound> rounds = trainer.rounds();
                return model.setSummary(new PrimalSvmTrainingSummary(history, null, seconds, rounds,
                        rounds.get(rounds.size() - 1).relativeGap() <= getTol() ? "converged" : "max_iter"));
            }
            Minimizer minimizer = minimizer();
            PrimalSvmTrainer trainer = new PrimalSvmTrainer(trainingBlocks, d, classes, costs, minimizer);
            long start = System.nanoTime();
            List<EpochResult> history = trainer.train(getMaxIter(), modelsAt, epochListener, initialState, stateListener);
            double seconds = (System.nanoTime() - start) / 1e9;
            PrimalSvmModel model = new PrimalSvmModel(uid(), history.get(history.size() - 1).classifier(), resolved, map);
            return model.setSummary(new PrimalSvmTrainingSummary(history,
                    minimizer.searchesLines() ? trainer.evaluations() : null, seconds));
        } finally {
            if (map != null) {
                trainingBlocks.unpersist(false);
            }
        }
    }

    /** Random Fourier features, or Nystrom features of landmarks sampled on the executors. */
    private KernelApproximation featureMap(JavaRDD<SampleBlock> blocks, long n, int d, KernelSpec kernel) {
        int m = getComponents();
        if (RFF.equals(getFeatures())) {
            return RandomFourierFeatures.sample(Double.parseDouble(kernel.gamma()), m, d, getSeed());
        }
        if (m > n) {
            throw new InvalidParameterException("components", m + " Nystrom landmarks for " + n
                    + " training samples; expected at most " + n);
        }
        return NystromFeatures.of(kernel.kernel(new double[0][]), KernelFeatureRdds.sampleLandmarks(blocks, m, getSeed()), d);
    }

    /** gamma="scale" over all n * d training values, mean and variance summed on the executors. */
    private static double scaleGamma(JavaRDD<SampleBlock> blocks, long n, int d) {
        double count = (double) n * d;
        double mean = blocks.map(b -> {
            double sum = 0;
            for (double v : b.features().denseRows(0, b.size())) {
                sum += v;
            }
            return sum;
        }).fold(0.0, Double::sum) / count;
        double variance = blocks.map(b -> {
            double squares = 0;
            for (double v : b.features().denseRows(0, b.size())) {
                squares += (v - mean) * (v - mean);
            }
            return squares;
        }).fold(0.0, Double::sum) / count;
        return KernelSpec.scaleGamma(d, variance);
    }

    @Override
    public PrimalSvmClassifier copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    public static MLReader<PrimalSvmClassifier> read() {
        return new DefaultParamsReader<>();
    }

    public static PrimalSvmClassifier load(String path) {
        return read().load(path);
    }
}
