package mlspark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import mlspark.data.NpyFiles;
import mlspark.cli.output.Checkpoints;
import mlspark.cli.output.OutputDir;
import mlspark.testing.CliProcess;
import mlspark.testing.ProjectData;

/**
 * Malformed inputs through the command line as a user runs it, each in a JVM of its own: a
 * one-line error naming what is wrong, the documented exit code, no stack trace (no --verbose),
 * no output directory created, no staging directory or lock left, and every file of the user's
 * (in foreign directories, a data copy, a fake project and home, earlier outputs, checkpoints)
 * still there, unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    @TempDir
    static Path dir;

    static Path dataDir;

    @BeforeAll
    static void writeBadFiles() throws IOException {
        dataDir = ProjectData.dataDirWith("hw3/soft_margin_svm_data.npy");
        byte[] good = NpyFiles.npy(1, "<f8", false, new int[]{2, 3}, new double[6]);
        write("empty.npy", new byte[0]);
        write("magic.npy", "PK not numpy".getBytes(StandardCharsets.UTF_8));
        write("truncated.npy", Arrays.copyOf(good, good.length - 5));
        write("header.npy", Arrays.copyOf(good, 40));
        write("complex.npy", new String(good, StandardCharsets.ISO_8859_1).replace("<f8", "<c8")
                .getBytes(StandardCharsets.ISO_8859_1));
        write("version.npy", withByte(good, 6, (byte) 9));
        write("vector.npy", NpyFiles.npy(1, "<f8", false, new int[]{6}, new double[6]));
        write("notzip.npz", "not a zip".getBytes(StandardCharsets.UTF_8));
        write("rows.npz", npz(new double[]{1, -1, 1}, 0));
        write("labels.npz", npz(new double[]{1, 3}, 0));
        write("nan.npz", npz(new double[]{1, -1}, Double.NaN));
        write("inf.npz", npz(new double[]{1, -1}, Double.POSITIVE_INFINITY));
        write("nokey.npz", zip(new String[]{"x_train"}, NpyFiles.npy(1, "<f8", false, new int[]{2, 2}, new double[4])));
        write("empty.csv", new byte[0]);
        write("ragged.csv", "1,2,0\n3,1\n".getBytes(StandardCharsets.UTF_8));
        write("text.csv", "1,2,0\n3,x,1\n".getBytes(StandardCharsets.UTF_8));
        write("good.csv", "1,2,0\n3,4,1\n".getBytes(StandardCharsets.UTF_8));
        write("wide.csv", "1,2,3,0\n3,4,5,1\n".getBytes(StandardCharsets.UTF_8));
        write("bad.libsvm", "1 2:1 1:3\n".getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(dir.resolve("adir.npy"));
        Files.createSymbolicLink(dir.resolve("dangling.npy"), dir.resolve("nowhere.npy"));
        Files.writeString(dir.resolve("blocker"), "a file where --out wants a directory");
        sourceFiles();
        mnist("mnist-magic", 6, 6, 0, 2050);
        mnist("mnist-truncated", 6, 6, 0, 2051);
        Path truncated = dir.resolve("mnist-truncated/train-images-idx3-ubyte");
        Files.write(truncated, Arrays.copyOf(Files.readAllBytes(truncated), 30));
        mnist("mnist-label", 6, 6, 12, 2051);
        mnist("mnist-count", 6, 5, 0, 2051);
        write("oneclass.npz", npz(new double[]{1, 1}, 0));
        writeModels();
        places();
    }

    /** Files of a user (and earlier outputs and checkpoints) that no case may remove or change. */
    static final Map<Path, byte[]> KEPT = new LinkedHashMap<>();

    private static Path keep(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, "a user's file: " + file.getFileName());
        }
        KEPT.put(file, Files.readAllBytes(file));
        return file;
    }

    /** Directories an output must not go to: foreign ones, a data copy, a fake project and home, earlier outputs, checkpoints. */
    private static void places() throws IOException {
        keep(dir.resolve("foreign/notes.txt"));
        Path data = Files.createDirectories(dir.resolve("tree/data/hw3"));
        Files.copy(dataDir.resolve("hw3/soft_margin_svm_data.npy"), data.resolve("soft_margin_svm_data.npy"));
        keep(data.resolve("soft_margin_svm_data.npy"));
        keep(dir.resolve("tree/README"));
        Files.createSymbolicLink(dir.resolve("link-to-data"), dir.resolve("tree/data"));
        Path conf = Files.createDirectories(dir.resolve("work/project/conf"));
        Files.copy(ProjectData.root().resolve("conf/defaults.properties"), conf.resolve("defaults.properties"));
        keep(conf.resolve("defaults.properties"));
        keep(dir.resolve("work/project/README.md"));
        keep(dir.resolve("homes/me/.profile"));
        earlierOutput("primal-output", "primal-svm");
        earlierOutput("dual-output", "dual-svm");
        Path inputs = earlierOutput("output-with-input", "primal-svm");
        Files.copy(data.resolve("soft_margin_svm_data.npy"), inputs.resolve("train.npy"));
        keep(inputs.resolve("train.npy"));
        keep(Files.writeString(dir.resolve(".locked.lock"), ProcessHandle.current().pid() + "@"
                + java.net.InetAddress.getLocalHost().getHostName()));
        keep(dir.resolve("blocker"));
        Map<String, String> other = Map.of("--eta", "0.002");
        Map<String, Object> state = Map.of("epoch", 3, "point", new double[]{0.25, -1.5, 2, 0.125, 0.5});
        checkpoint("ckpt-other", "primal-svm", other, state);
        checkpoint("ckpt-net-other", "two-layer-net", Map.of("--hidden", "50"), state);
        checkpoint("ckpt-of-net", "two-layer-net", other, state);
        Path truncated = checkpoint("ckpt-truncated", "primal-svm", other, state);
        byte[] whole = Files.readAllBytes(truncated);
        Files.write(truncated, Arrays.copyOf(whole, whole.length - 12));
        Path corrupted = checkpoint("ckpt-corrupted", "primal-svm", other, state);
        Files.writeString(corrupted, Files.readString(corrupted).replace("0.125", "0.126"));
        Path garbage = checkpoint("ckpt-garbage", "primal-svm", other, state);
        Files.writeString(garbage, "{\"epoch\": 3}\n");
        for (String name : new String[]{"ckpt-truncated", "ckpt-corrupted", "ckpt-garbage"}) {
            keep(dir.resolve(name).resolve("primal-svm.json"));
        }
    }

    /** A directory holding an earlier output of {@code job}: its marker and a metrics.json. */
    private static Path earlierOutput(String name, String job) throws IOException {
        Path out = Files.createDirectories(dir.resolve(name));
        Files.writeString(out.resolve(OutputDir.MARKER), "{\"job\": \"" + job + "\"}");
        keep(out.resolve(OutputDir.MARKER));
        keep(out.resolve("metrics.json"));
        return out;
    }

    private static Path checkpoint(String name, String job, Map<String, String> configuration, Object state) throws IOException {
        Checkpoints checkpoints = new Checkpoints(dir.resolve(name), job, configuration);
        checkpoints.save(state);
        keep(checkpoints.file());
        return checkpoints.file();
    }

    /** Model directories for predict: a real primal-svm model, and broken or mislabeled ones. */
    private static void writeModels() throws IOException {
        try {
            Result trained = runCli(List.of(), List.of("primal-svm", "--out", dir.resolve("primal-out").toString(), "--data-dir",
                    dataDir.toString(), "--epochs", "1", "--save-model", dir.resolve("primal-model").toString()));
            assertEquals(0, trained.exitCode, trained.stderr);
        } catch (Exception e) {
            throw new IOException(e);
        }
        Files.createDirectories(dir.resolve("empty-model"));
        Files.createDirectories(dir.resolve("json-model/metadata"));
        Files.writeString(dir.resolve("json-model/metadata/part-00000"), "not json");
        Files.createDirectories(dir.resolve("dual-meta/metadata"));
        Files.writeString(dir.resolve("dual-meta/metadata/part-00000"), "{\"class\":\"mlspark.ml.KernelSvmModel\"}");
        Files.createDirectories(dir.resolve("dual-meta/data"));
        Files.createDirectories(dir.resolve("no-data/metadata"));
        try (Stream<Path> parts = Files.list(dir.resolve("primal-model/metadata"))) {
            Path part = parts.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
            Files.copy(part, dir.resolve("no-data/metadata").resolve(part.getFileName()));
            Files.createDirectories(dir.resolve("empty-data/metadata"));
            Files.createDirectories(dir.resolve("empty-data/data"));
            Files.copy(part, dir.resolve("empty-data/metadata").resolve(part.getFileName()));
        }
    }

    /** LIBSVM, CSV and Parquet inputs of the executor-side readers (Parquet written by a Spark of its own, stopped after). */
    private static void sourceFiles() throws IOException {
        write("giant.libsvm", "1 1:0.5 3:1\n-1 2:1 2000000000:1\n".getBytes(StandardCharsets.UTF_8));
        write("descending.libsvm", "1 1:1\n1 1:1\n-1 4:1 2:3\n".getBytes(StandardCharsets.UTF_8));
        write("duplicated.libsvm", "1 1:1 2:1 2:3\n".getBytes(StandardCharsets.UTF_8));
        write("zero.libsvm", "-1 1:2\n\n1 0:1 1:2\n".getBytes(StandardCharsets.UTF_8));
        write("good.libsvm", "1 1:1\n-1 2:1\n".getBytes(StandardCharsets.UTF_8));
        write("oneclass.libsvm", "1 1:1\n1 2:1\n".getBytes(StandardCharsets.UTF_8));
        write("three.libsvm", "3 1:1\n1 2:1\n2 1:1 2:1\n".getBytes(StandardCharsets.UTF_8));
        write("oneclass3.libsvm", "3 1:1\n3 2:1\n".getBytes(StandardCharsets.UTF_8));
        write("word.libsvm", "3 1:1\ncat 2:1\n".getBytes(StandardCharsets.UTF_8));
        write("three-h.csv", "a,b,y\n1,2,3\n3,4,1\n5,6,2\n".getBytes(StandardCharsets.UTF_8));
        write("oneclass-h.csv", "a,b,y\n1,2,3\n3,4,3\n".getBytes(StandardCharsets.UTF_8));
        write("word-h.csv", "a,b,y\n1,2,3\n3,4,cat\n".getBytes(StandardCharsets.UTF_8));
        write("nan-h.csv", "a,b,y\n1,2,3\n3,4,NaN\n5,6,2\n".getBytes(StandardCharsets.UTF_8));
        write("narrow-h.csv", "a,b,y\n1,2,0\n3,4,1\n".getBytes(StandardCharsets.UTF_8));
        write("wide-h.csv", "a,b,c,y\n1,2,3,0\n3,4,5,1\n".getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(dir.resolve("empty-dir"));
        org.apache.spark.api.java.JavaSparkContext sc = mlspark.cli.SparkSetup.context("bad parquet", "local[1]",
                java.util.Map.of("spark.ui.enabled", "false"));
        try {
            org.apache.spark.sql.SparkSession spark = org.apache.spark.sql.SparkSession.builder().config(sc.getConf()).getOrCreate();
            org.apache.spark.sql.types.StructType vectors = new org.apache.spark.sql.types.StructType()
                    .add("features", new org.apache.spark.ml.linalg.VectorUDT()).add("label", "double");
            for (int d : new int[]{2, 3}) {
                spark.createDataFrame(List.of(
                        org.apache.spark.sql.RowFactory.create(org.apache.spark.ml.linalg.Vectors.dense(new double[d]), 1.0),
                        org.apache.spark.sql.RowFactory.create(org.apache.spark.ml.linalg.Vectors.dense(new double[d]), 0.0)),
                        vectors).write().parquet(dir.resolve("d" + d + ".parquet").toString());
            }
            spark.createDataFrame(List.of(org.apache.spark.sql.RowFactory.create(org.apache.spark.ml.linalg.Vectors.dense(1, 2), 1.0)),
                    vectors).withColumnRenamed("label", "y").write().parquet(dir.resolve("nolabel.parquet").toString());
            spark.createDataFrame(List.of(org.apache.spark.sql.RowFactory.create("1 2", 1.0)), new org.apache.spark.sql.types.StructType()
                    .add("features", "string").add("label", "double")).write().parquet(dir.resolve("text.parquet").toString());
            spark.createDataFrame(List.of(
                    org.apache.spark.sql.RowFactory.create(org.apache.spark.ml.linalg.Vectors.dense(1, 2), 3.0),
                    org.apache.spark.sql.RowFactory.create(org.apache.spark.ml.linalg.Vectors.dense(3, 4), 3.0)),
                    vectors).write().parquet(dir.resolve("oneclass3.parquet").toString());
            spark.createDataFrame(List.of(org.apache.spark.sql.RowFactory.create(org.apache.spark.ml.linalg.Vectors.dense(1, 2), "cat")),
                    new org.apache.spark.sql.types.StructType().add("features", new org.apache.spark.ml.linalg.VectorUDT())
                            .add("label", "string")).write().parquet(dir.resolve("word.parquet").toString());
        } finally {
            sc.stop();
        }
    }

    /** Raw IDX files of 2x2 images in {@code name}/: train images and labels counts, a label poked in, the images' magic. */
    private static void mnist(String name, int images, int labels, int poke, int magic) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        for (String split : new String[]{"train", "t10k"}) {
            java.nio.ByteBuffer img = java.nio.ByteBuffer.allocate(16 + images * 4);
            img.putInt(magic).putInt(images).putInt(2).putInt(2);
            for (int i = 0; i < images * 4; i++) {
                img.put((byte) (i * 37));
            }
            Files.write(d.resolve(split + "-images-idx3-ubyte"), img.array());
            java.nio.ByteBuffer lab = java.nio.ByteBuffer.allocate(8 + labels);
            lab.putInt(2049).putInt(labels);
            for (int i = 0; i < labels; i++) {
                lab.put((byte) (i == 1 && poke > 0 ? poke : i % 10));
            }
            Files.write(d.resolve(split + "-labels-idx1-ubyte"), lab.array());
        }
    }

    static Stream<Arguments> cases() {
        String d = dir.toString() + "/";
        return Stream.of(
                // options out of range or malformed
                Arguments.of("C zero", List.of("primal-svm", "--C", "0"), 64, "--C: expected a finite number > 0"),
                Arguments.of("C not a number", List.of("primal-svm", "--C", "five"), 64, "'five' is not a double"),
                Arguments.of("C1 negative", List.of("primal-svm", "--C1", "-2"), 64, "--C1: expected a finite number > 0"),
                Arguments.of("eta zero", List.of("primal-svm", "--eta", "0"), 64, "--eta: expected a finite number > 0"),
                Arguments.of("eta NaN", List.of("primal-svm", "--eta", "NaN"), 64, "--eta: expected a finite number > 0"),
                Arguments.of("epochs negative", List.of("primal-svm", "--epochs", "10,-3"), 64, "--epochs: expected an integer >= 0"),
                Arguments.of("unknown schedule", List.of("primal-svm", "--schedule", "cosine"), 64, "--schedule: 'cosine'"),
                Arguments.of("partitions zero", List.of("primal-svm", "--partitions", "0"), 64, "--partitions: expected an integer >= 1"),
                Arguments.of("unknown option", List.of("primal-svm", "--lambda", "1"), 64, "Unknown options: '--lambda', '1'"),
                Arguments.of("unknown job", List.of("svm"), 64, "Unmatched argument at index 0: 'svm'"),
                Arguments.of("missing --out", List.of("primal-svm", "NO-OUT"), 64, "Missing required option: '--out=DIR'"),
                Arguments.of("unknown reproduce part", List.of("reproduce", "--only", "q9"), 64, "--only: 'q9' is not one of"),
                Arguments.of("unknown bench suite", List.of("bench", "fastest"), 64, "SUITE: 'fastest' is not one of"),
                // files
                Arguments.of("missing file", List.of("primal-svm", "--data", d + "absent.npy"), 66, "absent.npy: no such file"),
                Arguments.of("directory for a file", List.of("primal-svm", "--data", d + "adir.npy"), 66, "adir.npy: is a directory"),
                Arguments.of("dangling link", List.of("primal-svm", "--data", d + "dangling.npy"), 66, "dangling.npy: no such file"),
                Arguments.of("empty npy", List.of("primal-svm", "--data", d + "empty.npy"), 65, "empty.npy: magic"),
                Arguments.of("wrong magic", List.of("primal-svm", "--data", d + "magic.npy"), 65, "magic.npy: magic: not a NumPy .npy file"),
                Arguments.of("truncated data", List.of("primal-svm", "--data", d + "truncated.npy"), 65, "truncated.npy: data: truncated"),
                Arguments.of("truncated header", List.of("primal-svm", "--data", d + "header.npy"), 65, "header.npy: header: truncated"),
                Arguments.of("unsupported dtype", List.of("primal-svm", "--data", d + "complex.npy"), 65, "dtype '<c8' is not supported"),
                Arguments.of("unsupported version", List.of("primal-svm", "--data", d + "version.npy"), 65, "format version 9 is not supported"),
                Arguments.of("not a dict", List.of("primal-svm", "--data", d + "vector.npy"), 65, "expected a pickled dict of arrays"),
                Arguments.of("npz not a zip", List.of("primal-svm", "--data", d + "notzip.npz"), 65, "notzip.npz: zip"),
                Arguments.of("npz key missing", List.of("primal-svm", "--data", d + "nokey.npz"), 65, "y_train: missing"),
                Arguments.of("row-count mismatch", List.of("primal-svm", "--data", d + "rows.npz"), 65, "y_train: has 3 rows but x_train has 2"),
                Arguments.of("label set", List.of("primal-svm", "--data", d + "labels.npz"), 67, "labels [1.0, 3.0] are not a binary label set"),
                Arguments.of("NaN feature", List.of("primal-svm", "--data", d + "nan.npz"), 67, "x_train: row 1, column 0 is NaN"),
                Arguments.of("infinite feature", List.of("primal-svm", "--data", d + "inf.npz"), 67, "x_train: row 1, column 0 is Infinity"),
                Arguments.of("empty csv", List.of("primal-svm", "--data", d + "empty.csv", "--test", d + "good.csv"), 65, "empty.csv: rows: no data rows"),
                Arguments.of("ragged csv", List.of("primal-svm", "--data", d + "ragged.csv", "--test", d + "good.csv"), 65, "ragged.csv: line 2: 2 columns, expected 3"),
                Arguments.of("text in csv", List.of("primal-svm", "--data", d + "text.csv", "--test", d + "good.csv"), 65, "'x' is not a number"),
                Arguments.of("csv without --test", List.of("primal-svm", "--data", d + "good.csv"), 64, "--test: a test file is required"),
                Arguments.of("train/test dimensions", List.of("primal-svm", "--data", d + "good.csv", "--test", d + "wide.csv"), 65, "wide.csv: features: 3 columns"),
                Arguments.of("libsvm indices", List.of("primal-svm", "--data", d + "bad.libsvm", "--test", d + "bad.libsvm"), 65, "1-based indices in ascending order"),
                // executor-side readers (libsvm:, csv:, parquet:)
                Arguments.of("giant libsvm index", src("libsvm:", d + "giant.libsvm", d + "good.libsvm"), 65, "giant.libsvm: line 2: index 2000000000 exceeds the limit"),
                Arguments.of("libsvm indices not ascending", src("libsvm:", d + "descending.libsvm", d + "good.libsvm"), 65, "descending.libsvm: line 3: index 2 after 4"),
                Arguments.of("libsvm duplicated index", src("libsvm:", d + "good.libsvm", d + "duplicated.libsvm"), 65, "duplicated.libsvm: line 1: index 2 after 2 (a duplicated index)"),
                Arguments.of("libsvm index 0", src("libsvm:", d + "zero.libsvm", d + "good.libsvm"), 65, "zero.libsvm: line 3: index 0 (indices are 1-based)"),
                Arguments.of("parquet without label", src("parquet:", d + "nolabel.parquet", d + "d2.parquet"), 65, "nolabel.parquet: label: no such column (columns: features, y)"),
                Arguments.of("parquet features not a vector", src("parquet:", d + "text.parquet", d + "d2.parquet"), 65, "features: column of type string, expected a vector"),
                Arguments.of("empty directory", src("parquet:", d + "empty-dir", d + "d2.parquet"), 66, "empty-dir is an empty directory"),
                Arguments.of("glob matching nothing", src("csv:", d + "none-*.csv", d + "narrow-h.csv"), 66, "none-*.csv: the glob matches no files"),
                Arguments.of("csv train/test dimensions", src("csv:", d + "narrow-h.csv", d + "wide-h.csv"), 65, "wide-h.csv: features: 3 features, the training set"),
                Arguments.of("parquet train/test dimensions", src("parquet:", d + "d3.parquet", d + "d2.parquet"), 65, "d2.parquet: features: 2 features, the training set"),
                Arguments.of("resume without checkpoint", List.of("primal-svm", "--resume"), 66, "--resume: no checkpoint to resume from"),
                Arguments.of("missing expectations", List.of("reproduce", "--expectations", d + "none.json"), 66, "none.json: no such expectations file"),
                // MNIST (IDX files the test wrote; the canonical checksums do not apply to them)
                Arguments.of("IDX wrong magic", nn(d + "mnist-magic"), 65, "magic"),
                Arguments.of("IDX truncated", nn(d + "mnist-truncated"), 65, "truncated"),
                Arguments.of("IDX label outside 0..9", nn(d + "mnist-label"), 67, "12"),
                Arguments.of("IDX count mismatch", nn(d + "mnist-count"), 65, "5"),
                Arguments.of("IDX checksum", List.of("two-layer-net", "--mnist", d + "mnist-label", "--validation", "2"), 68,
                        "train-images-idx3-ubyte"),
                Arguments.of("MNIST missing", nn(d + "no-mnist"), 66, "no-mnist"),
                Arguments.of("net resume without checkpoint", List.of("two-layer-net", "--resume"), 66,
                        "--resume: no checkpoint to resume from"),
                Arguments.of("learning rate zero", List.of("two-layer-net", "--learning-rate", "0"), 64, "--learning-rate"),
                Arguments.of("batch size zero", List.of("two-layer-net", "--batch-size", "0"), 64, "--batch-size"),
                Arguments.of("unknown update rule", List.of("two-layer-net", "--update", "rmsprop"), 64, "rmsprop"),
                // dual SVM and kernels
                Arguments.of("unknown kernel", List.of("dual-svm", "--kernel", "laplace"), 64, "laplace"),
                Arguments.of("negative gamma", List.of("dual-svm", "--gamma", "-1"), 64, "--gamma"),
                Arguments.of("negative degree", List.of("dual-svm", "--kernel", "poly", "--degree", "-2"), 64, "--degree"),
                Arguments.of("dual C zero", List.of("dual-svm", "--C", "0"), 64, "--C"),
                Arguments.of("unknown solver", List.of("dual-svm", "--solver", "cvxopt"), 64, "cvxopt"),
                Arguments.of("out is a file", List.of("primal-svm", "OUT=" + d + "blocker"), 73, "exists and is not a directory"),
                // where an output may not go (each case also checks that every user's file is still there)
                Arguments.of("out a user's directory", List.of("primal-svm", "OUT=" + d + "foreign"), 73,
                        "foreign: exists, is not empty and is not an output of mlspark (no _MLSPARK_OUTPUT.json)"),
                Arguments.of("out a user's directory, --overwrite", List.of("primal-svm", "OUT=" + d + "foreign", "--overwrite"), 73,
                        "is not an output of mlspark"),
                Arguments.of("out a user's file, --overwrite", List.of("primal-svm", "OUT=" + d + "blocker", "--overwrite"), 73,
                        "exists and is not a directory"),
                Arguments.of("out of dual-svm a user's directory", List.of("dual-svm", "OUT=" + d + "foreign"), 73,
                        "is not an output of mlspark"),
                Arguments.of("out of kernels a user's directory", List.of("kernels", "OUT=" + d + "foreign"), 73,
                        "is not an output of mlspark"),
                Arguments.of("out of reproduce a user's directory", List.of("reproduce", "OUT=" + d + "foreign"), 73,
                        "is not an output of mlspark"),
                Arguments.of("out of two-layer-net a user's directory", List.of("two-layer-net", "OUT=" + d + "foreign"), 73,
                        "is not an output of mlspark"),
                Arguments.of("out the data directory", List.of("primal-svm", "DATA=" + d + "tree/data", "OUT=" + d + "tree/data"), 73,
                        "is the data directory"),
                Arguments.of("out the data directory, --overwrite", List.of("primal-svm", "DATA=" + d + "tree/data", "OUT=" + d + "tree/data",
                        "--overwrite"), 73, "is the data directory"),
                Arguments.of("out contains the data directory", List.of("primal-svm", "DATA=" + d + "tree/data", "OUT=" + d + "tree"), 73,
                        "tree: contains the data directory"),
                Arguments.of("out a link to the data directory", List.of("primal-svm", "DATA=" + d + "tree/data", "OUT=" + d + "link-to-data"),
                        73, "is the data directory"),
                Arguments.of("out of dual-svm the data directory", List.of("dual-svm", "DATA=" + d + "tree/data", "OUT=" + d + "tree/data"), 73,
                        "is the data directory"),
                Arguments.of("out the project's conf", List.of("primal-svm", "JVM=-Dmlspark.home=" + d + "work/project",
                        "OUT=" + d + "work/project/conf"), 73, "is the configuration directory"),
                Arguments.of("out the project root", List.of("primal-svm", "JVM=-Dmlspark.home=" + d + "work/project",
                        "OUT=" + d + "work/project"), 73, "is the project root"),
                Arguments.of("out contains the project", List.of("primal-svm", "JVM=-Dmlspark.home=" + d + "work/project",
                        "OUT=" + d + "work"), 73, "work: contains the configuration directory"),
                Arguments.of("out the home directory", List.of("primal-svm", "JVM=-Duser.home=" + d + "homes/me",
                        "OUT=" + d + "homes/me"), 73, "is the home directory"),
                Arguments.of("out contains the home directory", List.of("primal-svm", "JVM=-Duser.home=" + d + "homes/me",
                        "OUT=" + d + "homes"), 73, "homes: contains the home directory"),
                Arguments.of("out the file system root", List.of("primal-svm", "OUT=/"), 73, "/: contains the"),
                Arguments.of("out contains an input file", List.of("primal-svm", "--data", d + "output-with-input/train.npy",
                        "OUT=" + d + "output-with-input", "--overwrite"), 73, "contains an input file"),
                Arguments.of("out an earlier output without --overwrite", List.of("primal-svm", "OUT=" + d + "primal-output"), 73,
                        "holds an earlier output of 'primal-svm'; pass --overwrite"),
                Arguments.of("--overwrite on another job's output", List.of("primal-svm", "OUT=" + d + "dual-output", "--overwrite"), 73,
                        "holds an output of 'dual-svm', not of 'primal-svm'"),
                Arguments.of("out locked by a running job", List.of("primal-svm", "OUT=" + d + "locked"), 73,
                        "another run (" + ProcessHandle.current().pid() + "@"),
                // tests may run as root, whom chmod does not stop: /proc is read-only for root too, and a file as a parent
                Arguments.of("out on a read-only file system", List.of("primal-svm", "OUT=/proc/mlspark-out"), 73, "/proc/mlspark-out"),
                Arguments.of("out under a file", List.of("primal-svm", "OUT=" + d + "blocker/out"), 73, "cannot create its parent directory"),
                Arguments.of("out a file: URI of a user's directory", List.of("primal-svm", "OUT=file://" + d + "foreign"), 73,
                        "is not an output of mlspark"),
                Arguments.of("out a file: URI of the data directory", List.of("primal-svm", "DATA=" + d + "tree/data",
                        "OUT=file://" + d + "tree/data"), 73, "is the data directory"),
                Arguments.of("out a URI without a file system", List.of("primal-svm", "OUT=nosuchfs://host/out"), 73, "no file system"),
                Arguments.of("out a malformed file: URI", List.of("primal-svm", "OUT=file:relative/out"), 64,
                        "--out: 'file:relative/out' is neither a path nor a valid URI"),
                // checkpoint directories and checkpoints
                Arguments.of("checkpoint-dir a user's directory", List.of("primal-svm", "--checkpoint-every", "1", "--checkpoint-dir",
                        d + "foreign"), 73, "--checkpoint-dir " + d + "foreign: exists, is not empty"),
                Arguments.of("checkpoint-dir the data directory", List.of("primal-svm", "DATA=" + d + "tree/data", "--checkpoint-every", "1",
                        "--checkpoint-dir", d + "tree/data"), 73, "--checkpoint-dir " + d + "tree/data: is the data directory"),
                Arguments.of("checkpoint-dir the project's conf", List.of("two-layer-net", "JVM=-Dmlspark.home=" + d + "work/project",
                        "--checkpoint-every", "1", "--checkpoint-dir", d + "work/project/conf"), 73, "is the configuration directory"),
                Arguments.of("checkpoint-dir the project root", List.of("primal-svm", "JVM=-Dmlspark.home=" + d + "work/project",
                        "--checkpoint-dir", d + "work/project"), 73, "is the project root"),
                Arguments.of("checkpoint-dir the home directory", List.of("primal-svm", "JVM=-Duser.home=" + d + "homes/me",
                        "--checkpoint-dir", d + "homes/me"), 73, "is the home directory"),
                Arguments.of("checkpoint-dir is --out", List.of("primal-svm", "--checkpoint-every", "1", "--checkpoint-dir", "{OUT}"), 73,
                        "is the output directory"),
                Arguments.of("checkpoint-dir inside --out", List.of("primal-svm", "--checkpoint-every", "1", "--checkpoint-dir", "{OUT}/ck"),
                        73, "lies inside --out"),
                Arguments.of("checkpoint-dir of another job", List.of("primal-svm", "--resume", "--checkpoint-dir", d + "ckpt-of-net"), 73,
                        "holds an output of 'two-layer-net', not of 'primal-svm'"),
                Arguments.of("checkpoint of another configuration", List.of("primal-svm", "--resume", "--checkpoint-dir", d + "ckpt-other"),
                        64, "--eta: the checkpoint " + d + "ckpt-other/primal-svm.json was made with --eta 0.002, this run has 0.001"),
                Arguments.of("net checkpoint of another configuration", List.of("two-layer-net", "--resume", "--checkpoint-dir",
                        d + "ckpt-net-other"), 64, "--hidden: the checkpoint"),
                Arguments.of("checkpoint truncated", List.of("primal-svm", "--resume", "--checkpoint-dir", d + "ckpt-truncated"), 65,
                        "primal-svm.json: state_sha256: the state does not match its checksum (truncated or corrupted)"),
                Arguments.of("checkpoint corrupted", List.of("primal-svm", "--resume", "--checkpoint-dir", d + "ckpt-corrupted"), 65,
                        "state_sha256: the state does not match its checksum"),
                Arguments.of("checkpoint not a checkpoint", List.of("primal-svm", "--resume", "--checkpoint-dir", d + "ckpt-garbage"), 65,
                        "primal-svm.json: header: not a checkpoint of mlspark"),
                // one class only: a classifier needs both (primal as the dual)
                Arguments.of("primal one class", List.of("primal-svm", "--data", d + "oneclass.npz"), 67,
                        "oneclass.npz: labels: the training set has only the label 1.0; a classifier needs both classes"),
                Arguments.of("dual one class", List.of("dual-svm", "--data", d + "oneclass.npz"), 67,
                        "oneclass.npz: labels: the training set has only the label 1.0; a classifier needs both classes"),
                Arguments.of("primal one class, libsvm:", src("libsvm:", d + "oneclass.libsvm", d + "good.libsvm"), 67,
                        "oneclass.libsvm: labels: the training set has only the label 1.0; a classifier needs both classes"),
                // multi-class sets from the executor-side readers: one class, a label that is not a number
                Arguments.of("dual one class, libsvm:", dual("libsvm:", d + "oneclass3.libsvm", d + "three.libsvm"), 67,
                        "oneclass3.libsvm: labels: the training set has only the label 3.0; a classifier needs both classes"),
                Arguments.of("dual one class, csv:", dual("csv:", d + "oneclass-h.csv", d + "three-h.csv"), 67,
                        "oneclass-h.csv: labels: the training set has only the label 3.0; a classifier needs both classes"),
                Arguments.of("primal one class, parquet:", src("parquet:", d + "oneclass3.parquet", d + "d2.parquet"), 67,
                        "oneclass3.parquet: labels: the training set has only the label 3.0; a classifier needs both classes"),
                Arguments.of("dual label not a number, libsvm:", dual("libsvm:", d + "word.libsvm", d + "three.libsvm"), 65,
                        "word.libsvm: line 2: label 'cat' is not a number"),
                Arguments.of("dual label not a number, csv:", dual("csv:", d + "word-h.csv", d + "three-h.csv"), 65,
                        "word-h.csv: malformed line '3,4,cat' (expected 3 numbers)"),
                Arguments.of("primal label not a number, parquet:", src("parquet:", d + "word.parquet", d + "d2.parquet"), 65,
                        "word.parquet: label: column of type string, expected a number"),
                Arguments.of("primal label NaN, csv:", src("csv:", d + "nan-h.csv", d + "three-h.csv"), 67,
                        "nan-h.csv: label: a missing or NaN label (expected a number)"),
                // predict: model directories and data against the model
                Arguments.of("predict: no model", List.of("predict", "--model", d + "absent-model", "--data", "hw3"), 66,
                        "absent-model: no such model directory"),
                Arguments.of("predict: model is a file", List.of("predict", "--model", d + "good.csv", "--data", "hw3"), 66,
                        "good.csv: is a file; expected a model directory"),
                Arguments.of("predict: no metadata", List.of("predict", "--model", d + "empty-model", "--data", "hw3"), 65,
                        "empty-model: metadata: missing"),
                Arguments.of("predict: metadata not JSON", List.of("predict", "--model", d + "json-model", "--data", "hw3"), 65,
                        "json-model: metadata: not JSON"),
                Arguments.of("predict: model data missing", List.of("predict", "--model", d + "no-data", "--data", "hw3"), 65,
                        "no-data: data: missing"),
                Arguments.of("predict: model data unreadable", List.of("predict", "--model", d + "empty-data", "--data", "hw3"),
                        65, "empty-data: cannot be read as a PrimalSvmModel"),
                Arguments.of("predict: another kind", List.of("predict", "--model", d + "dual-meta", "--data", "hw3", "--kind",
                        "primal-svm"), 65, "a KernelSvmModel (dual-svm), expected a PrimalSvmModel (--kind primal-svm)"),
                Arguments.of("predict: unknown kind", List.of("predict", "--model", d + "primal-model", "--data", "hw3", "--kind",
                        "svm"), 64, "--kind: 'svm' is not one of"),
                Arguments.of("predict: dimension", List.of("predict", "--model", d + "primal-model", "--data", d + "good.csv"), 65,
                        "good.csv: features: 2 features, but the model " + d + "primal-model takes 4"),
                Arguments.of("predict: format", List.of("predict", "--model", d + "primal-model", "--data", "hw3", "--format",
                        "json"), 64, "--format: 'json' is not one of parquet, csv"),
                Arguments.of("save-model over a file", List.of("primal-svm", "--save-model", d + "good.csv"), 73,
                        "--save-model " + d + "good.csv: exists and is not an empty directory"),
                // kernel scale: cascade, kernel approximation, generated data
                Arguments.of("cascade partitions above samples", List.of("dual-svm", "--data", "moons:50", "--solver", "cascade",
                        "--cascade-partitions", "60"), 64, "--cascade-partitions: 60 sub-problems for 50 training samples"),
                Arguments.of("cascade partitions zero", List.of("dual-svm", "--solver", "cascade", "--cascade-partitions", "0"),
                        64, "--cascade-partitions: expected an integer >= 1"),
                Arguments.of("working set size odd", List.of("dual-svm", "--working-set-size", "3"), 64,
                        "--working-set-size: expected an even integer >= 2, got 3"),
                Arguments.of("moons size not a number", List.of("dual-svm", "--data", "moons:ten"), 64,
                        "--data: expected moons:N[:noise[:seed]]"),
                Arguments.of("components zero", List.of("primal-svm", "--features", "rff", "--components", "0"), 64,
                        "--components: expected an integer >= 1, got 0"),
                Arguments.of("rff with a non-rbf kernel", List.of("primal-svm", "--features", "rff", "--kernel", "poly"), 64,
                        "--features: rff approximates the rbf kernel only"),
                Arguments.of("unknown features", List.of("primal-svm", "--features", "fourier"), 64,
                        "--features: 'fourier' is not one of none, rff, nystrom"),
                Arguments.of("unknown optimizer", List.of("primal-svm", "--optimizer", "adam"), 64,
                        "--optimizer: 'adam' is not one of gd, lbfgs"));
    }

    private static List<String> src(String format, String train, String test) {
        return List.of("primal-svm", "--data", format + train, "--test", format + test);
    }

    private static List<String> dual(String format, String train, String test) {
        return List.of("dual-svm", "--data", format + train, "--test", format + test);
    }

    private static List<String> nn(String mnistDir) {
        return List.of("two-layer-net", "--mnist", mnistDir, "--no-verify-checksums", "--validation", "2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithOneLineAndItsExitCode(String name, List<String> args, int code, String message) throws Exception {
        Path out = dir.resolve("out-" + name.replaceAll("[^A-Za-z0-9-]+", "-"));
        String explicitOut = token(args, "OUT=");
        String data = token(args, "DATA=");
        List<String> jvm = args.stream().filter(a -> a.startsWith("JVM=")).map(a -> a.substring(4)).toList();
        List<String> command = new ArrayList<>(args.stream()
                .filter(a -> !a.equals("NO-OUT") && !a.startsWith("OUT=") && !a.startsWith("DATA=") && !a.startsWith("JVM="))
                .map(a -> a.replace("{OUT}", out.toString())).toList());
        if (!args.contains("NO-OUT") && !command.get(0).equals("svm")) {
            command.addAll(1, List.of("--out", explicitOut != null ? explicitOut : out.toString(),
                    "--data-dir", data != null ? data : dataDir.toString()));
        }
        Result r = runCli(jvm, command);
        List<String> errors = r.stderr.lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(code, r.exitCode, r.stderr);
        assertEquals(1, errors.size(), r.stderr);
        assertTrue(errors.get(0).contains(message), "'" + message + "' not in: " + errors.get(0));
        assertFalse(r.stderr.contains("\tat "), "no stack trace without --verbose:\n" + r.stderr);
        assertFalse(Files.exists(out), "no output directory");
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.map(p -> p.getFileName().toString()).noneMatch(f -> f.contains(".tmp-")
                    || f.endsWith(".lock") && !f.equals(".locked.lock")), "no staging directory or lock left");
        }
        KEPT.forEach((file, bytes) -> assertArrayEquals(bytes, read(file), file + " is still there, unchanged"));
    }

    private static String token(List<String> args, String prefix) {
        return args.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).findFirst().orElse(null);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }

    @Test
    void tableHasMoreThanEightyCases() {
        assertTrue(cases().count() > 80, cases().count() + " cases");
    }

    record Result(int exitCode, String stderr) {
    }

    /** The job in a JVM of its own, with this JVM's flags and classpath, as the launchers start it. */
    static Result runCli(List<String> jvmFlags, List<String> args) throws Exception {
        List<String> flags = new ArrayList<>(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"));
        flags.addAll(jvmFlags);
        List<String> command = CliProcess.command(flags, args);
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out");
        return new Result(p.exitValue(), stderr);
    }

    private static void write(String name, byte[] bytes) throws IOException {
        Files.write(dir.resolve(name), bytes);
    }

    private static byte[] withByte(byte[] bytes, int index, byte value) {
        byte[] copy = bytes.clone();
        copy[index] = value;
        return copy;
    }

    /** x_train, x_test: 2 x 2 with {@code poke} at (1, 0); y_train, y_test: {@code y}. */
    private static byte[] npz(double[] y, double poke) throws IOException {
        double[] x = {0, 1, poke, 3};
        byte[] xs = NpyFiles.npy(1, "<f8", false, new int[]{2, 2}, x);
        byte[] ys = NpyFiles.npy(1, "<f8", false, new int[]{y.length}, y);
        return zip(new String[]{"x_train", "y_train", "x_test", "y_test"}, xs, ys, xs, ys);
    }

    private static byte[] zip(String[] names, byte[]... contents) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < names.length; i++) {
                zip.putNextEntry(new ZipEntry(names[i] + ".npy"));
                zip.write(contents[i]);
            }
        }
        return bytes.toByteArray();
    }
}
