package mlspark.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.classification.Classifier;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mlspark.data.LabeledData;
import mlspark.data.Sample;
import mlspark.errors.InvalidParameterException;
import mlspark.kernel.Kernel;
import mlspark.kernel.KernelSpec;
import mlspark.training.CascadeSvmTrainer;
import mlspark.training.DualSvmTrainer;
import mlspark.svm.dual.BiasRule;
import mlspark.svm.dual.DualSolution;
import mlspark.svm.dual.DualSolver;
import mlspark.svm.dual.InteriorPointQp;
import mlspark.svm.dual.InteriorPointSolver;
import mlspark.svm.dual.KernelPrecision;
import mlspark.svm.dual.SmoSolver;
import mlspark.svm.multiclass.ClassLabels;
import mlspark.svm.multiclass.ClassPair;
import mlspark.svm.multiclass.OneVsOneModel;
import mlspark.svm.multiclass.OneVsOneProblem;
import mlspark.svm.multiclass.OneVsOneTrainer;
import mlspark.svm.multiclass.PairFit;
import mlspark.svm.multiclass.PlattSigmoid;
import mlspark.svm.dual.WorkingSetSmoSolver;

/**
 * The kernel SVM by its dual QP (the {@code dual-svm} job's trainers). Solvers ipm, smo, smo-rows: the Gram
 * matrix computed by Spark, the QP solved on the driver, which therefore holds the training points
 * (they are collected there). Solver cascade: the Cascade SVM, whose sub-problems are solved on the
 * executors where the rows stay. A solver that reaches its iteration limit fails; no unconverged
 * model is returned. Labels 0/1 or -1/+1: one binary SVM. Labels class indices 0..K-1 otherwise (K the
 * label column's numClasses metadata, else the largest label + 1): one-vs-one as LIBSVM, a binary problem
 * per pair of classes with training rows, solved in parallel on the executors (solvers ipm and smo) or one
 * after another, each by the cascade (its sub-problems on the executors); class 0's rows cost C0, class 1's
 * C1, the others' C. With probability (not with the cascade), LIBSVM's probability estimates (-b 1). The
 * model's {@link KernelSvmModel#summary()} gives the figures of each binary problem solved. Rows that are all
 * {@code SparseVector}s with fewer than a quarter of their values non-zero stay sparse in every solver (never
 * densified; the model's support vectors sparse).
 */
public final class KernelSvmClassifier extends Classifier<Vector, KernelSvmClassifier, KernelSvmModel>
        implements KernelSvmParams, DefaultParamsWritable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(KernelSvmClassifier.class);

    private String uid;
    private final Fields fields = Fields.of(uid());
    private transient Consumer<String> progressListener;

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

    public KernelSvmClassifier setWorkingSetSize(int value) {
        set(workingSetSize(), value);
        return this;
    }

    public KernelSvmClassifier setKernelPrecision(String value) {
        set(kernelPrecision(), value);
        return this;
    }

    public KernelSvmClassifier setCascadePartitions(int value) {
        set(cascadePartitions(), value);
        return this;
    }

    public KernelSvmClassifier setProbability(boolean value) {
        set(probability(), value);
        return this;
    }

    public KernelSvmClassifier setProbabilityCol(String value) {
        set(probabilityCol(), value);
        return this;
    }

    public KernelSvmClassifier setSeed(long value) {
        set(seed(), value);
        return this;
    }

    /** The driver-side solver (ipm, smo or smo-rows) the Params name, with their tolerance and iteration limit. */
    private DualSolver dualSolver(int n) {
        Integer limit = getMaxIter();
        switch (getSolver()) {
            case "ipm" -> {
                InteriorPointSolver.requireMemory(n);
                InteriorPointQp.Settings settings = InteriorPointQp.Settings.defaults();
                return new InteriorPointSolver(limit == null ? settings : settings.withMaxIterations(limit));
            }
            case "smo-rows" -> {
                SmoSolver.Settings settings = SmoSolver.Settings.defaults().withEps(getTol());
                return new SmoSolver(limit == null ? settings : settings.withMaxIterations(limit));
            }
            case "smo" -> {
                WorkingSetSmoSolver.Settings settings = workingSetSmoSettings();
                return new WorkingSetSmoSolver(limit == null ? settings : settings.withMaxIterations(limit));
            }
            default -> throw new IllegalStateException("not a driver-side solver: " + getSolver());
        }
    }

    /**
     * Hears each progress line of a fit as it is logged: the cascade's layers and passes, where the kernel
     * rows are computed, the class pairs (a hook, not a Param; null: none).
     */
    public KernelSvmClassifier setProgressListener(Consumer<String> listener) {
        progressListener = listener;
        return this;
    }

    /** The fit's progress lines: to the log, and to the progress listener. */
    private Consumer<String> progress() {
        Consumer<String> listener = progressListener;
        return line -> {
            LOG.info(line);
            if (listener != null) {
                listener.accept(line);
            }
        };
    }

    /** smo's settings: the tolerance, working-set size and kernel precision the Params give. */
    private WorkingSetSmoSolver.Settings workingSetSmoSettings() {
        return WorkingSetSmoSolver.Settings.defaults().withEps(getTol()).withWorkingSetSize(getWorkingSetSize())
                .withKernelPrecision(KernelPrecision.of(getKernelPrecision()));
    }

    /** The cascade's settings in {@code partitions} sub-problems: maxIter limits its passes, tol is its tolerance. */
    private CascadeSvmTrainer.Settings cascadeSettings(int partitions) {
        Integer limit = getMaxIter();
        return new CascadeSvmTrainer.Settings(partitions,
                limit == null ? CascadeSvmTrainer.DEFAULT_MAX_PASSES : limit, workingSetSmoSettings());
    }

    @Override
    public KernelSvmModel train(Dataset<?> dataset) {
        double[] labels = TrainingRows.labelSet(dataset, getLabelCol());
        Integer declared = TrainingRows.declaredNumClasses(dataset, getLabelCol());
        boolean binary = Arrays.stream(labels).allMatch(v -> v == -1 || v == 1)
                || ((declared == null || declared == 2) && Arrays.stream(labels).allMatch(v -> v == 0 || v == 1));
        if (!binary) {
            return trainOneVsOne(dataset, labels, declared);
        }
        double negative = TrainingRows.requireBinary(labels, getLabelCol());
        if (getSolver().equals("cascade")) {
            refuseCascadeProbability();
            return trainCascade(dataset, negative);
        }
        return trainOnDriver(dataset, negative);
    }

    /** ipm or smo: the rows collected to the driver, the Gram matrix computed by Spark. */
    private KernelSvmModel trainOnDriver(Dataset<?> dataset, double negative) {
        LabeledData data = TrainingRows.collectSigned(dataset, getFeaturesCol(), getLabelCol(), negative);
        KernelSpec spec = kernelSpec();
        double gamma = spec.name().equals("linear") ? 0 : spec.gammaFor(data.features());
        KernelSpec resolved = resolve(spec, gamma);
        Kernel kernel = resolved.kernel(new double[0][]);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
        int partitions = Math.max(1, dataset.javaRDD().getNumPartitions());
        BiasRule rule = BiasRule.parse(getBiasRule());
        DualSvmTrainer.Fit fit = DualSvmTrainer.train(sc, data, kernel, classCosts(), dualSolver(data.size()),
                getSvThreshold(), rule, partitions, progress());
        PlattSigmoid sigmoid = getProbability() ? DualSvmTrainer.sigmoid(data, kernel, classCosts(),
                dualSolver(data.size()), getSvThreshold(), rule, getSeed()) : null;
        KernelSvmTrainingSummary.Problem problem = new KernelSvmTrainingSummary.Problem(0, 1, data.size(),
                fit.model().size(), fit.solution(), fit.gramSeconds(), List.of(), List.of(), null);
        return new KernelSvmModel(uid(), resolved, fit.model(), sigmoid)
                .setSummary(new KernelSvmTrainingSummary(gamma, fit.model().size(), List.of(problem)));
    }

    /**
     * Labels 0..K-1: the rows collected to the driver, one-vs-one over the classes that have rows, the class
     * pairs solved on the executors ({@link DualSvmTrainer#trainPairs}).
     */
    private KernelSvmModel trainOneVsOne(Dataset<?> dataset, double[] labels, Integer declared) {
        int numClasses = TrainingRows.requireClassIndices(labels, getLabelCol());
        if (declared != null) {
            if (numClasses > declared) {
                throw new IllegalArgumentException("labelCol '" + getLabelCol() + "': label " + (numClasses - 1)
                        + " is not below the column's numClasses metadata, " + declared);
            }
            numClasses = declared;
        }
        if (getSolver().equals("cascade")) {
            refuseCascadeProbability();
            return trainCascadePairs(dataset, labels, numClasses);
        }
        LabeledData data = TrainingRows.collect(dataset, getFeaturesCol(), getLabelCol(), label -> label);
        KernelSpec spec = kernelSpec();
        double gamma = spec.name().equals("linear") ? 0 : spec.gammaFor(data.features());
        KernelSpec resolved = resolve(spec, gamma);
        ClassLabels classes = new ClassLabels(labels);
        OneVsOneProblem problem = new OneVsOneProblem(data.features(), data.y(), classes, costsOfClasses(labels));
        // the driver checks what the solver of the largest pair needs (ipm: its memory) before the tasks start
        dualSolver(problem.pairs().stream().mapToInt(p -> problem.rows(p).length).max().getAsInt());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
        OneVsOneTrainer.Fit fit = DualSvmTrainer.trainPairs(sc, problem, resolved.kernel(new double[0][]), this::dualSolver,
                getSvThreshold(), BiasRule.parse(getBiasRule()), getProbability() ? getSeed() : null, progress());
        List<KernelSvmTrainingSummary.Problem> problems = new ArrayList<>();
        for (PairFit pair : fit.pairs()) {
            ClassPair p = pair.pair();
            problems.add(new KernelSvmTrainingSummary.Problem((int) classes.value(p.second()),
                    (int) classes.value(p.first()), pair.rows().length, pair.model().size(), pair.solution(), 0, List.of(), List.of(), null));
        }
        return new KernelSvmModel(uid(), resolved, fit.model(), numClasses)
                .setSummary(new KernelSvmTrainingSummary(gamma, fit.model().size(), problems));
    }

    /** The cost C_k of each class of {@code labels} (class indices): class 0's C0, class 1's C1, the others' C. */
    private double[] costsOfClasses(double[] labels) {
        double[] costs = new double[labels.length];
        for (int k = 0; k < labels.length; k++) {
            costs[k] = labels[k] == 0 ? getC0() : labels[k] == 1 ? getC1() : getC();
        }
        return costs;
    }

    private void refuseCascadeProbability() {
        if (getProbability()) {
            throw new InvalidParameterException("probability", "needs solver ipm or smo, not cascade");
        }
    }

    /** The cascade's training rows, persisted on the executors, their number and the kernel with gamma resolved on them. */
    private record CascadeRows(JavaRDD<Sample> samples, long size, double gamma, KernelSpec kernel) {
    }

    /** The rows as samples on the executors ({@link TrainingRows#samples}: sparse rows stay sparse), persisted. */
    private CascadeRows cascadeRows(Dataset<?> dataset, TrainingRows.LabelMap label) {
        int d = TrainingRows.numFeatures(dataset, getFeaturesCol());
        JavaRDD<Sample> samples = TrainingRows.samples(dataset, getFeaturesCol(), getLabelCol(), d, label)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long n = samples.count();
            if (getCascadePartitions() > n) {
                throw new InvalidParameterException("cascadePartitions", getCascadePartitions() + " sub-problems for "
                        + n + " training samples; expected at most " + n);
            }
            KernelSpec spec = kernelSpec();
            double gamma = spec.name().equals("linear") ? 0
                    : KernelSpec.SCALE.equals(spec.gamma()) ? scaleGamma(samples, n * d, d) : Double.parseDouble(spec.gamma());
            return new CascadeRows(samples, n, gamma, resolve(spec, gamma));
        } catch (RuntimeException e) {
            samples.unpersist(false);
            throw e;
        }
    }

    /**
     * The cascade: the rows become samples on the executors and stay there; the driver receives the
     * support vectors of the sub-problems and the multipliers and gradients of all points.
     */
    private KernelSvmModel trainCascade(Dataset<?> dataset, double negative) {
        CascadeRows rows = cascadeRows(dataset, label -> label == negative ? -1 : 1);
        try {
            CascadeSvmTrainer.Result result = CascadeSvmTrainer.train(rows.samples(), rows.kernel().kernel(new double[0][]),
                    classCosts(), cascadeSettings(getCascadePartitions()), getSvThreshold(), BiasRule.parse(getBiasRule()),
                    progress());
            DualSolution solution = result.solution().requireConverged();
            KernelSvmTrainingSummary.Problem problem = new KernelSvmTrainingSummary.Problem(0, 1, (int) rows.size(),
                    result.model().size(), solution, 0, result.passes(), result.layers(), result.trainingDecision());
            return new KernelSvmModel(uid(), rows.kernel(), result.model())
                    .setSummary(new KernelSvmTrainingSummary(rows.gamma(), result.model().size(), List.of(problem)));
        } finally {
            rows.samples().unpersist(false);
        }
    }

    /**
     * The cascade on labels 0..K-1: one-vs-one as the other solvers, the class pairs one after another, each by
     * the cascade on its two classes' rows (the pair's sub-problems on the executors; a pair of fewer rows than
     * cascadePartitions in as many sub-problems as rows); the driver receives the class of every row and the
     * pairs' support vectors, which {@link OneVsOneModel#of} keeps once each.
     */
    private KernelSvmModel trainCascadePairs(Dataset<?> dataset, double[] labels, int numClasses) {
        CascadeRows rows = cascadeRows(dataset, label -> label);
        try {
            ClassLabels classes = new ClassLabels(labels);
            int[] classOf = classes.classIndices(rows.samples().map(Sample::label).collect().stream()
                    .mapToDouble(Double::doubleValue).toArray());
            double[] costs = costsOfClasses(labels);
            Kernel kernel = rows.kernel().kernel(new double[0][]);
            BiasRule rule = BiasRule.parse(getBiasRule());
            Consumer<String> log = progress();
            List<ClassPair> pairs = ClassPair.all(classes.numClasses());
            log.accept(String.format("%d classes: %d class pairs, one after another, each by the cascade",
                    classes.numClasses(), pairs.size()));
            List<PairFit> fits = new ArrayList<>();
            List<KernelSvmTrainingSummary.Problem> problems = new ArrayList<>();
            for (ClassPair pair : pairs) {
                long start = System.nanoTime();
                double first = classes.value(pair.first());
                double second = classes.value(pair.second());
                int[] pairRows = IntStream.range(0, classOf.length)
                        .filter(i -> classOf[i] == pair.first() || classOf[i] == pair.second()).toArray();
                log.accept(String.format("class pair (%d, %d): %d rows", (long) first, (long) second, pairRows.length));
                JavaRDD<Sample> pairSamples = rows.samples().filter(x -> x.label() == first || x.label() == second)
                        .map(x -> x.withLabel(x.label() == first ? 1 : -1));
                CascadeSvmTrainer.Result result = CascadeSvmTrainer.train(pairSamples, kernel, pair.costs(costs),
                        cascadeSettings(Math.min(getCascadePartitions(), pairRows.length)), getSvThreshold(), rule, log);
                DualSolution solution = result.solution().requireConverged();
                // the pair's samples are its rows in training order, the positions of its model's support indices
                fits.add(new PairFit(pair, pairRows, result.model(), solution, null, (System.nanoTime() - start) / 1e9));
                problems.add(new KernelSvmTrainingSummary.Problem((int) second, (int) first, pairRows.length,
                        result.model().size(), solution, 0, result.passes(), result.layers(), result.trainingDecision()));
            }
            OneVsOneModel model = OneVsOneModel.of(classes, classOf, kernel, fits);
            return new KernelSvmModel(uid(), rows.kernel(), model, numClasses)
                    .setSummary(new KernelSvmTrainingSummary(rows.gamma(), model.size(), problems));
        } finally {
            rows.samples().unpersist(false);
        }
    }

    /**
     * gamma="scale" over all {@code count} training values, mean and variance summed on the executors (a sparse
     * sample's zeros counted, not stored, as {@link KernelSpec#scaleGamma(mlspark.linalg.Points)}).
     */
    private static double scaleGamma(JavaRDD<Sample> samples, long count, int d) {
        double mean = samples.mapToDouble(s -> {
            double sum = 0;
            for (double v : s.values()) {
                sum += v;
            }
            return sum;
        }).sum() / count;
        double variance = samples.mapToDouble(s -> {
            double squares = (d - s.values().length) * mean * mean;
            for (double v : s.values()) {
                squares += (v - mean) * (v - mean);
            }
            return squares;
        }).sum() / count;
        return KernelSpec.scaleGamma(d, variance);
    }

    /** The kernel with gamma as a number. */
    private static KernelSpec resolve(KernelSpec spec, double gamma) {
        return KernelSpec.parse(spec.name(), Double.toString(gamma), spec.degree(), spec.coef0());
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
