package mlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import mlspark.data.BinaryDataSets;
import mlspark.data.LabeledData;
import mlspark.data.TrainTest;
import mlspark.cli.output.Json;
import mlspark.cli.reproduce.Check;
import mlspark.cli.reproduce.Expectations;
import mlspark.cli.reproduce.Verdict;
import mlspark.testing.ProjectData;
import mlspark.testing.SharedSpark;

/**
 * The assignment's data written as LIBSVM text (the training set split over two part files of a
 * directory), as CSV with a header (read through a glob) and as Parquet (written by Spark), read
 * by the executors: the job's table is the published Q2 table (conf/expectations.json).
 */
class DataSourcesJobTest extends SharedSpark {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"libsvm", "csv", "parquet"})
    void givesThePublishedQ2Table(String format) throws IOException {
        TrainTest hw3 = BinaryDataSets.load("hw3", null, ProjectData.dataDirWith("hw3/soft_margin_svm_data.npy"), m -> { });
        String train;
        String test;
        switch (format) {
            case "libsvm" -> {
                Path parts = Files.createDirectories(dir.resolve("train.libsvm"));
                int half = hw3.train().size() / 2;
                Files.writeString(parts.resolve("part-0"), libsvm(hw3.train(), 0, half));
                Files.writeString(parts.resolve("part-1"), libsvm(hw3.train(), half, hw3.train().size()));
                Files.writeString(parts.resolve("_SUCCESS"), "");
                Files.writeString(dir.resolve("test.libsvm"), libsvm(hw3.test(), 0, hw3.test().size()));
                train = "libsvm:" + parts;
                test = "libsvm:" + dir.resolve("test.libsvm");
            }
            case "csv" -> {
                Files.writeString(dir.resolve("hw3-train.csv"), csv(hw3.train()));
                Files.writeString(dir.resolve("hw3-test.csv"), csv(hw3.test()));
                train = "csv:" + dir + "/hw3-tr*.csv";
                test = "csv:" + dir.resolve("hw3-test.csv");
            }
            default -> {
                parquet(hw3.train(), dir.resolve("train.parquet"));
                parquet(hw3.test(), dir.resolve("test.parquet"));
                train = "parquet:" + dir.resolve("train.parquet");
                test = "parquet:" + dir.resolve("test.parquet");
            }
        }
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(err, true), "primal-svm", "--out", out.toString(), "--data", train,
                "--test", test), err.toString());
        JsonNode metrics = Json.read(out.resolve("metrics.json"));
        assertEquals(76, metrics.get("data").get("n_train").asInt());
        assertEquals(24, metrics.get("data").get("n_test").asInt());
        List<Check> checks = Expectations.load(ProjectData.root().resolve("conf/expectations.json")).stream()
                .filter(c -> c.part().equals("primal")).toList();
        assertEquals(16, checks.size());
        for (Check check : checks) {
            Check.Result result = check.evaluate(metrics);
            assertEquals(Verdict.PASS, result.verdict(), check.describe() + ": got " + result.got());
        }
    }

    private static String libsvm(LabeledData data, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            s.append(data.y()[i] > 0 ? "+1" : "-1");
            for (int j = 0; j < data.dimension(); j++) {
                if (data.x()[i][j] != 0) {
                    s.append(' ').append(j + 1).append(':').append(data.x()[i][j]);
                }
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String csv(LabeledData data) {
        StringBuilder s = new StringBuilder("sepal_length,sepal_width,petal_length,petal_width,y\n");
        for (int i = 0; i < data.size(); i++) {
            for (double v : data.x()[i]) {
                s.append(v).append(',');
            }
            s.append(data.y()[i] > 0 ? 1 : 0).append('\n');
        }
        return s.toString();
    }

    private void parquet(LabeledData data, Path path) {
        SparkSession spark = SparkSession.builder().config(sc.getConf()).getOrCreate();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            rows.add(RowFactory.create(Vectors.dense(data.x()[i]), (int) data.y()[i]));
        }
        StructType schema = new StructType().add("features", new org.apache.spark.ml.linalg.VectorUDT())
                .add("label", DataTypes.IntegerType);
        spark.createDataFrame(rows, schema).coalesce(2).write().parquet(path.toString());
    }
}
