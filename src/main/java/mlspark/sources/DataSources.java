package mlspark.sources;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import mlspark.data.DataSpec;
import mlspark.data.FeatureBlock;
import mlspark.data.LabeledData;
import mlspark.data.SampleBlock;
import mlspark.data.SignedLabels;
import mlspark.distributed.FeatureShape;
import mlspark.distributed.SampleBlocks;
import mlspark.errors.InputException;
import mlspark.errors.InvalidParameterException;
import mlspark.errors.ParameterText;
import mlspark.linalg.DensePoints;
import mlspark.linalg.Points;
import mlspark.linalg.SparsePoints;
import mlspark.svm.multiclass.ClassLabels;

/**
 * Data sets read by the executors with Spark, from any Hadoop FileSystem path (a file, a directory
 * of part files, a glob): {@code libsvm:PATH} ({@link LibsvmSource}), {@code csv:PATH}
 * ({@link CsvSource}), {@code parquet:PATH} ({@link ParquetSource}). Each becomes a Dataset of
 * {@code features} (vector) and {@code label} (double); the driver reads only metadata (file
 * listings, headers, Parquet footers), a LIBSVM validation pass's summary and the label set. Errors
 * name the parameters ({@code numFeatures}, {@code test}), never a flag.
 * <p>Labels of classes: a set's distinct labels are listed in order of first appearance in its rows
 * as Spark reads them (each partition's in its row order, the partitions in order: one file's lines or
 * rows in order; several files in Spark's order of input splits), as LIBSVM orders its classes.
 */
public final class DataSources {
    /** {@code numFeatures} null: the largest LIBSVM index; column names null: {@code features}, {@code label}/the last CSV column. */
    public record Options(Integer numFeatures, String featuresCol, String labelCol) implements java.io.Serializable {
    }

    /**
     * Training and test rows of one dimension. Binary ({@code classes} null): {@code zeroIsNegative}, labels
     * are 0/1 (else -1/+1). Else the labels are the class indices of {@code classes}, and a test row of a
     * label no class has is class index K = {@code classes.numClasses()}.
     */
    public record Input(DataSpec.Source trainSpec, Dataset<Row> train, DataSpec.Source testSpec, Dataset<Row> test, int dimension,
                        boolean zeroIsNegative, ClassLabels classes) {
    }

    /**
     * Training and test rows whose labels are any numbers (checked: not NaN, not missing), with the
     * training set's distinct labels in order of first appearance, for a caller that decides how they
     * are classes ({@link #binary} or {@link #withClasses}).
     */
    public record Labeled(DataSpec.Source trainSpec, Dataset<Row> train, DataSpec.Source testSpec, Dataset<Row> test,
                          int dimension, double[] trainLabels, double[] labels) {
        /**
         * The binary input: both sets' labels -1/+1 or 0/1 (else BAD_VALUES naming the training set), both
         * classes in the training set.
         */
        public Input binary(Consumer<String> log) {
            boolean zeroIsNegative = SignedLabels.zeroIsNegative(labels, java.nio.file.Path.of(trainSpec.path()),
                    SampleBlocks.LABEL, log);
            SignedLabels.requireBothClasses(trainLabels, trainSpec.path());
            return new Input(trainSpec, train, testSpec, test, dimension, zeroIsNegative, null);
        }

        /**
         * The input whose labels are the class indices of {@code classes} (mapped on the executors); a test
         * label that no class has becomes K.
         */
        public Input withClasses(ClassLabels classes) {
            return new Input(trainSpec, classIndices(train, classes), testSpec, classIndices(test, classes), dimension,
                    false, classes);
        }
    }

    private DataSources() {
    }

    /**
     * Reads a training and a test set of a binary classifier (labels -1/+1 or 0/1, both classes in
     * the training set). The dimension is that of the CSV/Parquet sets (which must agree), else
     * {@code numFeatures}, else the largest LIBSVM index over both sets.
     */
    public static Input read(SparkSession spark, String trainText, String testText, Options options, Consumer<String> log) {
        return readLabeled(spark, trainText, testText, options).binary(log);
    }

    /**
     * Reads a training and a test set as {@link #read}, their labels any numbers: at most
     * {@value #MAX_LABELS} distinct in the training set, none NaN or missing (BAD_VALUES naming the set).
     */
    public static Labeled readLabeled(SparkSession spark, String trainText, String testText, Options options) {
        Sets sets = sets(spark, trainText, testText, options);
        for (DataSpec.Source spec : List.of(sets.train, sets.test)) {
            if ((spec == sets.train ? sets.trainLabels : sets.labels).contains(Double.NaN)) {
                throw InputException.badValues(spec.toString(), SampleBlocks.LABEL, "a missing or NaN label (expected a number)");
            }
        }
        if (sets.trainLabels.size() > MAX_LABELS) {
            throw InputException.badValues(sets.train.toString(), SampleBlocks.LABEL, "more than " + MAX_LABELS
                    + " distinct labels (expected the classes of a classifier)");
        }
        return new Labeled(sets.train, sets.trainRows, sets.test, sets.testRows, sets.dimension,
                sets.trainLabels.stream().mapToDouble(Double::doubleValue).toArray(),
                sets.labels.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** {@code rows} with each label replaced by its class index, K for a label that is no class. */
    private static Dataset<Row> classIndices(Dataset<Row> rows, ClassLabels classes) {
        return rows.select(SampleBlocks.FEATURES, SampleBlocks.LABEL).map((MapFunction<Row, Row>) r -> RowFactory.create(
                r.get(0), (double) classes.classIndexOrUnseen(r.isNullAt(1) ? Double.NaN : r.getDouble(1))),
                Encoders.row(SampleBlocks.SCHEMA));
    }

    /**
     * Reads a training and a test set of a multiclass classifier, as {@link #read}; labels must be
     * class indices 0, 1, ..., at most {@value #MAX_LABELS} distinct, two or more in the training
     * set. Returns the sets and the number of classes, the largest index over both sets + 1.
     */
    public static Classes readClasses(SparkSession spark, String trainText, String testText, Options options) {
        Sets sets = sets(spark, trainText, testText, options);
        for (double v : sets.labels) {
            if (!(v >= 0 && v == Math.rint(v) && v < MAX_LABELS)) {
                throw InputException.badValues((sets.trainLabels.contains(v) ? sets.train : sets.test).toString(),
                        SampleBlocks.LABEL, v + " is not a class index (expected integers 0, 1, ..., K-1)");
            }
        }
        if (sets.trainLabels.size() < 2) {
            throw InputException.badValues(sets.train.toString(), SampleBlocks.LABEL, "the training set has only "
                    + "the class " + sets.trainLabels + "; a classifier needs two classes or more");
        }
        int classes = (int) sets.labels.last().doubleValue() + 1;
        return new Classes(new Input(sets.train, sets.trainRows, sets.test, sets.testRows, sets.dimension, false,
                ClassLabels.indices(classes)), classes);
    }

    /** A multiclass training and test set and the number of classes. */
    public record Classes(Input input, int classes) {
    }

    /** Distinct labels read from a set to check them (a set with more fails as a multiclass set). */
    static final int MAX_LABELS = 1000;

    /**
     * The rows of a training and a test set, their dimension, the labels of both (ascending) and of the
     * training set (in order of first appearance).
     */
    private record Sets(DataSpec.Source train, Dataset<Row> trainRows, DataSpec.Source test, Dataset<Row> testRows, int dimension,
                        TreeSet<Double> labels, LinkedHashSet<Double> trainLabels) {
    }

    private static Sets sets(SparkSession spark, String trainText, String testText, Options options) {
        if (!(DataSpec.parse(trainText) instanceof DataSpec.Source train)) {
            throw new IllegalArgumentException(trainText + " is not a FORMAT:PATH source");
        }
        if (testText == null) {
            throw new InvalidParameterException("test", ParameterText.of("", "test", ": a test set is required with ", "data",
                    " " + trainText));
        }
        if (!(DataSpec.parse(testText, "test") instanceof DataSpec.Source test)) {
            throw new InvalidParameterException("test", ParameterText.of("", "test",
                    ": expected libsvm:PATH, csv:PATH or parquet:PATH with ", "data", " " + trainText + ", got " + testText));
        }
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        SourceFiles.list(train, hadoop);
        SourceFiles.list(test, hadoop);
        Dataset<Row> trainRows = train.format() == DataSpec.Source.Format.LIBSVM ? null : fixedRows(spark, train, options);
        Dataset<Row> testRows = test.format() == DataSpec.Source.Format.LIBSVM ? null : fixedRows(spark, test, options);
        Integer dimension = options.numFeatures();
        if (trainRows != null) {
            dimension = agreeingDimension(train, trainRows, dimension, ParameterText.of("", "numFeatures", " is " + dimension));
        }
        if (testRows != null) {
            dimension = agreeingDimension(test, testRows, dimension, trainRows != null
                    ? ParameterText.of("the training set " + train + " has " + dimension)
                    : ParameterText.of("", "numFeatures", " is " + dimension));
        }
        TreeSet<Double> labels = new TreeSet<>();
        LinkedHashSet<Double> trainLabels = new LinkedHashSet<>();
        long limit = dimension != null ? dimension : DenseLimit.maxDimension();
        ParameterText bound = dimension != null ? ParameterText.of("the dimension " + dimension + " (", "numFeatures",
                ", or the columns of the CSV/Parquet set)") : DenseLimit.describe();
        int largest = 0;
        for (DataSpec.Source spec : List.of(train, test)) {
            if (spec.format() == DataSpec.Source.Format.LIBSVM) {
                LibsvmSource.Summary summary = LibsvmSource.summary(spark, spec, limit, bound);
                largest = Math.max(largest, summary.maxIndex);
                labels.addAll(summary.labels);
                if (spec == train) {
                    trainLabels.addAll(summary.labels);
                }
            }
        }
        if (dimension == null) {
            dimension = largest;
        }
        if (dimension < 1) {
            throw InputException.badFormat(train.toString(), SampleBlocks.FEATURES, "no features");
        }
        DenseLimit.require(train.toString(), dimension);
        if (trainRows == null) {
            trainRows = LibsvmSource.rows(spark, train, dimension);
        }
        if (testRows == null) {
            testRows = LibsvmSource.rows(spark, test, dimension);
        }
        if (train.format() != DataSpec.Source.Format.LIBSVM) {
            trainLabels.addAll(labelsOf(trainRows));
            labels.addAll(trainLabels);
        }
        if (test.format() != DataSpec.Source.Format.LIBSVM) {
            labels.addAll(labelsOf(testRows));
        }
        return new Sets(train, trainRows, test, testRows, dimension, labels, trainLabels);
    }

    /**
     * The training ({@code test} false) or the test set of {@code input} gathered on the driver, for an
     * algorithm that needs every point there (the dual QP): the rows stacked into blocks on the executors
     * ({@link SampleBlocks#of}, which checks them) and gathered as points, sparse when every row is a sparse
     * vector (a LIBSVM source's are) and fewer than a quarter of their values are non-zero
     * ({@link SparsePoints#compacted}), else dense, as the kernel SVM keeps its training rows; labels -1/+1 of
     * a binary input, else class indices (a test set's K included). The rows are measured first: the points
     * (n x D doubles, or the non-zeros of sparse rows) beyond a quarter of the driver's heap fail with
     * BAD_FORMAT naming the size and the limit.
     */
    public static LabeledData collect(Input input, boolean test) {
        Dataset<Row> rows = test ? input.test() : input.train();
        String source = (test ? input.testSpec() : input.trainSpec()).toString();
        int dimension = input.dimension();
        SampleBlocks.Layout layout = SampleBlocks.Layout.ofKib(dimension, SampleBlocks.DEFAULT_BLOCK_KIB,
                FeatureBlock.Storage.FLOAT64);
        // a null vector counts as none: the blocks report it
        FeatureShape shape = FeatureShape.of(rows.select(SampleBlocks.FEATURES).javaRDD(), 0, dimension);
        long n = shape.rows();
        long cells = n * dimension;
        boolean allSparse = shape.allSparse();
        boolean sparse = shape.storedSparse(dimension);
        long bytes = sparse ? 12 * shape.storedValues() : 8 * cells;
        long limit = Runtime.getRuntime().maxMemory() / 4;
        if (bytes > limit) {
            throw new InputException(InputException.Kind.BAD_FORMAT, source, null, n + " rows x " + dimension
                    + " features (" + (bytes >> 20) + " MiB of " + (sparse ? shape.storedValues() + " non-zeros" : "doubles")
                    + ") exceed the limit of " + (limit >> 20) + " MiB (a quarter of the driver's heap) for the "
                    + "points this algorithm holds on the driver");
        }
        // class indices were mapped from the labels (the test set's K stands for a label no class has)
        JavaRDD<SampleBlock> blocks = input.classes() == null ? SampleBlocks.of(rows, layout, input.zeroIsNegative(), source)
                : SampleBlocks.ofClasses(rows, layout, input.classes().numClasses() + (test ? 1 : 0), source);
        try {
            List<SampleBlock> collected = blocks.collect();
            Points[] parts = new Points[collected.size()];
            double[] y = new double[collected.stream().mapToInt(SampleBlock::size).sum()];
            int at = 0;
            for (int b = 0; b < parts.length; b++) {
                SampleBlock block = collected.get(b);
                parts[b] = block.features() instanceof FeatureBlock.Sparse s
                        ? new SparsePoints(dimension, s.rowStarts(), s.indices(), s.values())
                        : DensePoints.ofRowMajor(((FeatureBlock.Dense) block.features()).values(), block.size(), dimension);
                System.arraycopy(block.labels(), 0, y, at, block.size());
                at += block.size();
            }
            // a block is stored sparse wherever that is smaller, whatever its rows were
            Points x = Points.concat(parts);
            if (x instanceof SparsePoints s) {
                x = allSparse ? s.compacted() : new DensePoints(s.denseRows());
            }
            return new LabeledData(x, y, source);
        } finally {
            blocks.unpersist(false);
        }
    }

    /** The vectors' size in {@code rows}, which must equal {@code dimension} unless null ({@code other} says whose it is). */
    private static int agreeingDimension(DataSpec.Source spec, Dataset<Row> rows, Integer dimension, ParameterText other) {
        int d = firstVectorSize(rows, spec);
        if (dimension != null && d != dimension) {
            throw new InputException(InputException.Kind.BAD_FORMAT, spec.toString(), SampleBlocks.FEATURES,
                    other.prefixed(d + " features, "), null);
        }
        return d;
    }

    /** A partition's distinct labels in order of first appearance, or the error its rows raised (reported by the driver). */
    private record LabelScan(List<Double> labels, InputException error) implements java.io.Serializable {
    }

    /**
     * Up to {@value #MAX_LABELS} + 1 distinct labels (more fail either way) in order of first appearance
     * (missing: NaN; -0.0 as 0.0): each partition's, then merged in partition order. A malformed row fails
     * on the driver with the first partition's error (a task's own failure would be logged with its trace).
     */
    private static LinkedHashSet<Double> labelsOf(Dataset<Row> rows) {
        List<LabelScan> parts = rows.select(SampleBlocks.LABEL).javaRDD().mapPartitions((Iterator<Row> it) -> {
            LinkedHashSet<Double> seen = new LinkedHashSet<>();
            try {
                while (it.hasNext() && seen.size() <= MAX_LABELS) {
                    Row r = it.next();
                    seen.add(r.isNullAt(0) ? Double.NaN : r.getDouble(0) + 0.0);
                }
            } catch (InputException e) {
                return List.of(new LabelScan(null, e)).iterator();
            }
            return List.of(new LabelScan(new ArrayList<>(seen), null)).iterator();
        }).collect();
        LinkedHashSet<Double> labels = new LinkedHashSet<>();
        for (LabelScan part : parts) {
            if (part.error() != null) {
                throw part.error();
            }
            labels.addAll(part.labels());
        }
        return labels;
    }

    /**
     * One set of a known dimension, e.g. for prediction: LIBSVM indices must not exceed it, CSV and
     * Parquet vectors must have it; {@code whose} says whose dimension it is in error messages
     * (e.g. "the model M takes 4").
     */
    public static Dataset<Row> read(SparkSession spark, DataSpec.Source spec, Options options, int dimension, String whose) {
        SourceFiles.list(spec, spark.sparkContext().hadoopConfiguration());
        if (spec.format() == DataSpec.Source.Format.LIBSVM) {
            LibsvmSource.summary(spark, spec, dimension, ParameterText.of("the dimension " + dimension + " (" + whose + ")"));
            return LibsvmSource.rows(spark, spec, dimension);
        }
        Dataset<Row> rows = fixedRows(spark, spec, options);
        agreeingDimension(spec, rows, dimension, ParameterText.of(whose));
        return rows;
    }

    /**
     * What was read from a source, for metrics.json's provenance (its files are not hashed: they
     * may be larger than the driver could read): the spec, its format and path, the number and
     * bytes of its data files, the dimension used and the options that chose the columns.
     */
    public static Map<String, Object> provenance(SparkSession spark, DataSpec.Source spec, Options options, int dimension) {
        List<FileStatus> files = SourceFiles.list(spec, spark.sparkContext().hadoopConfiguration());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("source", spec.toString());
        p.put("format", spec.format().name().toLowerCase(Locale.ROOT));
        p.put("path", spec.path());
        p.put("files", files.size());
        p.put("bytes", files.stream().mapToLong(FileStatus::getLen).sum());
        p.put("num_features", dimension);
        p.put("num_features_option", options.numFeatures());
        if (spec.format() == DataSpec.Source.Format.PARQUET) {
            p.put("features_col", options.featuresCol() != null ? options.featuresCol() : SampleBlocks.FEATURES);
        }
        if (spec.format() != DataSpec.Source.Format.LIBSVM) {
            p.put("label_col", options.labelCol() != null ? options.labelCol()
                    : spec.format() == DataSpec.Source.Format.PARQUET ? SampleBlocks.LABEL : "(the last column)");
        }
        return p;
    }

    /** A CSV or Parquet set, its columns checked on the driver's metadata. */
    private static Dataset<Row> fixedRows(SparkSession spark, DataSpec.Source spec, Options options) {
        return spec.format() == DataSpec.Source.Format.CSV ? CsvSource.rows(spark, spec, options)
                : ParquetSource.rows(spark, spec, options);
    }

    private static int firstVectorSize(Dataset<Row> rows, DataSpec.Source spec) {
        List<Row> first = rows.select(SampleBlocks.FEATURES).limit(1).collectAsList();
        if (first.isEmpty()) {
            throw InputException.badFormat(spec.toString(), "rows", "no data rows");
        }
        if (first.get(0).isNullAt(0)) {
            throw InputException.badFormat(spec.toString(), SampleBlocks.FEATURES, "a null vector");
        }
        return ((Vector) first.get(0).get(0)).size();
    }
}
