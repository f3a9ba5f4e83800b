package mlspark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import mlspark.cli.output.Checkpoints;
import mlspark.cli.output.Json;
import mlspark.data.LabeledData;
import mlspark.ml.PrimalSvmClassifier;
import mlspark.ml.PrimalSvmModel;
import mlspark.svm.primal.PrimalSvmState;
import mlspark.testing.Liblinear;
import mlspark.testing.SharedSpark;

/**
 * {@code primal-svm --optimizer cocoa} as a user runs it (in-process, on the shared context): LIBSVM
 * files, dense and sparse, to LIBLINEAR's optimum with the gap in metrics.json; its options' errors;
 * a run resumed from a checkpoint written and read as the job does.
 */
class CocoaJobTest extends SharedSpark {
    private static final double C = 0.01;

    @TempDir
    Path dir;

    private StringWriter err;

    private int run(String... args) {
        err = new StringWriter();
        return Main.run(new PrintWriter(err, true), args);
    }

    /** n rows of d features (sparse: about 6 non-zeros a row), labels -1/+1 of a noisy linear rule. */
    private static LabeledData set(int n, int d, boolean sparse, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] truth = random.doubles(d, -1, 1).toArray();
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double h = 0.2;
            for (int j = 0; j < d; j++) {
                x[i][j] = !sparse || random.nextInt(d) < 6 ? random.nextGaussian() : 0;
                h += truth[j] * x[i][j];
            }
            y[i] = h + 0.4 * random.nextGaussian() > 0 ? 1 : -1;
        }
        return new LabeledData(x, y, "generated");
    }

    private Path libsvm(String name, LabeledData data) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            StringBuilder line = new StringBuilder(data.y()[i] > 0 ? "+1" : "-1");
            for (int j = 0; j < data.dimension(); j++) {
                if (data.x()[i][j] != 0) {
                    line.append(' ').append(j + 1).append(':').append(data.x()[i][j]);
                }
            }
            // the last feature in every row, so that the files' dimension is d
            if (data.x()[i][data.dimension() - 1] == 0) {
                line.append(' ').append(data.dimension()).append(":0");
            }
            lines.add(line.toString());
        }
        return Files.write(dir.resolve(name), lines);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void libsvmFilesReachLiblinearsOptimumWithTheGapInMetrics(boolean sparse) throws IOException {
        LabeledData train = set(400, sparse ? 80 : 15, sparse, 3);
        Path trainFile = libsvm("train" + sparse + ".libsvm", train);
        Path testFile = libsvm("test" + sparse + ".libsvm", set(100, train.dimension(), sparse, 4));
        Path out = dir.resolve("cocoa" + sparse);
        java.io.PrintStream stdout = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true));
        try {
            assertEquals(0, run("primal-svm", "--out", out.toString(), "--data", trainFile.toString(), "--test",
                    testFile.toString(), "--optimizer", "cocoa", "--C", String.valueOf(C), "--tol", "1e-6",
                    "--local-passes", "2", "--epochs", "1,1000", "--partitions", "2"), err.toString());
        } finally {
            System.setOut(stdout);
        }
        assertTrue(printed.toString().contains("[primal-svm] round 1/1000  objective "), "progress lines: " + printed);
        assertTrue(printed.toString().contains(" gap "), "progress lines show the gap: " + printed);
        JsonNode metrics = Json.read(out.resolve("metrics.json"));
        assertEquals("cocoa", metrics.get("config").get("optimizer").asText());
        assertEquals(1e-6, metrics.get("config").get("tol").asDouble());
        int rounds = metrics.get("rounds").asInt();
        assertTrue(rounds > 1 && rounds < 1000, "rounds " + rounds);
        assertTrue(metrics.get("train_seconds").asDouble() > 0);
        JsonNode last = metrics.get("runs").get(1);
        double p = last.get("objective").asDouble();
        double gap = last.get("duality_gap").asDouble();
        assertEquals(p - last.get("dual_objective").asDouble(), gap, 1e-9 * p);
        assertTrue(gap >= 0 && gap <= 1e-6 * p, "gap " + gap + " of P " + p);
        JsonNode first = metrics.get("runs").get(0);
        assertTrue(first.get("duality_gap").asDouble() > gap);

        double[] w = new double[train.dimension() + 1];
        for (int j = 0; j < train.dimension(); j++) {
            w[j] = last.get("w").get(j).asDouble();
        }
        w[train.dimension()] = last.get("b").asDouble();
        double[] costs = new double[train.size()];
        java.util.Arrays.fill(costs, C);
        double pReference = Liblinear.objective(train.x(), train.y(), costs, 1,
                Liblinear.train(train.x(), train.y(), null, new double[]{C, C}, 1, 1e-6)[0]);
        assertEquals(pReference, Liblinear.objective(train.x(), train.y(), costs, 1, w), 1e-6 * pReference);
        assertEquals(pReference, p, 1e-6 * pReference);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--tol|0|--tol: expected a finite number > 0, got 0.0",
            "--local-passes|0|--local-passes: expected an integer >= 1, got 0",
            "--bias-feature|-1|--bias-feature: expected a finite number >= 0, got -1.0"})
    void badOptionsAreUsageErrorsNamingTheOption(String option, String value, String message) {
        Path out = dir.resolve("bad");
        assertEquals(64, run("primal-svm", "--out", out.toString(), "--optimizer", "cocoa", option, value));
        assertTrue(err.toString().contains(message), err.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void aRunResumedFromTheJobsCheckpointEndsWhereTheUninterruptedOneEnds() throws IOException {
        LabeledData train = set(300, 10, false, 5);
        org.apache.spark.api.java.JavaRDD<mlspark.data.SampleBlock> blocks = mlspark.distributed.SampleBlocks.of(
                mlspark.distributed.SampleBlocks.rows(org.apache.spark.sql.SparkSession.builder().config(sc.getConf())
                        .getOrCreate(), train, 3), new mlspark.distributed.SampleBlocks.Layout(10, Long.MAX_VALUE, 40,
                        mlspark.data.FeatureBlock.Storage.FLOAT64), false, "generated");
        Checkpoints checkpoints = new Checkpoints(dir.resolve("checkpoint"), "primal-svm");
        PrimalSvmModel uninterrupted = svm().setStateListener(s -> {
            if (s.epoch() == 7) {
                checkpoints.save(s);
            }
        }).fit(blocks, 10);
        PrimalSvmModel resumed = svm().setInitialState(checkpoints.load(PrimalSvmState.class)).fit(blocks, 10);
        assertArrayEquals(uninterrupted.summary().objectiveHistory(), resumed.summary().objectiveHistory(), 0.0);
        assertArrayEquals(uninterrupted.linearModel().w(), resumed.linearModel().w(), 0.0);
        assertEquals(uninterrupted.linearModel().b(), resumed.linearModel().b(), 0.0);
        assertEquals(uninterrupted.summary().dualRounds().size(), resumed.summary().dualRounds().size());
        assertEquals(uninterrupted.summary().dualRounds().get(15).dualityGap(),
                resumed.summary().dualRounds().get(15).dualityGap(), 0.0);
    }

    private static PrimalSvmClassifier svm() {
        return new PrimalSvmClassifier().setOptimizer("cocoa").setC(0.05).setTol(1e-12).setMaxIter(15);
    }
}
