package mlspark.sources;

import java.util.Arrays;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import mlspark.data.DataSpec;
import mlspark.distributed.SampleBlocks;
import mlspark.errors.InputException;

/** CSV sets read by the executors: a header line, numbers, the label in the last column unless named. */
final class CsvSource {
    private static final String CORRUPT = "_corrupt_record";

    private CsvSource() {
    }

    /** {@code features} (dense vector, compressed) and {@code label} (double); a malformed line fails in its task. */
    static Dataset<Row> rows(SparkSession spark, DataSpec.Source spec, DataSources.Options options) {
        String source = spec.toString();
        String[] header = spark.read().option("header", true).csv(spec.path()).columns();
        if (header.length < 2) {
            throw InputException.badFormat(source, "header", header.length
                    + " columns, expected a header line of feature columns and a label column");
        }
        String label = options.labelCol() != null ? options.labelCol() : header[header.length - 1];
        int labelIndex = Arrays.asList(header).indexOf(label);
        if (labelIndex < 0) {
            throw InputException.badFormat(source, label, "no such column (columns: " + String.join(", ", header) + ")");
        }
        StructType schema = new StructType();
        for (String name : header) {
            schema = schema.add(name, DataTypes.DoubleType);
        }
        schema = schema.add(CORRUPT, DataTypes.StringType);
        Dataset<Row> raw = spark.read().option("header", true).option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", CORRUPT).schema(schema).csv(spec.path());
        int columns = header.length;
        return raw.map((MapFunction<Row, Row>) row -> {
            if (!row.isNullAt(columns)) {
                throw new InputException(InputException.Kind.BAD_FORMAT, source, null, "malformed line '"
                        + row.getString(columns) + "' (expected " + columns + " numbers)");
            }
            double[] x = new double[columns - 1];
            for (int j = 0, k = 0; j < columns; j++) {
                if (row.isNullAt(j)) {
                    throw InputException.badFormat(source, header[j], "an empty value (expected a number)");
                }
                if (j != labelIndex) {
                    x[k++] = row.getDouble(j);
                }
            }
            return RowFactory.create(Vectors.dense(x).compressed(), row.getDouble(labelIndex));
        }, Encoders.row(SampleBlocks.SCHEMA));
    }
}
