package mlspark.ml;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import mlspark.data.LabeledData;
import mlspark.testing.SharedSpark;

/** The shared test context as a SparkSession, and labelled arrays as DataFrames. */
abstract class SparkSqlTest extends SharedSpark {

    protected SparkSession spark() {
        return SparkSession.builder().getOrCreate();
    }

    /** Columns x1..xd and label; labels -1/+1 become 0/1 when {@code zeroOne}. */
    protected Dataset<Row> columns(LabeledData data, boolean zeroOne) {
        int d = data.dimension();
        StructType schema = new StructType();
        for (int j = 1; j <= d; j++) {
            schema = schema.add("x" + j, DataTypes.DoubleType, false);
        }
        schema = schema.add("label", DataTypes.DoubleType, false);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            Object[] values = new Object[d + 1];
            for (int j = 0; j < d; j++) {
                values[j] = data.x()[i][j];
            }
            values[d] = zeroOne && data.y()[i] < 0 ? 0.0 : data.y()[i];
            rows.add(RowFactory.create(values));
        }
        return spark().createDataFrame(rows, schema);
    }

    /** Columns features (a dense vector, or sparse when {@code sparse}) and label (as given). */
    protected Dataset<Row> vectors(double[][] x, double[] y, boolean sparse) {
        StructType schema = new StructType()
                .add("features", new org.apache.spark.ml.linalg.VectorUDT(), false)
                .add("label", DataTypes.DoubleType, false);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            rows.add(RowFactory.create(sparse ? Vectors.dense(x[i]).toSparse() : Vectors.dense(x[i]), y[i]));
        }
        return spark().createDataFrame(rows, schema);
    }

    /** -1/+1 labels as 0/1. */
    protected static double[] zeroOne(double[] y) {
        double[] z = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            z[i] = y[i] > 0 ? 1 : 0;
        }
        return z;
    }

}
