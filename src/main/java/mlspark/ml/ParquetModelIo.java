package mlspark.ml;

import java.io.Serializable;
import java.util.List;

import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import scala.Option;

/**
 * A model saved as MLlib saves its own (as LinearSVCModel): the Params as MLlib's JSON metadata
 * under {@code path/metadata} (DefaultParamsWriter), the model's data as one Parquet row under
 * {@code path/data}. Works on any Hadoop FileSystem path.
 */
final class ParquetModelIo {
    private ParquetModelIo() {
    }

    /** Writes the metadata of {@code instance} and its data row. */
    static final class Writer extends MLWriter {
        private final Params instance;
        private final StructType schema;
        private final Row data;

        Writer(Params instance, StructType schema, Row data) {
            this.instance = instance;
            this.schema = schema;
            this.data = data;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter$.MODULE$.saveMetadata(instance, path, sparkSession(), Option.empty(), Option.empty());
            sparkSession().createDataFrame(List.of(data), schema).repartition(1).write()
                    .parquet(new Path(path, "data").toString());
        }
    }

    /** Builds a model of its uid and data row. */
    @FunctionalInterface
    interface Factory<M> extends Serializable {
        M create(String uid, Row data);
    }

    /** Reads a model written by {@link Writer}, checking that the metadata names {@code type}. */
    static final class Reader<M extends Params> extends MLReader<M> {
        private final Class<M> type;
        private final Factory<M> factory;

        Reader(Class<M> type, Factory<M> factory) {
            this.type = type;
            this.factory = factory;
        }

        @Override
        public M load(String path) {
            DefaultParamsReader.Metadata metadata = DefaultParamsReader$.MODULE$.loadMetadata(path, sparkSession(),
                    type.getName());
            Row data = sparkSession().read().parquet(new Path(path, "data").toString()).head();
            M model = factory.create(metadata.uid(), data);
            metadata.getAndSetParams(model, Option.empty());
            return model;
        }
    }
}
