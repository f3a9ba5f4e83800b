package mlspark.sources;

import mlspark.distributed.SampleBlocks;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import mlspark.data.LabeledData;
import mlspark.data.SignedLabels;
import mlspark.cli.Failure;
import mlspark.cli.JobFailure;

/**
 * Data sets read by the executors with Spark's data sources, from any Hadoop FileSystem path (a
 * file, a directory of part files, a glob): {@code libsvm:PATH}, {@code csv:PATH} (a header line,
 * the label in the last column unless named), {@code parquet:PATH} (a vector features column and
 * a numeric label column). Each becomes a Dataset of {@code features} (vector) and {@code label}
 * (double); the driver reads only metadata (file listings, headers, Parquet footers), a LIBSVM
 * validation pass's summary and the label set.
 */
public final class DataSources {
    /** Of a dense weight vector of D doubles the driver holds this many copies (parameters, gradients, broadcast, history). */
    static final int DENSE_COPIES = 16;

    public enum Format { LIBSVM, CSV, PARQUET }

    /** A {@code FORMAT:PATH} input. */
    public record Spec(Format format, String path) implements Serializable {
        /** The spec of {@code text}, or null when it names no data source (a named set or a local file). */
        public static Spec parse(String text) {
            int colon = text.indexOf(':');
            if (colon < 0) {
                return null;
            }
            String prefix = text.substring(0, colon).toLowerCase(Locale.ROOT);
            for (Format f : Format.values()) {
                if (f.name().toLowerCase(Locale.ROOT).equals(prefix)) {
                    return new Spec(f, text.substring(colon + 1));
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return format.name().toLowerCase(Locale.ROOT) + ":" + path;
        }
    }

    /** {@code numFeatures} null: the largest LIBSVM index; column names null: {@code features}, {@code label}/the last CSV column. */
    public record Options(Integer numFeatures, String featuresCol, String labelCol) implements Serializable {
    }

    /** Training and test rows of one dimension; {@code zeroIsNegative}: labels are 0/1 (else -1/+1). */
    public record Input(Spec trainSpec, Dataset<Row> train, Spec testSpec, Dataset<Row> test, int dimension,
                        boolean zeroIsNegative) {
    }

    private DataSources() {
    }

    public static boolean isSource(String text) {
        return text != null && Spec.parse(text) != null;
    }

    /**
     * The largest dimension of a dense weight vector this driver can hold: {@value #DENSE_COPIES}
     * vectors of D doubles within its maximum heap, and a Java array's length limit.
     */
    public static long maxDenseDimension() {
        return Math.min(Integer.MAX_VALUE - 16, Runtime.getRuntime().maxMemory() / (8L * DENSE_COPIES));
    }

    /** Fails with BAD_FORMAT when a dense weight vector of {@code dimension} features would not fit. */
    public static void requireDenseDimension(String source, long dimension) {
        long limit = maxDenseDimension();
        if (dimension > limit) {
            throw new JobFailure(Failure.BAD_FORMAT, source + ": dimension " + dimension + " exceeds the limit of "
                    + limit + " features of a dense weight vector (" + DENSE_COPIES + " copies of "
                    + (8L * dimension >> 20) + " MiB in a driver heap of " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB)");
        }
    }

    /**
     * Reads a training and a test set of a binary classifier (labels -1/+1 or 0/1, both classes in
     * the training set). The dimension is that of the CSV/Parquet sets (which must agree), else
     * {@code --num-features}, else the largest LIBSVM index over both sets.
     */
    public static Input read(SparkSession spark, String trainText, String testText, Options options, Consumer<String> log) {
        Sets sets = sets(spark, trainText, testText, options);
        boolean zeroIsNegative = SignedLabels.zeroIsNegative(sets.labels.stream().mapToDouble(Double::doubleValue).toArray(),
                java.nio.file.Path.of(sets.train.path()), SampleBlocks.LABEL, log);
        SignedLabels.requireBothClasses(sets.trainLabels.stream().mapToDouble(Double::doubleValue).toArray(), sets.train.path());
        return new Input(sets.train, sets.trainRows, sets.test, sets.testRows, sets.dimension, zeroIsNegative);
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
                throw new JobFailure(Failure.BAD_VALUES, (sets.trainLabels.contains(v) ? sets.train : sets.test) + ": "
                        + SampleBlocks.LABEL + ": " + v + " is not a class index (expected integers 0, 1, ..., K-1)");
            }
        }
        if (sets.trainLabels.size() < 2) {
            throw new JobFailure(Failure.BAD_VALUES, sets.train + ": " + SampleBlocks.LABEL + ": the training set has only "
                    + "the class " + sets.trainLabels + "; a classifier needs two classes or more");
        }
        return new Classes(new Input(sets.train, sets.trainRows, sets.test, sets.testRows, sets.dimension, false),
                (int) sets.labels.last().doubleValue() + 1);
    }

    /** A multiclass training and test set and the number of classes. */
    public record Classes(Input input, int classes) {
    }

    /** Distinct labels read from a set to check them (a set with more fails as a multiclass set). */
    static final int MAX_LABELS = 1000;

    /** The rows of a training and a test set, their dimension, the labels of both and of the training set. */
    private record Sets(Spec train, Dataset<Row> trainRows, Spec test, Dataset<Row> testRows, int dimension,
                        TreeSet<Double> labels, TreeSet<Double> trainLabels) {
    }

    private static Sets sets(SparkSession spark, String trainText, String testText, Options options) {
        Spec train = Spec.parse(trainText);
        if (testText == null) {
            throw JobFailure.usage("--test", "a test set is required with --data " + trainText);
        }
        Spec test = Spec.parse(testText);
        if (test == null) {
            throw JobFailure.usage("--test", "expected libsvm:PATH, csv:PATH or parquet:PATH with --data " + trainText
                    + ", got " + testText);
        }
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        requireFiles(train, hadoop);
        requireFiles(test, hadoop);
        Dataset<Row> trainRows = train.format() == Format.LIBSVM ? null : fixedRows(spark, train, options);
        Dataset<Row> testRows = test.format() == Format.LIBSVM ? null : fixedRows(spark, test, options);
        Integer dimension = options.numFeatures();
        if (trainRows != null) {
            dimension = agreeingDimension(train, trainRows, dimension, "--num-features is " + dimension);
        }
        if (testRows != null) {
            dimension = agreeingDimension(test, testRows, dimension, trainRows != null
                    ? "the training set " + train + " has " + dimension : "--num-features is " + dimension);
        }
        TreeSet<Double> labels = new TreeSet<>();
        TreeSet<Double> trainLabels = new TreeSet<>();
        long limit = dimension != null ? dimension : maxDenseDimension();
        int largest = 0;
        for (Spec spec : List.of(train, test)) {
            if (spec.format() == Format.LIBSVM) {
                LibSvmSummary summary = scanLibSvm(spark, spec, limit,
                        dimension != null ? "--num-features, or the columns of the CSV/Parquet set" : null);
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
            throw new JobFailure(Failure.BAD_FORMAT, train + ": " + SampleBlocks.FEATURES + ": no features");
        }
        requireDenseDimension(train.toString(), dimension);
        if (trainRows == null) {
            trainRows = libsvmRows(spark, train, dimension);
        }
        if (testRows == null) {
            testRows = libsvmRows(spark, test, dimension);
        }
        if (train.format() != Format.LIBSVM) {
            trainLabels.addAll(labelsOf(trainRows));
            labels.addAll(trainLabels);
        }
        if (test.format() != Format.LIBSVM) {
            labels.addAll(labelsOf(testRows));
        }
        return new Sets(train, trainRows, test, testRows, dimension, labels, trainLabels);
    }

    /**
     * A set gathered on the driver, for an algorithm that needs every point there (the dual QP):
     * rows densified one by one, labels -1/+1. The rows are counted first: n x D doubles beyond a
     * quarter of the driver's heap fail with BAD_FORMAT naming the size and the limit.
     */
    public static LabeledData collect(Dataset<Row> rows, int dimension, boolean zeroIsNegative, Spec spec) {
        long n = rows.count();
        long limit = Runtime.getRuntime().maxMemory() / 4;
        if (n * dimension * 8 > limit) {
            throw new JobFailure(Failure.BAD_FORMAT, spec + ": " + n + " rows x " + dimension + " features ("
                    + (n * dimension * 8 >> 20) + " MiB of doubles) exceed the limit of " + (limit >> 20)
                    + " MiB (a quarter of the driver's heap) for the points this algorithm holds on the driver");
        }
        String source = spec.toString();
        List<Row> collected = rows.select(SampleBlocks.FEATURES, SampleBlocks.LABEL).javaRDD().map(r -> {
            Vector v = r.isNullAt(0) ? null : (Vector) r.get(0);
            if (v == null || v.size() != dimension) {
                throw new JobFailure(Failure.BAD_FORMAT, source + ": " + SampleBlocks.FEATURES + ": a row has "
                        + (v == null ? "no vector" : v.size() + " features") + ", expected " + dimension);
            }
            double label = r.isNullAt(1) ? Double.NaN : r.getDouble(1);
            boolean negative = zeroIsNegative ? label == 0 : label == -1;
            if (!negative && label != 1) {
                throw new JobFailure(Failure.BAD_VALUES, source + ": " + SampleBlocks.LABEL + ": " + label + " is not in "
                        + (zeroIsNegative ? "{0, 1}" : "{-1, +1}"));
            }
            double[] x = v.toArray();
            for (double e : x) {
                if (!Double.isFinite(e)) {
                    throw new JobFailure(Failure.BAD_VALUES, source + ": " + SampleBlocks.FEATURES + ": a value " + e
                            + " (expected finite numbers)");
                }
            }
            return RowFactory.create(x, negative ? -1.0 : 1.0);
        }).collect();
        double[][] x = new double[collected.size()][];
        double[] y = new double[collected.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (double[]) collected.get(i).get(0);
            y[i] = collected.get(i).getDouble(1);
        }
        return new LabeledData(x, y, source);
    }

    /** The vectors' size in {@code rows}, which must equal {@code dimension} unless null ({@code other} says whose it is). */
    private static int agreeingDimension(Spec spec, Dataset<Row> rows, Integer dimension, String other) {
        int d = firstVectorSize(rows, spec);
        if (dimension != null && d != dimension) {
            throw new JobFailure(Failure.BAD_FORMAT, spec + ": " + SampleBlocks.FEATURES + ": " + d + " features, " + other);
        }
        return d;
    }

    /** Up to {@value #MAX_LABELS} + 1 distinct labels (more fail either way). */
    private static List<Double> labelsOf(Dataset<Row> rows) {
        List<Double> labels = new ArrayList<>();
        for (Row r : rows.select(SampleBlocks.LABEL).distinct().limit(MAX_LABELS + 1).collectAsList()) {
            labels.add(r.isNullAt(0) ? Double.NaN : r.getDouble(0));
        }
        return labels;
    }

    /**
     * One set of a known dimension, e.g. for prediction: LIBSVM indices must not exceed it, CSV and
     * Parquet vectors must have it; {@code whose} says whose dimension it is in error messages
     * (e.g. "the model M takes 4").
     */
    public static Dataset<Row> read(SparkSession spark, Spec spec, Options options, int dimension, String whose) {
        requireFiles(spec, spark.sparkContext().hadoopConfiguration());
        if (spec.format() == Format.LIBSVM) {
            scanLibSvm(spark, spec, dimension, whose);
            return libsvmRows(spark, spec, dimension);
        }
        Dataset<Row> rows = fixedRows(spark, spec, options);
        agreeingDimension(spec, rows, dimension, whose);
        return rows;
    }

    /** Fails with NO_INPUT when the path (or glob) names no file, or a directory holds no data files. */
    static void requireFiles(Spec spec, Configuration hadoop) {
        dataFiles(spec, hadoop);
    }

    /** The data files the path (or glob) names, directories listed; NO_INPUT when there are none. */
    private static List<FileStatus> dataFiles(Spec spec, Configuration hadoop) {
        try {
            Path path = new Path(spec.path());
            FileSystem fs = path.getFileSystem(hadoop);
            FileStatus[] matches = fs.globStatus(path);
            boolean glob = spec.path().matches(".*[*?\\[{].*");
            if (matches == null || matches.length == 0) {
                throw new JobFailure(Failure.NO_INPUT, spec + ": " + (glob ? "the glob matches no files" : "no such file or directory"));
            }
            List<FileStatus> files = new ArrayList<>();
            for (FileStatus match : matches) {
                if (match.isDirectory()) {
                    List<FileStatus> inside = Arrays.stream(fs.listStatus(match.getPath())).filter(DataSources::isDataFile).toList();
                    if (inside.isEmpty()) {
                        throw new JobFailure(Failure.NO_INPUT, spec + ": " + match.getPath() + " is an empty directory (no data files)");
                    }
                    files.addAll(inside);
                } else {
                    files.add(match);
                }
            }
            return files;
        } catch (IOException | IllegalArgumentException e) {
            throw new JobFailure(Failure.NO_INPUT, spec + ": cannot be listed: " + e.getMessage(), e);
        }
    }

    /**
     * What was read from a source, for metrics.json's provenance (its files are not hashed: they
     * may be larger than the driver could read): the spec, its format and path, the number and
     * bytes of its data files, the dimension used and the options that chose the columns.
     */
    public static Map<String, Object> provenance(SparkSession spark, Spec spec, Options options, int dimension) {
        List<FileStatus> files = dataFiles(spec, spark.sparkContext().hadoopConfiguration());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("source", spec.toString());
        p.put("format", spec.format().name().toLowerCase(Locale.ROOT));
        p.put("path", spec.path());
        p.put("files", files.size());
        p.put("bytes", files.stream().mapToLong(FileStatus::getLen).sum());
        p.put("num_features", dimension);
        p.put("num_features_option", options.numFeatures());
        if (spec.format() == Format.PARQUET) {
            p.put("features_col", options.featuresCol() != null ? options.featuresCol() : SampleBlocks.FEATURES);
        }
        if (spec.format() != Format.LIBSVM) {
            p.put("label_col", options.labelCol() != null ? options.labelCol()
                    : spec.format() == Format.PARQUET ? SampleBlocks.LABEL : "(the last column)");
        }
        return p;
    }

    private static boolean isDataFile(FileStatus status) {
        String name = status.getPath().getName();
        return status.isFile() && !name.startsWith("_") && !name.startsWith(".");
    }

    /** CSV and Parquet sets: {@code features} (vector) and {@code label} (double), checked on the driver's metadata. */
    private static Dataset<Row> fixedRows(SparkSession spark, Spec spec, Options options) {
        return spec.format() == Format.CSV ? csvRows(spark, spec, options) : parquetRows(spark, spec, options);
    }

    private static Dataset<Row> parquetRows(SparkSession spark, Spec spec, Options options) {
        Dataset<Row> raw;
        try {
            raw = spark.read().parquet(spec.path());
        } catch (RuntimeException e) {
            throw new JobFailure(Failure.BAD_FORMAT, spec + ": not a Parquet data set: " + firstLine(e), e);
        }
        String features = options.featuresCol() != null ? options.featuresCol() : SampleBlocks.FEATURES;
        String label = options.labelCol() != null ? options.labelCol() : SampleBlocks.LABEL;
        DataType featuresType = column(raw, spec, features).dataType();
        if (!(featuresType instanceof VectorUDT)) {
            throw new JobFailure(Failure.BAD_FORMAT, spec + ": " + features + ": column of type " + featuresType.simpleString()
                    + ", expected a vector (org.apache.spark.ml.linalg.Vector)");
        }
        DataType labelType = column(raw, spec, label).dataType();
        if (!(labelType instanceof NumericType)) {
            throw new JobFailure(Failure.BAD_FORMAT, spec + ": " + label + ": column of type " + labelType.simpleString()
                    + ", expected a number");
        }
        return raw.select(col(features).as(SampleBlocks.FEATURES), col(label).cast(DataTypes.DoubleType).as(SampleBlocks.LABEL));
    }

    private static StructField column(Dataset<Row> raw, Spec spec, String name) {
        for (StructField f : raw.schema().fields()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new JobFailure(Failure.BAD_FORMAT, spec + ": " + name + ": no such column (columns: "
                + String.join(", ", raw.columns()) + ")");
    }

    private static final String CORRUPT = "_corrupt_record";

    private static Dataset<Row> csvRows(SparkSession spark, Spec spec, Options options) {
        String[] header = spark.read().option("header", true).csv(spec.path()).columns();
        if (header.length < 2) {
            throw new JobFailure(Failure.BAD_FORMAT, spec + ": header: " + header.length
                    + " columns, expected a header line of feature columns and a label column");
        }
        String label = options.labelCol() != null ? options.labelCol() : header[header.length - 1];
        int labelIndex = Arrays.asList(header).indexOf(label);
        if (labelIndex < 0) {
            throw new JobFailure(Failure.BAD_FORMAT, spec + ": " + label + ": no such column (columns: "
                    + String.join(", ", header) + ")");
        }
        StructType schema = new StructType();
        for (String name : header) {
            schema = schema.add(name, DataTypes.DoubleType);
        }
        schema = schema.add(CORRUPT, DataTypes.StringType);
        Dataset<Row> raw = spark.read().option("header", true).option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", CORRUPT).schema(schema).csv(spec.path());
        int columns = header.length;
        String source = spec.toString();
        return raw.map((org.apache.spark.api.java.function.MapFunction<Row, Row>) row -> {
            if (!row.isNullAt(columns)) {
                throw new JobFailure(Failure.BAD_FORMAT, source + ": malformed line '" + row.getString(columns)
                        + "' (expected " + columns + " numbers)");
            }
            double[] x = new double[columns - 1];
            for (int j = 0, k = 0; j < columns; j++) {
                if (row.isNullAt(j)) {
                    throw new JobFailure(Failure.BAD_FORMAT, source + ": " + header[j] + ": an empty value (expected a number)");
                }
                if (j != labelIndex) {
                    x[k++] = row.getDouble(j);
                }
            }
            return RowFactory.create(Vectors.dense(x).compressed(), row.getDouble(labelIndex));
        }, Encoders.row(SampleBlocks.SCHEMA));
    }

    private static int firstVectorSize(Dataset<Row> rows, Spec spec) {
        List<Row> first = rows.select(SampleBlocks.FEATURES).limit(1).collectAsList();
        if (first.isEmpty()) {
            throw new JobFailure(Failure.BAD_FORMAT, spec + ": rows: no data rows");
        }
        if (first.get(0).isNullAt(0)) {
            throw new JobFailure(Failure.BAD_FORMAT, spec + ": " + SampleBlocks.FEATURES + ": a null vector");
        }
        return ((Vector) first.get(0).get(0)).size();
    }

    private static Dataset<Row> libsvmRows(SparkSession spark, Spec spec, int dimension) {
        return spark.read().format("libsvm").option("numFeatures", dimension).load(spec.path())
                .select(SampleBlocks.FEATURES, SampleBlocks.LABEL);
    }

    /** What a validation pass over LIBSVM files found: rows, the largest index, the labels. */
    static final class LibSvmSummary implements Serializable {
        long rows;
        int maxIndex;
        TreeSet<Double> labels = new TreeSet<>();
        String errorFile;
        long errorOffset;
        String error;
        Failure errorKind;
    }

    /**
     * A pass over LIBSVM text by the executors, in Spark's grammar ({@code label index:value ...},
     * 1-based indices ascending, blank and {@code #} lines skipped): the first malformed line, or
     * index above {@code limit}, fails with its file and line number. {@code dimensionSource}: what
     * makes {@code limit} the dimension, or null when it is the dense weight vector's limit.
     */
    @SuppressWarnings("unchecked")
    static LibSvmSummary scanLibSvm(SparkSession spark, Spec spec, long limit, String dimensionSource) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration hadoop = new Configuration(sc.hadoopConfiguration());
        JavaNewHadoopRDD<LongWritable, Text> lines = (JavaNewHadoopRDD<LongWritable, Text>) sc.newAPIHadoopFile(
                spec.path(), TextInputFormat.class, LongWritable.class, Text.class, hadoop);
        List<LibSvmSummary> parts = lines.mapPartitionsWithInputSplit((split, it) -> {
            String file = ((FileSplit) split).getPath().toString();
            return List.of(scan(file, it, limit, dimensionSource)).iterator();
        }, true).collect();
        LibSvmSummary total = new LibSvmSummary();
        for (LibSvmSummary p : parts) {
            if (p.error != null) {
                throw new JobFailure(p.errorKind, p.errorFile + ": line " + lineOf(p.errorFile, p.errorOffset, hadoop)
                        + ": " + p.error);
            }
            total.rows += p.rows;
            total.maxIndex = Math.max(total.maxIndex, p.maxIndex);
            total.labels.addAll(p.labels);
        }
        if (total.rows == 0) {
            throw new JobFailure(Failure.BAD_FORMAT, spec + ": rows: no data rows");
        }
        return total;
    }

    private static LibSvmSummary scan(String file, Iterator<scala.Tuple2<LongWritable, Text>> it, long limit,
                                      String dimensionSource) {
        LibSvmSummary s = new LibSvmSummary();
        while (it.hasNext()) {
            scala.Tuple2<LongWritable, Text> record = it.next();
            String line = record._2().toString().trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String error = null;
            Failure kind = Failure.BAD_FORMAT;
            String[] items = line.split(" ");
            try {
                double label = Double.parseDouble(items[0]);
                if (!Double.isFinite(label)) {
                    error = "label " + items[0] + " (expected a finite number)";
                    kind = Failure.BAD_VALUES;
                } else if (s.labels.size() <= MAX_LABELS) {
                    s.labels.add(label);
                }
            } catch (NumberFormatException e) {
                error = "label '" + items[0] + "' is not a number";
            }
            long previous = 0;
            for (int k = 1; k < items.length && error == null; k++) {
                if (items[k].isEmpty()) {
                    continue;
                }
                int colon = items[k].indexOf(':');
                long index;
                double value;
                try {
                    index = colon < 0 ? -1 : Long.parseLong(items[k].substring(0, colon));
                    value = colon < 0 ? 0 : Double.parseDouble(items[k].substring(colon + 1));
                } catch (NumberFormatException e) {
                    index = -1;
                    value = 0;
                }
                if (index < 0) {
                    error = "'" + items[k] + "' is not index:value";
                } else if (index == 0) {
                    error = "index 0 (indices are 1-based)";
                } else if (index <= previous) {
                    error = "index " + index + " after " + previous + (index == previous ? " (a duplicated index)" : "")
                            + " (expected 1-based indices in ascending order)";
                } else if (index > limit) {
                    error = "index " + index + (dimensionSource != null ? " exceeds the dimension " + limit
                            + " (" + dimensionSource + ")"
                            : " exceeds the limit of " + limit + " features of a dense weight vector in this driver's heap"
                            + " (" + DENSE_COPIES + " vectors of D doubles in " + (Runtime.getRuntime().maxMemory() >> 20)
                            + " MiB)");
                } else if (!Double.isFinite(value)) {
                    error = "index " + index + ": value " + value + " (expected finite numbers)";
                    kind = Failure.BAD_VALUES;
                }
                previous = index;
            }
            if (error != null) {
                s.error = error;
                s.errorKind = kind;
                s.errorFile = file;
                s.errorOffset = record._1().get();
                return s;
            }
            s.rows++;
            s.maxIndex = (int) Math.max(s.maxIndex, previous);
        }
        return s;
    }

    /** The 1-based line number of the line starting at byte {@code offset} (read only to report an error). */
    private static long lineOf(String file, long offset, Configuration hadoop) {
        Path path = new Path(file);
        try (InputStream in = path.getFileSystem(hadoop).open(path)) {
            byte[] buffer = new byte[1 << 16];
            long line = 1;
            long read = 0;
            while (read < offset) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, offset - read));
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        line++;
                    }
                }
                read += n;
            }
            return line;
        } catch (IOException e) {
            throw new JobFailure(Failure.NO_INPUT, file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
