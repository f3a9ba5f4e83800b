package mlspark.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.SerializableWritable;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import mlspark.data.DataSpec;
import mlspark.data.LibsvmFormat;
import mlspark.distributed.SampleBlocks;
import mlspark.errors.InputException;
import mlspark.errors.ParameterText;

/**
 * LIBSVM text read by the executors: Spark reads the lines, each task parses its lines with the
 * driver's grammar ({@link LibsvmFormat}), so a file gives the same rows or the same error on
 * both sides. Errors name the part file and its line.
 */
final class LibsvmSource {
    private LibsvmSource() {
    }

    /**
     * What a validation pass over LIBSVM files found: rows, the largest index, up to {@code MAX_LABELS} + 1
     * labels in order of first appearance (-0.0 as 0.0).
     */
    static final class Summary implements Serializable {
        long rows;
        int maxIndex;
        final LinkedHashSet<Double> labels = new LinkedHashSet<>();
        /** The first malformed line of the partition, kept as data so the driver reports the first one in file order. */
        InputException error;
    }

    /**
     * A pass over the files of {@code spec}: the first malformed line, or index above
     * {@code maxIndex} ({@code bound} says what it is), fails with its file and line number.
     */
    static Summary summary(SparkSession spark, DataSpec.Source spec, long maxIndex, ParameterText bound) {
        LibsvmFormat grammar = new LibsvmFormat(maxIndex, bound);
        SerializableWritable<Configuration> hadoop = hadoop(spark);
        List<Summary> parts = lines(spark, spec, hadoop).mapPartitionsWithInputSplit((split, it) -> {
            Summary s = new Summary();
            try {
                parse((FileSplit) split, it, grammar, hadoop).forEachRemaining(row -> add(s, row));
            } catch (InputException e) {
                s.error = e;
            }
            return List.of(s).iterator();
        }, true).collect();
        Summary total = new Summary();
        for (Summary p : parts) {
            if (p.error != null) {
                throw p.error;
            }
            total.rows += p.rows;
            total.maxIndex = Math.max(total.maxIndex, p.maxIndex);
            total.labels.addAll(p.labels);
        }
        if (total.rows == 0) {
            throw InputException.badFormat(spec.toString(), "rows", "no data rows");
        }
        return total;
    }

    private static void add(Summary s, LibsvmFormat.Row row) {
        s.rows++;
        s.maxIndex = Math.max(s.maxIndex, row.lastIndex());
        if (s.labels.size() <= DataSources.MAX_LABELS) {
            s.labels.add(row.label() + 0.0);
        }
    }

    /** The rows of {@code spec}: {@code features}, sparse vectors of {@code dimension}, and {@code label}. */
    static Dataset<Row> rows(SparkSession spark, DataSpec.Source spec, int dimension) {
        LibsvmFormat grammar = new LibsvmFormat(dimension, ParameterText.of("the dimension " + dimension));
        SerializableWritable<Configuration> hadoop = hadoop(spark);
        JavaRDD<Row> rows = lines(spark, spec, hadoop).mapPartitionsWithInputSplit((split, it) -> {
            Iterator<LibsvmFormat.Row> parsed = parse((FileSplit) split, it, grammar, hadoop);
            return new Iterator<Row>() {
                @Override
                public boolean hasNext() {
                    return parsed.hasNext();
                }

                @Override
                public Row next() {
                    LibsvmFormat.Row r = parsed.next();
                    int[] zeroBased = new int[r.indices().length];
                    for (int k = 0; k < zeroBased.length; k++) {
                        zeroBased[k] = r.indices()[k] - 1;
                    }
                    return RowFactory.create(Vectors.sparse(dimension, zeroBased, r.values()), r.label());
                }
            };
        }, true);
        return spark.createDataFrame(rows, SampleBlocks.SCHEMA);
    }

    /** A copy of the driver's Hadoop configuration for the tasks (to list splits and reopen a file). */
    private static SerializableWritable<Configuration> hadoop(SparkSession spark) {
        return new SerializableWritable<>(new Configuration(spark.sparkContext().hadoopConfiguration()));
    }

    /** The lines of the files of {@code spec}, each with the byte offset where it starts. */
    @SuppressWarnings("unchecked")
    private static JavaNewHadoopRDD<LongWritable, Text> lines(SparkSession spark, DataSpec.Source spec,
                                                             SerializableWritable<Configuration> hadoop) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return (JavaNewHadoopRDD<LongWritable, Text>) sc.newAPIHadoopFile(spec.path(), TextInputFormat.class,
                LongWritable.class, Text.class, hadoop.value());
    }

    /** The data rows of a split's lines, parsed as they are read; a malformed line fails naming its file and line. */
    private static Iterator<LibsvmFormat.Row> parse(FileSplit split, Iterator<scala.Tuple2<LongWritable, Text>> lines,
                                                    LibsvmFormat grammar, SerializableWritable<Configuration> hadoop) {
        String file = split.getPath().toString();
        return new Iterator<>() {
            private LibsvmFormat.Row next;

            @Override
            public boolean hasNext() {
                while (next == null && lines.hasNext()) {
                    scala.Tuple2<LongWritable, Text> line = lines.next();
                    long offset = line._1().get();
                    next = grammar.parse(line._2().toString(), file, () -> lineOf(file, offset, hadoop.value()));
                }
                return next != null;
            }

            @Override
            public LibsvmFormat.Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                LibsvmFormat.Row row = next;
                next = null;
                return row;
            }
        };
    }

    /** The 1-based line number of the line starting at byte {@code offset} (counted only to report an error). */
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
            throw new InputException(InputException.Kind.NO_INPUT, file, null,
                    ParameterText.of("cannot be read: " + e.getMessage()), e);
        }
    }
}
