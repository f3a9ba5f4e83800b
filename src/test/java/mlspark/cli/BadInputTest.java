package mlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import mlspark.data.NpyFiles;
import mlspark.testing.CliProcess;
import mlspark.testing.ProjectData;

/**
 * Malformed inputs through the command line as a user runs it, each in a JVM of its own: a
 * one-line error naming what is wrong, the documented exit code, no stack trace (no --verbose),
 * and no output directory created.
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
    }

    /** Model directories for predict: a real primal-svm model, and broken or mislabeled ones. */
    private static void writeModels() throws IOException {
        try {
            Result trained = runCli(List.of("primal-svm", "--out", dir.resolve("primal-out").toString(), "--data-dir",
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
        write("narrow-h.csv", "a,b,y\n1,2,0\n3,4,1\n".getBytes(StandardCharsets.UTF_8));
        write("wide-h.csv", "a,b,c,y\n1,2,3,0\n3,4,5,1\n".getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(dir.resolve("empty-dir"));
        org.apache.spark.api.java.JavaSparkContext sc = mlspark.spark.SparkSetup.context("bad parquet", "local[1]",
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
                Arguments.of("unknown option", List.of("primal-svm", "--gamma", "1"), 64, "Unknown options: '--gamma', '1'"),
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
                // one class only: a classifier needs both (primal as the dual)
                Arguments.of("primal one class", List.of("primal-svm", "--data", d + "oneclass.npz"), 67,
                        "oneclass.npz: labels: the training set has only the label 1.0; a classifier needs both classes"),
                Arguments.of("dual one class", List.of("dual-svm", "--data", d + "oneclass.npz"), 67,
                        "oneclass.npz: labels: the training set has only the label 1.0; a classifier needs both classes"),
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
                        "--save-model " + d + "good.csv: exists and is not an empty directory"));
    }

    private static List<String> src(String format, String train, String test) {
        return List.of("primal-svm", "--data", format + train, "--test", format + test);
    }

    private static List<String> nn(String mnistDir) {
        return List.of("two-layer-net", "--mnist", mnistDir, "--no-verify-checksums", "--validation", "2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithOneLineAndItsExitCode(String name, List<String> args, int code, String message) throws Exception {
        Path out = dir.resolve("out-" + name.replace(' ', '-'));
        List<String> command = new ArrayList<>(args.stream().filter(a -> !a.equals("NO-OUT") && !a.startsWith("OUT=")).toList());
        String explicitOut = args.stream().filter(a -> a.startsWith("OUT=")).map(a -> a.substring(4)).findFirst().orElse(null);
        if (!args.contains("NO-OUT") && !command.get(0).equals("svm")) {
            command.addAll(1, List.of("--out", explicitOut != null ? explicitOut : out.toString(), "--data-dir", dataDir.toString()));
        }
        Result r = runCli(command);
        List<String> errors = r.stderr.lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(code, r.exitCode, r.stderr);
        assertEquals(1, errors.size(), r.stderr);
        assertTrue(errors.get(0).contains(message), "'" + message + "' not in: " + errors.get(0));
        assertFalse(r.stderr.contains("\tat "), "no stack trace without --verbose:\n" + r.stderr);
        assertFalse(Files.exists(out), "no output directory");
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().contains(".tmp-")), "no staging directory left");
        }
    }

    record Result(int exitCode, String stderr) {
    }

    /** The job in a JVM of its own, with this JVM's flags and classpath, as the launchers start it. */
    static Result runCli(List<String> args) throws Exception {
        List<String> command = CliProcess.command(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"), args);
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
