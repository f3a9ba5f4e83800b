package mlspark.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.classification.Classifier;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import mlspark.data.FeatureBlock;
import mlspark.data.SampleBlock;
import mlspark.training.PrimalSvmTrainer;
import mlspark.distributed.SampleBlocks;

/**
 * The soft-margin linear SVM trained as the assignment does (the {@code primal-svm} job's trainer):
 * full-batch gradient descent from w = 0, b = 0 on E(w,b) = 1/2 |w|^2 + sum_i C_i max(0, 1 - y_i (w.x_i + b)),
 * the data term summed over cached sample blocks on the executors. Labels 0/1 or -1/+1.
 */
public final class PrimalSvmClassifier extends Classifier<Vector, PrimalSvmClassifier, PrimalSvmModel>
        implements PrimalSvmParams, DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private String uid;
    private final Fields fields = Fields.of(uid());

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

    @Override
    public PrimalSvmModel train(Dataset<?> dataset) {
        double negative = TrainingRows.requireBinary(dataset, getLabelCol());
        int d = TrainingRows.numFeatures(dataset, getFeaturesCol());
        String weightCol = getWeightCol();
        Dataset<Row> rows = dataset.select(col(getFeaturesCol()).as(SampleBlocks.FEATURES),
                col(getLabelCol()).cast("double").as(SampleBlocks.LABEL),
                weightCol == null || weightCol.isEmpty() ? lit(1.0).as(SampleBlocks.WEIGHT)
                        : col(weightCol).cast("double").as(SampleBlocks.WEIGHT));
        JavaRDD<SampleBlock> blocks = SampleBlocks.of(rows,
                SampleBlocks.Layout.ofKib(d, getBlockKib(), FeatureBlock.Storage.FLOAT64), negative == 0,
                "featuresCol '" + getFeaturesCol() + "'");
        try {
            List<PrimalSvmTrainer.EpochResult> history = new PrimalSvmTrainer(blocks, d, classCosts(), stepSchedule())
                    .train(getMaxIter(), r -> { });
            PrimalSvmTrainingSummary summary = new PrimalSvmTrainingSummary(history);
            PrimalSvmModel model = new PrimalSvmModel(uid(), history.get(history.size() - 1).model());
            return model.setSummary(summary);
        } finally {
            blocks.unpersist(false);
        }
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
