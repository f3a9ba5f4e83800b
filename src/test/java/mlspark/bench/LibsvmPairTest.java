package mlspark.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import mlspark.data.LabeledData;
import mlspark.distributed.SampleBlocks;
import mlspark.ml.KernelSvmClassifier;
import mlspark.ml.KernelSvmModel;
import mlspark.svm.multiclass.Blobs;
import mlspark.testing.SharedSpark;

/** LIBSVM's per-pair lines parsed ({@link LibsvmBaseline.Pair}) and set beside our pairs' dual objectives. */
class LibsvmPairTest extends SharedSpark {
    /**
     * scikit-learn 1.2.1's SVC(C=1000, kernel='rbf', gamma=1, tol=1e-3, verbose=True) on iris, as the bench's script
     * prints it (the C library's lines flushed before the JSON line).
     */
    private static final String SVC_IRIS = String.join("\n",
            "[LibSVM]*",
            "optimization finished, #iter = 60",
            "obj = -3.143738, rho = 0.107249",
            "nSV = 19, nBSV = 0",
            "*",
            "optimization finished, #iter = 58",
            "obj = -3.592592, rho = 0.276760",
            "nSV = 21, nBSV = 0",
            "..*.*",
            "optimization finished, #iter = 329",
            "obj = -397.616430, rho = 0.335318",
            "nSV = 21, nBSV = 0",
            "Total nSV = 39",
            "",
            "{\"n\": 39}",
            "");

    @Test
    void parsesScikitLearnsVerboseOutput() {
        assertEquals(List.of(new LibsvmBaseline.Pair(60, -3.143738, 0.107249), new LibsvmBaseline.Pair(58, -3.592592, 0.276760),
                new LibsvmBaseline.Pair(329, -397.616430, 0.335318)), LibsvmBaseline.Pair.parse(SVC_IRIS));
        assertEquals("{\"n\": 39}", KernelScaleBench.SklearnSvc.result(SVC_IRIS));
    }

    /**
     * The Java port's lines (with its "nu = ..." line) on three classes, beside our one-vs-one at the same
     * tolerance: the pairs matched in LIBSVM's order, each objective within 1e-3 relative once the sign is turned.
     */
    @Test
    void ourPairsMeetTheJavaPortsObjectives() {
        Blobs blobs = Blobs.generate(new double[]{0, 1, 2}, new int[]{60, 50, 40}, 7);
        // the rows by class, so that the Java port's classes (in order of first appearance) are the sorted ones
        Integer[] order = new Integer[blobs.y().length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> blobs.y()[i]));
        double[][] x = Arrays.stream(order).map(i -> blobs.x()[i]).toArray(double[][]::new);
        double[] y = Arrays.stream(order).mapToDouble(i -> blobs.y()[i]).toArray();
        StringBuilder printed = new StringBuilder();
        LibsvmBaseline.trainClasses(x, y, 0.5, 1, 1e-3, 100, printed::append);
        List<LibsvmBaseline.Pair> pairs = LibsvmBaseline.Pair.parse(printed);
        assertEquals(3, pairs.size(), printed.toString());
        assertTrue(printed.toString().contains("nu = "), "the Java port's nu line: " + printed);

        SparkSession spark = SparkSession.builder().config(sc.getConf()).getOrCreate();
        LabeledData data = new LabeledData(x, y, "blobs");
        KernelSvmModel ours = new KernelSvmClassifier().setGamma(0.5).setC(1).setSolver("smo").setTol(1e-3)
                .setBiasRule("libsvm").setSvThreshold(0).fit(SampleBlocks.rows(spark, data, 2));
        BenchTable table = new BenchTable(line -> { });
        double worst = MulticlassBench.pairObjectives(data.labelSet(), ours.summary().problems(), pairs, "pairs.csv", table);
        assertTrue(worst < 1e-3, "largest relative difference " + worst + "\n" + table.files().get("pairs.csv"));
        List<String> csv = table.files().get("pairs.csv").lines().toList();
        assertEquals(4, csv.size());
        assertTrue(csv.get(1).startsWith("0,1,110,") && csv.get(2).startsWith("0,2,100,") && csv.get(3).startsWith("1,2,90,"),
                String.join("\n", csv));
    }
}
