package mlspark.cli.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.ClassificationModel;
import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import mlspark.cli.Home;
import mlspark.data.DataSpec;
import mlspark.data.BinaryDataSets;
import mlspark.data.LabeledData;
import mlspark.data.SignedLabels;
import mlspark.cli.Failure;
import mlspark.cli.JobFailure;
import mlspark.cli.output.OutputDir;
import mlspark.cli.output.Provenance;
import mlspark.cli.jobs.SavedModel.ModelKind;
import mlspark.linalg.DensePoints;
import mlspark.linalg.Points;
import mlspark.linalg.SparsePoints;
import mlspark.ml.KernelSvmModel;
import mlspark.mnist.Digits;
import mlspark.mnist.Mnist;
import mlspark.cli.SourceOptions;
import mlspark.cli.metrics.Confusion;
import mlspark.cli.metrics.PredictMetrics;
import mlspark.sources.DataSources;
import mlspark.distributed.SampleBlocks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import static org.apache.spark.sql.functions.col;

/**
 * {@code predict}: applies a saved model (any of the training jobs' {@code --save-model}, or a
 * PipelineModel holding one) to a data set, writes the predictions and, when the data has labels,
 * the accuracy and confusion counts.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Applies a saved model (primal-svm, dual-svm or two-layer-net --save-model, or a PipelineModel) to a data set.")
public final class PredictJob extends SparkJob {
    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "A model directory as Spark ML saves it (local path or any Hadoop URI).")
    String model;

    @Option(names = "--data", required = true, paramLabel = "NAME|FILE|FORMAT:PATH",
            description = "SVMs: hw3, moons, circles, linearly_separable, xor (their test split), a .npy/.npz file (x_test, y_test), "
                    + "a CSV (x1,...,xd,y) or LIBSVM file, or a .npy matrix without labels; the net: mnist (the test images), "
                    + "an MNIST directory or .npz, a CSV or LIBSVM file; any model: libsvm:PATH, csv:PATH, parquet:PATH "
                    + "(any Hadoop path, read by the executors).")
    String data;

    @Mixin
    SourceOptions sources;

    @Option(names = "--format", paramLabel = "FORMAT", description = "parquet or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--kind", paramLabel = "JOB",
            description = "Fail unless the model is the kind this training job saves: primal-svm, dual-svm or two-layer-net.")
    String kind;

    @Option(names = "--verify-checksums", negatable = true, fallbackValue = "true",
            description = "MNIST: check the files against the published MD5s (default: ${DEFAULT-VALUE}).")
    boolean verifyChecksums;

    private SavedModel saved;
    /** Null for a FORMAT:PATH source, which the executors read in {@link #run}. */
    private Examples examples;
    private DataSpec.Source source;
    private DataSources.Options sourceOptions;

    /**
     * The rows to predict: features (a LIBSVM file's sparse rows stay sparse, {@link SparsePoints#compacted}),
     * labels (null when the data has none) and where they came from; {@code libsvm}: the width is the file's
     * largest index.
     */
    private record Examples(String name, Points x, double[] y, boolean libsvm) {
        int dimension() {
            return x.dimension();
        }
    }

    @Override
    protected void prepare(Provenance provenance) {
        if (!format.equals("parquet") && !format.equals("csv")) {
            throw JobFailure.usage("--format", "'" + format + "' is not one of parquet, csv");
        }
        ModelKind expected = null;
        if (kind != null) {
            expected = ModelKind.ofJob(kind);
            if (expected == null) {
                throw JobFailure.usage("--kind", "'" + kind + "' is not one of primal-svm, dual-svm, two-layer-net");
            }
        }
        options.partitions();
        saved = SavedModel.inspect(model);
        if (saved.kind() == null) {
            throw JobFailure.badFormat(Path.of(model), "class", saved.describe()
                    + " is not a model a training job saves (PrimalSvmModel, KernelSvmModel, TwoLayerNetModel, or a PipelineModel with one)");
        }
        if (expected != null && saved.kind() != expected) {
            throw JobFailure.badFormat(Path.of(model), "class", saved.describe() + ", expected a "
                    + expected.simpleName() + " (--kind " + kind + ")");
        }
        sourceOptions = sources.options();
        if (DataSpec.parse(data) instanceof DataSpec.Source s) {
            source = s;
            log(String.format("model %s: %s; data %s (read by the executors)", model, saved.describe(), source));
            return;
        }
        for (String option : List.of("--num-features", "--features-col", "--label-col")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw JobFailure.usage(option, "applies to libsvm:PATH, csv:PATH and parquet:PATH inputs, not --data " + data);
            }
        }
        examples = saved.classIndices() ? classes(provenance) : binary(provenance);
        log(String.format("model %s: %s; data %s: %d rows, %d features, %s", model, saved.describe(), examples.name(),
                examples.x().size(), examples.dimension(), examples.y() == null ? "no labels" : "labeled"));
    }

    /** Data for the SVMs: labels -1/+1 or 0/1 become 0/1, MLlib's convention. */
    private Examples binary(Provenance provenance) {
        if (DataSpec.parse(data) instanceof DataSpec.Named named) {
            LabeledData test = BinaryDataSets.load(named, null, options.dataDir(), this::log).test();
            provenance.input(Path.of(test.source()));
            return new Examples(data + " (test split)", test.features(), zeroOne(test.y()), false);
        }
        Path file = Home.resolve(Path.of(data));
        provenance.input(file);
        DataSpec.LocalFile spec = DataSpec.LocalFile.of(file);
        if (spec.format() == DataSpec.LocalFile.Format.NPY && Files.isRegularFile(file)) {
            mlspark.data.NpyArray array = mlspark.data.Npy.read(file);
            if (!array.isObject()) {
                return new Examples(file.getFileName().toString(), new DensePoints(matrix(array, file)), null, false);
            }
        }
        if (!spec.text()) {
            LabeledData test = BinaryDataSets.load(spec, null, options.dataDir(), this::log).test();
            return new Examples(file.getFileName() + " (x_test, y_test)", test.features(), zeroOne(test.y()), false);
        }
        LabeledData rows = SignedLabels.toSigned(BinaryDataSets.readText(spec, 0), file, "labels", this::log);
        return new Examples(file.getFileName().toString(), rows.features(), zeroOne(rows.y()),
                spec.format() == DataSpec.LocalFile.Format.LIBSVM);
    }

    /**
     * Data for the net and one-vs-one kernel SVMs: MNIST's test images (raw pixels), or a CSV/LIBSVM file with
     * class indices.
     */
    private Examples classes(Provenance provenance) {
        Path file = data.equals("mnist") ? options.dataDir().resolve("mnist") : Home.resolve(Path.of(data));
        DataSpec.LocalFile spec = DataSpec.LocalFile.of(file);
        if (data.equals("mnist") || Files.isDirectory(file) || spec.format() == DataSpec.LocalFile.Format.NPZ) {
            Mnist.DataSet mnist = Mnist.load(file, verifyChecksums);
            mnist.files().forEach(provenance::input);
            Digits test = mnist.test();
            double[][] x = new double[test.count()][test.dimension()];
            double[] y = new double[test.count()];
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < test.dimension(); j++) {
                    x[i][j] = test.pixel(i, j);
                }
                y[i] = test.labels()[i];
            }
            return new Examples("MNIST test images (" + file + ")", new DensePoints(x), y, false);
        }
        provenance.input(file);
        LabeledData rows = BinaryDataSets.readText(spec, 0);
        return new Examples(file.getFileName().toString(), rows.features(), rows.y(), spec.format() == DataSpec.LocalFile.Format.LIBSVM);
    }

    private static double[] zeroOne(double[] signed) {
        return Arrays.stream(signed).map(v -> v > 0 ? 1 : 0).toArray();
    }

    private static double[][] matrix(mlspark.data.NpyArray array, Path file) {
        if (array.shape().length != 2) {
            throw JobFailure.badFormat(file, "shape", "expected a 2-d matrix of features (rows x features), or a pickled "
                    + "dict with x_test and y_test; got shape " + array.shapeString());
        }
        int n = array.shape()[0];
        int d = array.shape()[1];
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = Arrays.copyOfRange(array.values(), i * d, (i + 1) * d);
        }
        new LabeledData(x, new double[n], file.toString()).requireFinite(file, "features", "labels");
        return x;
    }

    @Override
    protected PredictMetrics run(JavaSparkContext sc, OutputDir out, Provenance provenance) {
        SparkSession spark = SparkSession.builder().sparkContext(sc.sc()).getOrCreate();
        Transformer transformer = load();
        List<Transformer> stages = transformer instanceof PipelineModel p ? Arrays.asList(p.stages()) : List.of(transformer);
        ClassificationModel<?, ?> classifier = null;
        for (Transformer stage : stages) {
            if (stage instanceof ClassificationModel<?, ?> c) {
                classifier = c;
            }
        }
        if (classifier == null) {
            throw JobFailure.badFormat(Path.of(model), "stages", "no classification model among " + saved.stages());
        }
        VectorAssembler assembler = stages.get(0) instanceof VectorAssembler a ? a : null;
        int modelDimension = assembler != null ? assembler.getInputCols().length : classifier.numFeatures();
        int numClasses = classifier.numClasses();
        // the column the first stage reads: a pipeline's scaler takes the raw features under its inputCol
        Transformer first = stages.get(0);
        String featuresCol = first != classifier && first.hasParam("inputCol")
                ? (String) first.getOrDefault(first.getParam("inputCol")) : classifier.getFeaturesCol();
        Dataset<Row> input;
        int d;
        boolean labeled;
        if (source != null) {
            d = sourceDimension(modelDimension);
            Dataset<Row> rows = DataSources.read(spark, source, sourceOptions, d, "the model " + model + " takes " + d);
            provenance.source("data", DataSources.provenance(spark, source, sourceOptions, d));
            input = sourceFrame(spark, rows, d, numClasses, !saved.classIndices(), assembler, featuresCol);
            labeled = true;
        } else {
            Points x = examples.x();
            if (examples.libsvm() && examples.dimension() < modelDimension) {
                x = padded(x, modelDimension);
            }
            d = x.dimension();
            if (modelDimension >= 0 && d != modelDimension) {
                throw JobFailure.badFormat(Path.of(data), "features", d + " features, but the model " + model + " takes "
                        + modelDimension);
            }
            double[] y = examples.y();
            if (y != null) {
                for (double v : y) {
                    if (v != Math.rint(v) || v < 0 || v >= numClasses) {
                        throw JobFailure.badValues(Path.of(data), "labels", v + " is not a class of the model (0.."
                                + (numClasses - 1) + ")");
                    }
                }
            }
            input = frame(spark, sc, x, y, assembler, featuresCol);
            labeled = y != null;
        }
        Dataset<Row> predicted = transformer.transform(input);
        List<Column> columns = new ArrayList<>();
        columns.add(col("id"));
        if (labeled) {
            columns.add(col("label"));
        }
        columns.add(col(classifier.getRawPredictionCol()).as("rawPrediction"));
        columns.add(col(classifier.getPredictionCol()).as("prediction"));
        String probabilityCol = classifier instanceof ProbabilisticClassificationModel<?, ?> p ? p.getProbabilityCol()
                : classifier instanceof KernelSvmModel k && k.hasProbabilities() ? k.getProbabilityCol() : null;
        boolean probabilistic = probabilityCol != null;
        if (probabilistic) {
            columns.add(col(probabilityCol).as("probability"));
        }
        Dataset<Row> result = predicted.select(columns.toArray(Column[]::new)).cache();
        String file = "predictions." + format;
        if (format.equals("parquet")) {
            result.write().parquet(out.resolve(file).toString());
        } else {
            flattened(result, numClasses, probabilistic).coalesce(1).write().option("header", true)
                    .csv(out.resolve(file).toString());
        }
        long n = source != null ? result.count() : examples.x().size();
        log("wrote " + file + " (" + n + " rows)");

        Double accuracy = null;
        long[][] confusion = null;
        if (labeled) {
            confusion = new long[numClasses][numClasses];
            for (Row r : result.groupBy("label", "prediction").count().collectAsList()) {
                confusion[(int) r.getDouble(0)][(int) r.getDouble(1)] = r.getLong(2);
            }
            long correct = 0;
            for (int k = 0; k < numClasses; k++) {
                correct += confusion[k][k];
            }
            accuracy = n == 0 ? Double.NaN : (double) correct / n;
            log(String.format("accuracy %.4f (%d of %d)", accuracy, correct, n));
        }
        result.unpersist();
        boolean binary = numClasses == 2;
        return new PredictMetrics(new PredictMetrics.Model(model, saved.className(), saved.kind().job, saved.stages(),
                modelDimension, numClasses), new PredictMetrics.Data(source != null ? source.toString() : examples.name(), n, d, labeled), format, file,
                accuracy, binary && confusion != null
                ? new Confusion(confusion[1][1], confusion[0][1], confusion[0][0], confusion[1][0]) : null,
                binary ? null : confusion);
    }

    /** The model (or the pipeline holding it), read by its class's reader; a failure to read it is a corrupt model (65). */
    private Transformer load() {
        try {
            return saved.className().equals(SavedModel.PIPELINE_MODEL) ? PipelineModel.load(model) : saved.kind().load(model);
        } catch (Exception e) {
            // Scala's readers also throw checked exceptions (Spark's AnalysisException) undeclared
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new JobFailure(Failure.BAD_FORMAT, model + ": cannot be read as " + saved.describe() + ": "
                    + e.getClass().getSimpleName() + ": " + message, e);
        }
    }

    /** The dimension a source is read with: the model's; --num-features must agree with it (or stand in for it). */
    private int sourceDimension(int modelDimension) {
        Integer option = sourceOptions.numFeatures();
        if (modelDimension < 0) {
            if (option == null) {
                throw JobFailure.usage("--num-features", "the model " + model + " does not record its dimension "
                        + "(it has no support vectors); give the dimension of " + source);
            }
            return option;
        }
        if (option != null && option != modelDimension) {
            throw JobFailure.usage("--num-features", option + " features, but the model " + model + " takes "
                    + modelDimension);
        }
        return modelDimension;
    }

    /**
     * A source's rows as the model's input, built by the executors: id (the row's position), label
     * (0/1 for the SVMs from 0/1 or -1/+1; a class index of the model for the net) and the features
     * vector, or the columns a leading VectorAssembler takes.
     */
    private Dataset<Row> sourceFrame(SparkSession spark, Dataset<Row> rows, int d, int numClasses, boolean binary,
                                     VectorAssembler assembler, String featuresCol) {
        String name = source.toString();
        boolean columns = assembler != null;
        JavaRDD<Row> indexed = rows.select(SampleBlocks.FEATURES, SampleBlocks.LABEL).javaRDD().zipWithIndex().map(t -> {
            Row r = t._1();
            Vector v = r.isNullAt(0) ? null : (Vector) r.get(0);
            if (v == null || v.size() != d) {
                throw new JobFailure(Failure.BAD_FORMAT, name + ": " + SampleBlocks.FEATURES + ": a row has "
                        + (v == null ? "no vector" : v.size() + " features") + ", but the model takes " + d);
            }
            double label = r.isNullAt(1) ? Double.NaN : r.getDouble(1);
            if (binary ? !(label == 0 || label == 1 || label == -1) : !(label == Math.rint(label) && label >= 0 && label < numClasses)) {
                throw new JobFailure(Failure.BAD_VALUES, name + ": " + SampleBlocks.LABEL + ": " + label + " is not "
                        + (binary ? "a binary label (0/1 or -1/+1)" : "a class of the model (0.." + (numClasses - 1) + ")"));
            }
            Object[] values = new Object[columns ? 2 + d : 3];
            values[0] = t._2();
            values[1] = binary ? (label > 0 ? 1.0 : 0.0) : label;
            if (columns) {
                for (int j = 0; j < d; j++) {
                    values[2 + j] = v.apply(j);
                }
            } else {
                values[2] = v;
            }
            return RowFactory.create(values);
        });
        return spark.createDataFrame(indexed, schema(true, assembler, featuresCol));
    }

    /** A LIBSVM file's rows (its width their largest index) with the trailing zero features up to {@code dimension}. */
    private static Points padded(Points x, int dimension) {
        if (x instanceof SparsePoints sparse) {
            return new SparsePoints(dimension, sparse.rowStart(), sparse.indices(), sparse.values());
        }
        double[][] rows = new double[x.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Arrays.copyOf(x.dense(i), dimension);
        }
        return new DensePoints(rows);
    }

    /**
     * The rows as the model's input: its features column (sparse vectors for sparse points), or the columns its
     * leading VectorAssembler takes.
     */
    private Dataset<Row> frame(SparkSession spark, JavaSparkContext sc, Points x, double[] y, VectorAssembler assembler,
                               String featuresCol) {
        List<Row> rows = new ArrayList<>(x.size());
        for (int i = 0; i < x.size(); i++) {
            List<Object> values = new ArrayList<>();
            values.add((long) i);
            if (y != null) {
                values.add(y[i]);
            }
            if (assembler != null) {
                for (double v : x.dense(i)) {
                    values.add(v);
                }
            } else {
                values.add(SampleBlocks.vector(x, i));
            }
            rows.add(RowFactory.create(values.toArray()));
        }
        return spark.createDataFrame(sc.parallelize(rows, options.partitions()), schema(y != null, assembler, featuresCol));
    }

    /** id, label (when labeled), and the features column or the assembler's input columns. */
    private static StructType schema(boolean labeled, VectorAssembler assembler, String featuresCol) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("id", DataTypes.LongType, false));
        if (labeled) {
            fields.add(DataTypes.createStructField("label", DataTypes.DoubleType, false));
        }
        if (assembler != null) {
            for (String name : assembler.getInputCols()) {
                fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
            }
        } else {
            fields.add(DataTypes.createStructField(featuresCol, SQLDataTypes.VectorType(), false));
        }
        return new StructType(fields.toArray(StructField[]::new));
    }

    /** CSV has no vectors: rawPrediction_k and probability_k columns, one per class. */
    private static Dataset<Row> flattened(Dataset<Row> result, int numClasses, boolean probabilistic) {
        List<Column> columns = new ArrayList<>();
        columns.add(col("id"));
        if (Arrays.asList(result.columns()).contains("label")) {
            columns.add(col("label"));
        }
        List<String> vectors = probabilistic ? List.of("rawPrediction", "probability") : List.of("rawPrediction");
        for (String v : vectors) {
            Column array = org.apache.spark.ml.functions.vector_to_array(col(v), "float64");
            for (int k = 0; k < numClasses; k++) {
                columns.add(array.getItem(k).as(v + "_" + k));
            }
        }
        columns.add(col("prediction"));
        return result.select(columns.toArray(Column[]::new));
    }
}
