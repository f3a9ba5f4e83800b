package mlspark.ml;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * {@code path/data}, and any further part it has (a feature map) as one Parquet row under
 * {@code path/PART}. Works on any Hadoop FileSystem path.
 */
final class ParquetModelIo {
    private ParquetModelIo() {
    }

    /** Writes the metadata of {@code instance} and its data row. */
    static final class Writer extends MLWriter {
        private final Params instance;
        private final StructType schema;
        private final Row data;
        private final Map<String, Row> parts = new LinkedHashMap<>();
        private final Map<String, StructType> partSchemas = new LinkedHashMap<>();

        Writer(Params instance, StructType schema, Row data) {
            this.instance = instance;
            this.schema = schema;
            this.data = data;
        }

        /** Also writes {@code row} under {@code path/name}. */
        Writer withPart(String name, StructType partSchema, Row row) {
            parts.put(name, row);
            partSchemas.put(name, partSchema);
            return this;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter$.MODULE$.saveMetadata(instance, path, sparkSession(), Option.empty(), Option.empty());
            write(path, "data", schema, data);
            parts.forEach((name, row) -> write(path, name, partSchemas.get(name), row));
        }

        private void write(String path, String name, StructType rowSchema, Row row) {
            sparkSession().createDataFrame(List.of(row), rowSchema).repartition(1).write()
                    .parquet(new Path(path, name).toString());
        }
    }

    /** Builds a model of its uid and data row. */
    @FunctionalInterface
    interface Factory<M> extends Serializable {
        M create(String uid, Row data);
    }

    /** Builds a model of its uid, its data row and its further parts ({@link Parts#row}). */
    @FunctionalInterface
    interface PartsFactory<M> extends Serializable {
        M create(String uid, Row data, Parts parts);
    }

    /** The further parts of a saved model. */
    @FunctionalInterface
    interface Parts {
        /** The row of part {@code name}; empty when the model was saved without it. */
        Optional<Row> row(String name);
    }

    /** Reads a model written by {@link Writer}, checking that the metadata names {@code type}. */
    static final class Reader<M extends Params> extends MLReader<M> {
        private final Class<M> type;
        private final PartsFactory<M> factory;

        Reader(Class<M> type, Factory<M> factory) {
            this(type, (PartsFactory<M>) (uid, data, parts) -> factory.create(uid, data));
        }

        Reader(Class<M> type, PartsFactory<M> factory) {
            this.type = type;
            this.factory = factory;
        }

        @Override
        public M load(String path) {
            DefaultParamsReader.Metadata metadata = DefaultParamsReader$.MODULE$.loadMetadata(path, sparkSession(),
                    type.getName());
            Row data = sparkSession().read().parquet(new Path(path, "data").toString()).head();
            M model = factory.create(metadata.uid(), data, name -> part(path, name));
            metadata.getAndSetParams(model, Option.empty());
            return model;
        }

        private Optional<Row> part(String path, String name) {
            Path dir = new Path(path, name);
            try {
                if (!dir.getFileSystem(sparkSession().sparkContext().hadoopConfiguration()).exists(dir)) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dir, e);
            }
            return Optional.of(sparkSession().read().parquet(dir.toString()).head());
        }
    }
}
