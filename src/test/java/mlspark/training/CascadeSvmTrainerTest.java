package mlspark.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import mlspark.bench.LibsvmBaseline;
import mlspark.data.LabeledData;
import mlspark.data.Sample;
import mlspark.data.TwoMoons;
import mlspark.kernel.Kernel;
import mlspark.kernel.RbfKernel;
import mlspark.svm.ClassCosts;
import mlspark.svm.dual.BiasRule;
import mlspark.svm.dual.DualProblem;
import mlspark.svm.dual.DualSolution;
import mlspark.svm.dual.KernelSvmModel;
import mlspark.svm.dual.PointKernelRows;
import mlspark.svm.dual.SmoSolver;
import mlspark.svm.dual.WorkingSetSmoSolver;
import mlspark.testing.SharedSpark;
import scala.Tuple2;

/**
 * The Cascade SVM reaches the optimum of the whole problem: its dual objective equals LIBSVM's on
 * all the data (to 1e-3 relative), its support vectors are those of SMO on all the data, and its test
 * accuracy is SMO's to 0.2 points, whatever the partitioning, including a partition with one class
 * and an empty one.
 */
class CascadeSvmTrainerTest extends SharedSpark {
    private static final Kernel KERNEL = new RbfKernel(1);
    private static final ClassCosts COSTS = ClassCosts.symmetric(1);
    private static final double EPS = 1e-4;
    private static final LabeledData TRAIN = TwoMoons.generate(400, 0.2, 7);
    private static final LabeledData TEST = TwoMoons.generate(4000, 0.2, 8);

    private static CascadeSvmTrainer.Settings settings(int partitions) {
        return new CascadeSvmTrainer.Settings(partitions, 50, WorkingSetSmoSolver.Settings.defaults().withEps(EPS));
    }

    private JavaRDD<Sample> samples(LabeledData data) {
        List<Sample> list = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            list.add(new Sample(data.y()[i], data.x()[i]));
        }
        return sc.parallelize(list, 2);
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 4, 7})
    void equalsSmoOnAllTheData(int partitions) {
        check(CascadeSvmTrainer.train(samples(TRAIN), KERNEL, COSTS, settings(partitions), 1e-8, BiasRule.LIBSVM,
                m -> { }), TRAIN);
    }

    /** Feedback passes through the tree (the first layer on the executors) instead of on the driver. */
    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {2, 7})
    void equalsSmoWithFeedbackThroughTheTree(int partitions) {
        CascadeSvmTrainer.Settings tree = new CascadeSvmTrainer.Settings(partitions, 50,
                WorkingSetSmoSolver.Settings.defaults().withEps(EPS), 0);
        CascadeSvmTrainer.Result r = CascadeSvmTrainer.train(samples(TRAIN), KERNEL, COSTS, tree, 1e-8,
                BiasRule.LIBSVM, m -> { });
        assertTrue(r.layers().stream().anyMatch(l -> l.pass() > 1 && l.layer() == 1 && l.where().equals("executors")),
                "a feedback pass through the tree");
        check(r, TRAIN);
    }

    /** Partition 0 holds only label +1 samples, partition 1 none; the others hold the rest. */
    @Test
    void equalsSmoWithAOneClassAndAnEmptyPartition() {
        List<Tuple2<Integer, Sample>> keyed = new ArrayList<>();
        int positives = 0;
        for (int i = 0; i < TRAIN.size(); i++) {
            int target = TRAIN.y()[i] > 0 && positives++ < 60 ? 0 : 2 + i % 2;
            keyed.add(new Tuple2<>(target, new Sample(TRAIN.y()[i], TRAIN.x()[i])));
        }
        JavaRDD<Sample> parts = sc.parallelizePairs(keyed, 2).partitionBy(new HashPartitioner(4)).values();
        assertEquals(List.of(Set.of(1.0), Set.of(), Set.of(-1.0, 1.0), Set.of(-1.0, 1.0)), labelsByPartition(parts));
        // the partition order differs from the driver's, so the reference is trained in the RDD's order
        List<Sample> ordered = parts.collect();
        double[][] x = ordered.stream().map(Sample::features).toArray(double[][]::new);
        double[] y = ordered.stream().mapToDouble(Sample::label).toArray();
        check(CascadeSvmTrainer.train(parts, KERNEL, COSTS, settings(4), 1e-8, BiasRule.LIBSVM, m -> { }),
                new LabeledData(x, y, "reordered"));
    }

    /**
     * Labels alternating by index (as a one-vs-one pair's rows of a file whose classes take turns), spread
     * over 2 sub-problems from 3 partitions, and the rows sorted by label in 2 partitions for 2 sub-problems:
     * by index mod P, or as they are, every sub-problem would hold one label and no pass find a support vector.
     */
    @ParameterizedTest(name = "sorted by label: {0}")
    @ValueSource(booleans = {false, true})
    void equalsSmoWhereEverySubProblemWouldHoldOneLabel(boolean sorted) {
        List<Sample> positives = new ArrayList<>();
        List<Sample> negatives = new ArrayList<>();
        for (int i = 0; i < TRAIN.size(); i++) {
            (TRAIN.y()[i] > 0 ? positives : negatives).add(new Sample(TRAIN.y()[i], TRAIN.x()[i]));
        }
        int m = Math.min(positives.size(), negatives.size());
        List<Sample> ordered = new ArrayList<>();
        for (int k = 0; k < 2 * m; k++) {
            ordered.add(sorted ? (k < m ? positives.get(k) : negatives.get(k - m))
                    : (k % 2 == 0 ? positives : negatives).get(k / 2));
        }
        JavaRDD<Sample> rdd = sc.parallelize(ordered, sorted ? 2 : 3);
        if (sorted) {
            assertEquals(List.of(Set.of(1.0), Set.of(-1.0)), labelsByPartition(rdd));
        }
        double[][] x = ordered.stream().map(Sample::features).toArray(double[][]::new);
        double[] y = ordered.stream().mapToDouble(Sample::label).toArray();
        check(CascadeSvmTrainer.train(rdd, KERNEL, COSTS, settings(2), 1e-8, BiasRule.LIBSVM, m2 -> { }),
                new LabeledData(x, y, sorted ? "sorted" : "alternating"));
    }

    private static List<Set<Double>> labelsByPartition(JavaRDD<Sample> rdd) {
        return rdd.glom().map(l -> {
            Set<Double> set = new TreeSet<>();
            l.forEach(s -> set.add(s.label()));
            return set;
        }).collect();
    }

    @Test
    void refusesMorePartitionsThanSamples() {
        LabeledData five = TwoMoons.generate(5, 0.2, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CascadeSvmTrainer.train(
                samples(five), KERNEL, COSTS, settings(6), 1e-8, BiasRule.LIBSVM, m -> { }));
        assertTrue(e.getMessage().startsWith("partitions: 6 sub-problems for 5 training samples"), e.getMessage());
    }

    private void check(CascadeSvmTrainer.Result cascade, LabeledData train) {
        DualSolution solution = cascade.solution();
        assertTrue(solution.converged(), solution.status());

        LibsvmBaseline.Result libsvm = LibsvmBaseline.train(train.x(), train.y(), KERNEL, COSTS, EPS, 64);
        double rel = Math.abs(solution.dualObjective() - libsvm.dualObjective()) / libsvm.dualObjective();
        assertTrue(rel < 1e-3, "objective " + solution.dualObjective() + " vs LIBSVM " + libsvm.dualObjective());

        DualProblem problem = new DualProblem(new PointKernelRows(KERNEL, train.x()), train.y(), COSTS);
        DualSolution smo = new SmoSolver(SmoSolver.Settings.defaults().withEps(EPS)).solve(problem);
        KernelSvmModel full = KernelSvmModel.of(smo, problem, KERNEL, train.x(), 1e-8, BiasRule.LIBSVM);
        assertEquals(support(full), support(cascade.model()), "support vectors a_i > 1e-8");
        for (int i = 0; i < train.size(); i++) {
            assertEquals(smo.alpha()[i], solution.alpha()[i], 1e-2, "a_" + i);
        }

        double cascadeAccuracy = accuracy(cascade.model());
        double fullAccuracy = accuracy(full);
        assertEquals(fullAccuracy, cascadeAccuracy, 0.002, "test accuracy");
        double trainAccuracy = KernelSvmModel.accuracy(cascade.trainingDecision(), train.y());
        double[] h = new double[train.size()];
        for (int i = 0; i < h.length; i++) {
            h[i] = cascade.model().decision(train.x()[i]);
        }
        assertEquals(KernelSvmModel.accuracy(h, train.y()), trainAccuracy, 1e-12, "training decision values");
    }

    private static Set<Integer> support(KernelSvmModel model) {
        Set<Integer> set = new TreeSet<>();
        for (int i : model.supportIndices()) {
            set.add(i);
        }
        return set;
    }

    private static double accuracy(KernelSvmModel model) {
        double[] h = new double[TEST.size()];
        for (int i = 0; i < h.length; i++) {
            h[i] = model.decision(TEST.x()[i]);
        }
        return KernelSvmModel.accuracy(h, TEST.y());
    }
}
