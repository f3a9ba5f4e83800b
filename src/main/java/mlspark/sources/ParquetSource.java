package mlspark.sources;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

import mlspark.data.DataSpec;
import mlspark.distributed.SampleBlocks;
import mlspark.errors.InputException;
import mlspark.errors.ParameterText;

/** Parquet sets read by the executors: a vector features column and a numeric label column, checked on the footers. */
final class ParquetSource {
    private ParquetSource() {
    }

    /** {@code features} (vector) and {@code label} (double), from the columns {@code options} names or those. */
    static Dataset<Row> rows(SparkSession spark, DataSpec.Source spec, DataSources.Options options) {
        String source = spec.toString();
        Dataset<Row> raw;
        try {
            raw = spark.read().parquet(spec.path());
        } catch (RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            throw new InputException(InputException.Kind.BAD_FORMAT, source, null,
                    ParameterText.of("not a Parquet data set: " + (m.indexOf('\n') < 0 ? m : m.substring(0, m.indexOf('\n')))), e);
        }
        String features = options.featuresCol() != null ? options.featuresCol() : SampleBlocks.FEATURES;
        String label = options.labelCol() != null ? options.labelCol() : SampleBlocks.LABEL;
        DataType featuresType = column(raw, source, features).dataType();
        if (!(featuresType instanceof VectorUDT)) {
            throw InputException.badFormat(source, features, "column of type " + featuresType.simpleString()
                    + ", expected a vector (org.apache.spark.ml.linalg.Vector)");
        }
        DataType labelType = column(raw, source, label).dataType();
        if (!(labelType instanceof NumericType)) {
            throw InputException.badFormat(source, label, "column of type " + labelType.simpleString() + ", expected a number");
        }
        return raw.select(col(features).as(SampleBlocks.FEATURES), col(label).cast(DataTypes.DoubleType).as(SampleBlocks.LABEL));
    }

    private static StructField column(Dataset<Row> raw, String source, String name) {
        for (StructField f : raw.schema().fields()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw InputException.badFormat(source, name, "no such column (columns: " + String.join(", ", raw.columns()) + ")");
    }
}
