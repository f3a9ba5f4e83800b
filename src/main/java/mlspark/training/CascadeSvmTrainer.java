package mlspark.training;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

import mlspark.data.Sample;
import mlspark.linalg.Points;
import mlspark.kernel.Kernel;
import mlspark.kernel.KernelBlocks;
import mlspark.svm.ClassCosts;
import mlspark.svm.cascade.CascadeNode;
import mlspark.svm.cascade.CascadeSet;
import mlspark.svm.dual.BiasRule;
import mlspark.svm.dual.DualKkt;
import mlspark.svm.dual.DualProblem;
import mlspark.svm.dual.DualSolution;
import mlspark.svm.dual.KernelSvmModel;
import mlspark.svm.dual.PointKernelRows;
import mlspark.svm.dual.WorkingSetSmoSolver;
import scala.Tuple2;

/**
 * The Cascade SVM (Graf, Cosatto, Bottou, Durdanovic and Vapnik, NIPS 2004) on Spark. Pass 1: each of
 * the P sub-problems solves its own points with SMO ({@link WorkingSetSmoSolver}) on an executor; the
 * support vectors of pairs of results are merged and solved again, layer by layer up a binary tree, on
 * executors, the last merge on the driver. Then every training point's f_i = sum_s a_s y_s k(x_s, x_i)
 * is computed on the executors (BLAS blocks against the broadcast support vectors), G_i = y_i f_i - 1,
 * and the whole problem's maximal violating pair m(a) - M(a)
 * (LIBSVM's stopping measure) is checked against eps. While it is not met, a feedback pass solves
 * the support vectors plus the violators, the points at a_i = 0 whose margin falls short by eps/2
 * (the method violators): on the driver, warm-started from the multipliers with the check's G and
 * when they are few (at most {@code driverFeedbackRatio} per support vector), else through the
 * tree, every partition getting the support vectors plus its own violators (partitions without
 * violators keep the previous solution, which is optimal on their sub-problem). Later checks add to f
 * the change of the multipliers that changed. Each pass raises the dual objective, and the
 * result meets the same stopping rule as SMO on all the data. Sub-problems are solved to eps/2, so
 * that the check at eps is decided by the points outside them.
 */
public final class CascadeSvmTrainer {
    /** Passes before giving up unless told otherwise. */
    public static final int DEFAULT_MAX_PASSES = 20;

    /** Violators per support vector up to which a feedback pass is solved on the driver, unless told otherwise. */
    public static final double DEFAULT_DRIVER_FEEDBACK_RATIO = 1;

    /**
     * @param partitions          sub-problems of the first layer
     * @param maxPasses           passes (the first and the feedback passes) before giving up
     * @param smo                 the sub-problems' solver settings; its eps is the tolerance of the whole problem
     * @param driverFeedbackRatio a feedback pass with at most this many violators per support vector solves the
     *                            support vectors plus the violators on the driver; one with more goes through the
     *                            tree (0: always through the tree)
     */
    public record Settings(int partitions, int maxPasses, WorkingSetSmoSolver.Settings smo, double driverFeedbackRatio)
            implements Serializable {
        public Settings {
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions: expected at least 1, got " + partitions);
            }
            if (maxPasses < 1) {
                throw new IllegalArgumentException("maxPasses: expected at least 1, got " + maxPasses);
            }
            if (!(driverFeedbackRatio >= 0)) {
                throw new IllegalArgumentException("driverFeedbackRatio: expected a number >= 0, got "
                        + driverFeedbackRatio);
            }
        }

        public Settings(int partitions, int maxPasses, WorkingSetSmoSolver.Settings smo) {
            this(partitions, maxPasses, smo, DEFAULT_DRIVER_FEEDBACK_RATIO);
        }
    }

    /** One layer of one pass: the sizes of its sub-problems, their support vectors, where and how long. */
    public record Layer(int pass, int layer, String where, int[] sizes, int[] supportVectors, double seconds) {
    }

    /**
     * The state after a pass: objective and KKT measure of the whole problem, violators to feed back,
     * multipliers changed by the pass (the kernel columns of its check).
     */
    public record Pass(int pass, double dualObjective, double maximalViolation, int supportVectors, int violators,
                       int changed, double checkSeconds, double seconds) {
    }

    /**
     * @param solution         a_i and G_i of every training point (index order of the input RDD)
     * @param trainingDecision h(x_i) of every training point
     */
    public record Result(KernelSvmModel model, DualSolution solution, double[] trainingDecision, List<Pass> passes,
                         List<Layer> layers) {
    }

    /** One partition's points: rows {@code index} of the training set, ascending, dense or sparse as the samples. */
    private record Part(int[] index, Points x, double[] y) implements Serializable {
        /** The points sorted by index (a shuffle delivers them in no fixed order): runs repeat bit for bit. */
        static Part of(List<Tuple2<Long, Sample>> points) {
            List<Tuple2<Long, Sample>> list = new ArrayList<>(points);
            list.sort((a, b) -> Long.compare(a._1(), b._1()));
            int[] index = new int[list.size()];
            double[] y = new double[list.size()];
            for (int i = 0; i < list.size(); i++) {
                index[i] = Math.toIntExact(list.get(i)._1());
                y[i] = list.get(i)._2().label();
            }
            return new Part(index, Sample.points(list.stream().map(Tuple2::_2).toList()), y);
        }

        /** The points of both, sorted by index (whichever order the pieces come in). */
        static Part join(Part a, Part b) {
            int n = a.index.length + b.index.length;
            int[] index = new int[n];
            double[] y = new double[n];
            // positions in a's points followed by b's
            int[] order = new int[n];
            for (int k = 0, i = 0, j = 0; k < n; k++) {
                boolean fromA = j == b.index.length || (i < a.index.length && a.index[i] < b.index[j]);
                order[k] = fromA ? i : a.index.length + j;
                index[k] = fromA ? a.index[i] : b.index[j];
                y[k] = fromA ? a.y[i++] : b.y[j++];
            }
            return new Part(index, Points.concat(a.x, b.x).subset(order), y);
        }

        /** The points of {@code only} (null: all) at a = 0. */
        CascadeSet points(BitSet only) {
            int[] positions = IntStream.range(0, index.length).filter(i -> only == null || only.get(index[i])).toArray();
            return CascadeSet.atZero(index, x, y).subset(positions);
        }
    }

    private CascadeSvmTrainer() {
    }

    /**
     * Trains on {@code samples} (labels -1/+1), all dense or all sparse: sparse ones stay sparse in the
     * sub-problems, the merges, the checks and the model's support vectors. An RDD of
     * {@code settings.partitions()} partitions, one of them at least holding both labels, is split as it is; any
     * other is spread round-robin within each label ({@link #roundRobinByLabel}).
     *
     * @param threshold support vectors of the model are a_i > threshold; b by {@code rule}
     */
    public static Result train(JavaRDD<Sample> samples, Kernel kernel, ClassCosts costs, Settings settings,
                               double threshold, BiasRule rule, Consumer<String> log) {
        long start = System.nanoTime();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(samples.context());
        int p = settings.partitions();
        double eps = settings.smo().eps();
        CascadeNode node = new CascadeNode(kernel, costs, settings.smo().withEps(eps / 2));
        // the labels in index order, partition by partition
        List<double[]> labelsByPartition = samples.mapPartitions((Iterator<Sample> it) -> {
            List<Double> labels = new ArrayList<>();
            it.forEachRemaining(x -> labels.add(x.label()));
            return List.of(labels.stream().mapToDouble(Double::doubleValue).toArray()).iterator();
        }).collect();
        double[] y = labelsByPartition.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
        int n = y.length;
        if (p > n) {
            throw new IllegalArgumentException("partitions: " + p + " sub-problems for " + n
                    + " training samples; expected at most " + n);
        }
        JavaPairRDD<Long, Sample> indexed = samples.zipWithIndex().mapToPair(t -> new Tuple2<>(t._2(), t._1()));
        boolean asIs = samples.getNumPartitions() == p
                && (labelsByPartition.stream().anyMatch(CascadeSvmTrainer::bothLabels) || !bothLabels(y));
        // kept while the parts are (Spark recomputes a lost one from it)
        Broadcast<int[]> targets = asIs ? null : sc.broadcast(roundRobinByLabel(y, p));
        JavaRDD<Part> parts = asIs ? indexed.mapPartitions((Iterator<Tuple2<Long, Sample>> it) -> {
            List<Tuple2<Long, Sample>> list = new ArrayList<>();
            it.forEachRemaining(list::add);
            return List.of(Part.of(list)).iterator();
        }) : spread(indexed, targets, p);
        parts.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            parts.count();
            log.accept(String.format("cascade: %d points in %d sub-problems, laid out on the executors in %.2f s", n, p,
                    (System.nanoTime() - start) / 1e9));
            List<Layer> layers = new ArrayList<>();
            List<Pass> passes = new ArrayList<>();
            // the state of the last check: a, f_i = sum_s a_s y_s k(x_s, x_i)
            double[] alpha = new double[n];
            double[] f = new double[n];
            double[] gradient = new double[n];
            CascadeSet current = null;
            BitSet violators = null;
            boolean converged = false;
            boolean stuck = false;
            int iterations = 0;
            for (int pass = 1; pass <= settings.maxPasses() && !converged && !stuck; pass++) {
                long passStart = System.nanoTime();
                CascadeSet previous = current;
                CascadeNode.Result top;
                if (current != null && violators.cardinality() <= settings.driverFeedbackRatio() * current.size()) {
                    // few violators: the support vectors and the violators solved together on the driver
                    long t = System.nanoTime();
                    top = solveFromCheck(node, current.plus(collect(sc, parts, violators)), gradient);
                    iterations += record(layers, pass, 1, "driver", List.of(top), t, log);
                } else {
                    Tree solved = tree(sc, parts, node, current, violators, gradient, pass, layers, log);
                    top = solved.top();
                    iterations += solved.iterations();
                }
                if (top != null) {
                    current = top.supportVectors();
                }

                // the whole problem's KKT conditions, checked on the executors
                long t = System.nanoTime();
                double[] next = new double[n];
                for (int k = 0; k < current.size(); k++) {
                    next[current.index()[k]] = current.alpha()[k];
                }
                // a multiplier that changed is of a support vector before the pass or after it
                int changed = update(sc, parts, kernel, alpha, next, previous == null ? current : current.plus(previous), f);
                alpha = next;
                for (int i = 0; i < n; i++) {
                    gradient[i] = y[i] * f[i] - 1;
                }
                double[] bounds = DualKkt.violationBounds(alpha, gradient, y, costs);
                double gap = bounds[0] - bounds[1];
                violators = violators(alpha, gradient, y, costs, eps);
                converged = gap < eps;
                // not expected: the sub-problems' eps/2 leaves any violating pair at least one point outside them
                stuck = violators.isEmpty();
                double checkSeconds = (System.nanoTime() - t) / 1e9;
                Pass result = new Pass(pass, DualKkt.dualObjective(alpha, gradient), gap, current.size(),
                        violators.cardinality(), changed, checkSeconds, (System.nanoTime() - passStart) / 1e9);
                passes.add(result);
                log.accept(String.format("cascade pass %d: dual objective %.6f, %d support vectors, maximal violation "
                                + "%.3g (eps %s), %d violators; KKT check over %d changed multipliers %.2f s, pass "
                                + "%.2f s", pass, result.dualObjective(), result.supportVectors(), gap, eps,
                        result.violators(), changed, checkSeconds, result.seconds()));
            }
            double gap = passes.get(passes.size() - 1).maximalViolation();
            String status = converged ? "optimal (max violating pair " + String.format("%.3g", gap) + " < eps " + eps
                    + " over all " + n + " points after " + passes.size() + " passes)"
                    : "stopped after " + passes.size() + " passes (limit " + settings.maxPasses() + "), max violating pair "
                    + String.format("%.3g", gap);
            DualSolution solution = new DualSolution("cascade", alpha, gradient, DualKkt.dualObjective(alpha, gradient),
                    iterations, (System.nanoTime() - start) / 1e9, DualKkt.residual(alpha, gradient, y, costs), converged,
                    status);
            KernelSvmModel model = model(current, gradient, kernel, costs, threshold, rule);
            double[] decision = new double[n];
            for (int i = 0; i < n; i++) {
                decision[i] = f[i] + model.b();
            }
            return new Result(model, solution, decision, passes, layers);
        } finally {
            parts.unpersist();
            if (targets != null) {
                targets.destroy();
            }
        }
    }

    /** Whether {@code labels} hold both -1 and +1. */
    private static boolean bothLabels(double[] labels) {
        return java.util.Arrays.stream(labels).anyMatch(v -> v > 0) && java.util.Arrays.stream(labels).anyMatch(v -> v < 0);
    }

    /**
     * Round-robin within each label: the k-th point of a label (in index order) to sub-problem k mod P, so that
     * every sub-problem holds both labels when each label has P points or more (a sub-problem of one label
     * has no support vectors: were all of them so, no pass would find any).
     */
    private static int[] roundRobinByLabel(double[] y, int p) {
        int[] target = new int[y.length];
        int positives = 0;
        int negatives = 0;
        for (int i = 0; i < y.length; i++) {
            target[i] = (y[i] > 0 ? positives++ : negatives++) % p;
        }
        return target;
    }

    /**
     * The points in the sub-problems {@code target} gives by index: each input partition cuts its points into
     * the sub-problems' pieces, which are joined after one shuffle of arrays (not of every point).
     */
    private static JavaRDD<Part> spread(JavaPairRDD<Long, Sample> indexed, Broadcast<int[]> target, int p) {
        return indexed.mapPartitionsToPair((Iterator<Tuple2<Long, Sample>> it) -> {
            List<List<Tuple2<Long, Sample>>> pieces = new ArrayList<>();
            for (int k = 0; k < p; k++) {
                pieces.add(new ArrayList<>());
            }
            it.forEachRemaining(t -> pieces.get(target.value()[Math.toIntExact(t._1())]).add(t));
            List<Tuple2<Integer, Part>> out = new ArrayList<>();
            for (int k = 0; k < p; k++) {
                if (!pieces.get(k).isEmpty()) {
                    out.add(new Tuple2<>(k, Part.of(pieces.get(k))));
                }
            }
            return out.iterator();
        }).reduceByKey(new HashPartitioner(p), Part::join).values().mapPartitions((Iterator<Part> it) ->
                it.hasNext() ? it : List.of(Part.of(List.of())).iterator());
    }

    private record Tree(CascadeNode.Result top, int iterations) {
    }

    /**
     * One pass through the tree: layer 1 on the executors (pass 1: each partition's points from a = 0;
     * feedback: the support vectors {@code current}, with their multipliers and their gradients from
     * the last check, plus the partition's violators; null: a partition without violators keeps the
     * previous solution), pairs merged layer by layer on the executors, the last merge on the driver.
     */
    private static Tree tree(JavaSparkContext sc, JavaRDD<Part> parts, CascadeNode node, CascadeSet current,
                             BitSet violators, double[] gradient, int pass, List<Layer> layers,
                             Consumer<String> log) {
        long t = System.nanoTime();
        Broadcast<CascadeSet> bcCurrent = current == null ? null : sc.broadcast(current);
        Broadcast<BitSet> bcViolators = current == null ? null : sc.broadcast(violators);
        Broadcast<double[]> bcGradient = current == null ? null : sc.broadcast(gradient);
        List<CascadeNode.Result> level;
        try {
            level = new ArrayList<>(parts.map(part -> {
                if (bcCurrent == null) {
                    return node.solve(part.points(null));
                }
                CascadeSet own = part.points(bcViolators.value());
                if (own.size() == 0) {
                    return null;
                }
                return solveFromCheck(node, bcCurrent.value().plus(own), bcGradient.value());
            }).collect());
        } finally {
            if (bcCurrent != null) {
                bcCurrent.destroy();
                bcViolators.destroy();
                bcGradient.destroy();
            }
        }
        int iterations = record(layers, pass, 1, "executors", level, t, log);
        // up the tree: pairs merged on the executors, the last merge on the driver
        for (int layer = 2; level.size() > 1; layer++) {
            t = System.nanoTime();
            List<CascadeSet> merged = new ArrayList<>();
            List<CascadeNode.Result> next = new ArrayList<>();
            List<Integer> slots = new ArrayList<>();
            for (int k = 0; k < level.size(); k += 2) {
                CascadeNode.Result a = level.get(k);
                CascadeNode.Result b = k + 1 < level.size() ? level.get(k + 1) : null;
                if (a == null || b == null) {
                    // the other result is optimal on the union of both (see the class comment)
                    next.add(a == null ? b : a);
                } else {
                    slots.add(next.size());
                    next.add(null);
                    merged.add(CascadeNode.merge(a, b));
                }
            }
            boolean last = next.size() == 1;
            List<CascadeNode.Result> solved = merged.isEmpty() ? List.of() : last
                    ? List.of(node.solve(merged.get(0)))
                    : sc.parallelize(merged, merged.size()).map(node::solve).collect();
            for (int k = 0; k < slots.size(); k++) {
                next.set(slots.get(k), solved.get(k));
            }
            iterations += record(layers, pass, layer, last ? "driver" : "executors", solved, t, log);
            level = next;
        }
        return new Tree(level.get(0), iterations);
    }

    /** SMO on {@code problem} from its points' multipliers, with G of the whole problem's last check. */
    private static CascadeNode.Result solveFromCheck(CascadeNode node, CascadeSet problem, double[] gradient) {
        double[] g = new double[problem.size()];
        for (int k = 0; k < problem.size(); k++) {
            g[k] = gradient[problem.index()[k]];
        }
        return node.solve(problem, g);
    }

    /** The points of {@code only} with a = 0, partition by partition. */
    private static CascadeSet collect(JavaSparkContext sc, JavaRDD<Part> parts, BitSet only) {
        Broadcast<BitSet> bc = sc.broadcast(only);
        try {
            CascadeSet all = CascadeSet.empty();
            for (CascadeSet s : parts.map(part -> part.points(bc.value())).collect()) {
                all = all.plus(s);
            }
            return all;
        } finally {
            bc.destroy();
        }
    }

    /**
     * Brings f from the multipliers {@code before} to {@code after}: the executors add
     * sum_s (a'_s - a_s) y_s k(x_s, x_i) for the points s whose multiplier changed only (all support
     * vectors at the first check; after a feedback pass typically a fraction of them), all of them points of
     * {@code known}. Returns their number.
     */
    private static int update(JavaSparkContext sc, JavaRDD<Part> parts, Kernel kernel, double[] before,
                              double[] after, CascadeSet known, double[] f) {
        int[] changed = IntStream.range(0, known.size()).filter(k -> before[known.index()[k]] != after[known.index()[k]])
                .toArray();
        if (changed.length == 0) {
            return 0;
        }
        double[] coefficients = new double[changed.length];
        for (int k = 0; k < changed.length; k++) {
            int i = known.index()[changed[k]];
            coefficients[k] = (after[i] - before[i]) * known.y()[changed[k]];
        }
        Broadcast<Tuple2<Points, double[]>> bc = sc.broadcast(new Tuple2<>(known.x().subset(changed), coefficients));
        try {
            for (Tuple2<int[], double[]> t : parts.map(part -> {
                double[] out = new double[part.index().length];
                KernelBlocks.multiply(kernel, part.x(), bc.value()._1(), bc.value()._2(), 1, out);
                return new Tuple2<>(part.index(), out);
            }).collect()) {
                for (int i = 0; i < t._1().length; i++) {
                    f[t._1()[i]] += t._2()[i];
                }
            }
        } finally {
            bc.destroy();
        }
        return changed.length;
    }

    /**
     * The points with a_i = 0 whose margin falls short by eps/2: with beta the middle of [m_S, M_S]
     * (m and M of LIBSVM's stopping rule over the support vectors S only, m_S - M_S < eps/2 since S
     * comes from a sub-problem solved to eps/2), i in I_up with -y_i G_i >= beta + eps/2 or i in I_low
     * with -y_i G_i <= beta - eps/2, i.e. y_i h(x_i) <= 1 - eps/2 for b = -beta. Any pair violating
     * by eps over all points has a member among them: a pair within S violates by less than eps/2,
     * one of a point of S and an outside point puts the outside point eps/2 beyond beta, and two
     * outside points cannot both lie within eps/2 of beta. Far fewer than the points of some
     * violating pair (m and M over all points are the extreme points' values) while the solution is
     * far from the optimum.
     */
    private static BitSet violators(double[] alpha, double[] gradient, double[] y, ClassCosts costs, double eps) {
        double m = Double.NEGATIVE_INFINITY;
        double bigM = Double.POSITIVE_INFINITY;
        for (int i = 0; i < alpha.length; i++) {
            if (alpha[i] > 0) {
                double v = -y[i] * gradient[i];
                boolean belowC = alpha[i] < costs.of(y[i]);
                if (y[i] < 0 || belowC) {
                    m = Math.max(m, v);
                }
                if (y[i] > 0 || belowC) {
                    bigM = Math.min(bigM, v);
                }
            }
        }
        double beta = Double.isInfinite(m) ? (Double.isInfinite(bigM) ? 0 : bigM)
                : Double.isInfinite(bigM) ? m : (m + bigM) / 2;
        BitSet violators = new BitSet(alpha.length);
        for (int i = 0; i < alpha.length; i++) {
            double v = -y[i] * gradient[i];
            // a_i = 0: i is in I_up for y_i = +1, in I_low for y_i = -1
            if (alpha[i] == 0 && (y[i] > 0 ? v >= beta + eps / 2 : v <= beta - eps / 2)) {
                violators.set(i);
            }
        }
        return violators;
    }

    /** Logs a layer and returns its pair steps. */
    private static int record(List<Layer> layers, int pass, int layer, String where, List<CascadeNode.Result> results,
                              long start, Consumer<String> log) {
        List<CascadeNode.Result> solved = results.stream().filter(java.util.Objects::nonNull).toList();
        int[] sizes = solved.stream().mapToInt(CascadeNode.Result::size).toArray();
        int[] svs = solved.stream().mapToInt(r -> r.supportVectors().size()).toArray();
        double seconds = (System.nanoTime() - start) / 1e9;
        layers.add(new Layer(pass, layer, where, sizes, svs, seconds));
        log.accept(String.format("cascade pass %d layer %d (%s): %d sub-problems of sizes %s -> support vectors %s, "
                        + "%.2f s", pass, layer, where, sizes.length, brief(sizes), brief(svs), seconds));
        for (CascadeNode.Result r : solved) {
            if (!r.converged()) {
                throw new IllegalStateException("a cascade sub-problem of " + r.size() + " points stopped at the "
                        + "solver's iteration limit");
            }
        }
        return solved.stream().mapToInt(CascadeNode.Result::iterations).sum();
    }

    private static String brief(int[] values) {
        return values.length <= 8 ? java.util.Arrays.toString(values)
                : java.util.Arrays.toString(java.util.Arrays.copyOf(values, 8)).replace("]", ", ...]");
    }

    /** The model of the support vectors: b by {@code rule} from their multipliers and global gradients. */
    private static KernelSvmModel model(CascadeSet sv, double[] gradient, Kernel kernel, ClassCosts costs,
                                        double threshold, BiasRule rule) {
        double[] g = new double[sv.size()];
        for (int k = 0; k < sv.size(); k++) {
            g[k] = gradient[sv.index()[k]];
        }
        DualProblem problem = new DualProblem(new PointKernelRows(kernel, sv.x()), sv.y(), costs);
        DualSolution restricted = new DualSolution("cascade", sv.alpha(), g, DualKkt.dualObjective(sv.alpha(), g), 0, 0,
                0, true, "");
        KernelSvmModel m = KernelSvmModel.of(restricted, problem, kernel, sv.x(), threshold, rule);
        int[] global = new int[m.size()];
        for (int k = 0; k < global.length; k++) {
            global[k] = sv.index()[m.supportIndices()[k]];
        }
        return new KernelSvmModel(kernel, m.supportVectors(), m.coefficients(), m.b(), global);
    }
}
