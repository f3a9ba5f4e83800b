package mlspark.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

import mlspark.data.Sample;
import mlspark.kernel.Kernel;
import mlspark.svm.ClassCosts;
import mlspark.svm.cascade.CascadeNode;
import mlspark.svm.cascade.CascadeSet;
import mlspark.svm.dual.BiasRule;
import mlspark.svm.dual.DualKkt;
import mlspark.svm.dual.DualProblem;
import mlspark.svm.dual.DualSolution;
import mlspark.svm.dual.KernelSvmModel;
import mlspark.svm.dual.PointKernelRows;
import mlspark.svm.dual.SmoSolver;
import scala.Tuple2;

/**
 * The Cascade SVM (Graf, Cosatto, Bottou, Durdanovic and Vapnik, NIPS 2004) on Spark. Pass 1: each of
 * the P partitions solves its own points with SMO on an executor; the support vectors of pairs of
 * results are merged and solved again, layer by layer up a binary tree, on executors, the last
 * merge on the driver. Then every training point's gradient G_i = y_i sum_s a_s y_s k(x_s, x_i) - 1
 * is computed on the executors (BLAS blocks against the broadcast support vectors) and the whole
 * problem's maximal violating pair m(a) - M(a) (LIBSVM's stopping measure) is checked against eps.
 * While it is not met, a feedback pass gives every partition the support vectors (with their
 * multipliers as the starting point) plus its own points that violate the conditions
 * (a_i = 0 and part of a pair violating by eps or more); partitions without violators keep the
 * previous solution, which is optimal on their sub-problem. Each pass raises the dual objective, and
 * the result meets the same stopping rule as SMO on all the data. Sub-problems are solved to eps/2,
 * so that the check at eps is decided by the points outside them.
 */
public final class CascadeSvmTrainer {
    /** Passes before giving up unless told otherwise. */
    public static final int DEFAULT_MAX_PASSES = 20;

    /**
     * @param partitions sub-problems of the first layer
     * @param maxPasses  passes (the first and the feedback passes) before giving up
     * @param smo        the sub-problems' SMO settings; its eps is the tolerance of the whole problem
     */
    public record Settings(int partitions, int maxPasses, SmoSolver.Settings smo) implements Serializable {
        public Settings {
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions: expected at least 1, got " + partitions);
            }
            if (maxPasses < 1) {
                throw new IllegalArgumentException("maxPasses: expected at least 1, got " + maxPasses);
            }
        }
    }

    /** One layer of one pass: the sizes of its sub-problems, their support vectors, where and how long. */
    public record Layer(int pass, int layer, String where, int[] sizes, int[] supportVectors, double seconds) {
    }

    /** The state after a pass: objective and KKT measure of the whole problem, violators fed back. */
    public record Pass(int pass, double dualObjective, double maximalViolation, int supportVectors, int violators,
                       double checkSeconds, double seconds) {
    }

    /**
     * @param solution         a_i and G_i of every training point (index order of the input RDD)
     * @param trainingDecision h(x_i) of every training point
     */
    public record Result(KernelSvmModel model, DualSolution solution, double[] trainingDecision, List<Pass> passes,
                         List<Layer> layers) {
    }

    /** One partition's points: rows {@code index} of the training set, features stacked row-major. */
    private record Part(int[] index, double[] x, double[] y, int dimension) implements Serializable {
        double[][] rows(BitSet only) {
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < index.length; i++) {
                if (only == null || only.get(index[i])) {
                    rows.add(java.util.Arrays.copyOfRange(x, i * dimension, (i + 1) * dimension));
                }
            }
            return rows.toArray(new double[0][]);
        }

        CascadeSet points(BitSet only) {
            int count = 0;
            for (int i : index) {
                if (only == null || only.get(i)) {
                    count++;
                }
            }
            int[] idx = new int[count];
            double[] ys = new double[count];
            for (int i = 0, k = 0; i < index.length; i++) {
                if (only == null || only.get(index[i])) {
                    idx[k] = index[i];
                    ys[k++] = y[i];
                }
            }
            return CascadeSet.atZero(idx, rows(only), ys);
        }
    }

    private CascadeSvmTrainer() {
    }

    /**
     * Trains on {@code samples} (labels -1/+1). An RDD with {@code settings.partitions()} partitions is
     * split as it is; any other is spread round-robin over that many.
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
        JavaPairRDD<Long, Sample> indexed = samples.zipWithIndex().mapToPair(t -> new Tuple2<>(t._2(), t._1()));
        if (samples.getNumPartitions() != p) {
            indexed = indexed.partitionBy(new HashPartitioner(p));
        }
        JavaRDD<Part> parts = indexed.mapPartitions((Iterator<Tuple2<Long, Sample>> it) -> {
            List<Tuple2<Long, Sample>> list = new ArrayList<>();
            it.forEachRemaining(list::add);
            // a shuffle delivers a partition's records in no fixed order: sort them so that runs repeat bit for bit
            list.sort((a, b) -> Long.compare(a._1(), b._1()));
            int d = list.isEmpty() ? 0 : list.get(0)._2().features().length;
            int[] index = new int[list.size()];
            double[] x = new double[list.size() * d];
            double[] y = new double[list.size()];
            for (int i = 0; i < list.size(); i++) {
                index[i] = Math.toIntExact(list.get(i)._1());
                System.arraycopy(list.get(i)._2().features(), 0, x, i * d, d);
                y[i] = list.get(i)._2().label();
            }
            return List.of(new Part(index, x, y, d)).iterator();
        }).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<Tuple2<int[], double[]>> labels = parts.map(part -> new Tuple2<>(part.index(), part.y())).collect();
            int n = labels.stream().mapToInt(t -> t._1().length).sum();
            if (p > n) {
                throw new IllegalArgumentException("partitions: " + p + " sub-problems for " + n
                        + " training samples; expected at most " + n);
            }
            double[] y = new double[n];
            for (Tuple2<int[], double[]> t : labels) {
                for (int i = 0; i < t._1().length; i++) {
                    y[t._1()[i]] = t._2()[i];
                }
            }

            List<Layer> layers = new ArrayList<>();
            List<Pass> passes = new ArrayList<>();
            double[] alpha = new double[n];
            double[] gradient = new double[n];
            double[] f = new double[n];
            CascadeSet current = null;
            BitSet violators = null;
            boolean converged = false;
            boolean stuck = false;
            int iterations = 0;
            for (int pass = 1; pass <= settings.maxPasses() && !converged && !stuck; pass++) {
                long passStart = System.nanoTime();
                // layer 1 on the executors; null: a partition without violators keeps the previous solution
                long t = System.nanoTime();
                Broadcast<CascadeSet> bcCurrent = current == null ? null : sc.broadcast(current);
                Broadcast<BitSet> bcViolators = violators == null ? null : sc.broadcast(violators);
                List<CascadeNode.Result> level = new ArrayList<>(parts.map(part -> {
                    if (bcCurrent == null) {
                        return node.solve(part.points(null));
                    }
                    CascadeSet own = part.points(bcViolators.value());
                    return own.size() == 0 ? null : node.solve(bcCurrent.value().plus(own));
                }).collect());
                if (bcCurrent != null) {
                    bcCurrent.destroy();
                    bcViolators.destroy();
                }
                iterations += record(layers, pass, 1, "executors", level, t, log);
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
                CascadeNode.Result top = level.get(0);
                if (top != null) {
                    current = top.supportVectors();
                }

                // the whole problem's KKT conditions, checked on the executors
                t = System.nanoTime();
                computeDecision(sc, parts, kernel, current, f);
                java.util.Arrays.fill(alpha, 0);
                for (int k = 0; k < current.size(); k++) {
                    alpha[current.index()[k]] = current.alpha()[k];
                }
                for (int i = 0; i < n; i++) {
                    gradient[i] = y[i] * f[i] - 1;
                }
                double[] bounds = DualKkt.violationBounds(alpha, gradient, y, costs);
                double gap = bounds[0] - bounds[1];
                violators = new BitSet(n);
                for (int i = 0; i < n; i++) {
                    double v = -y[i] * gradient[i];
                    if (alpha[i] == 0 && (y[i] > 0 ? v - bounds[1] >= eps : bounds[0] - v >= eps)) {
                        violators.set(i);
                    }
                }
                converged = gap < eps;
                // not expected: the sub-problems' eps/2 leaves any violating pair at least one point outside them
                stuck = violators.isEmpty();
                double checkSeconds = (System.nanoTime() - t) / 1e9;
                Pass result = new Pass(pass, DualKkt.dualObjective(alpha, gradient), gap, current.size(),
                        violators.cardinality(), checkSeconds, (System.nanoTime() - passStart) / 1e9);
                passes.add(result);
                log.accept(String.format("cascade pass %d: dual objective %.6f, %d support vectors, maximal violation "
                                + "%.3g (eps %s), %d violators fed back; KKT check %.2f s, pass %.2f s", pass,
                        result.dualObjective(), result.supportVectors(), gap, eps, result.violators(), checkSeconds,
                        result.seconds()));
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
        }
    }

    /** Logs a layer and returns its SMO iterations. */
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
                throw new IllegalStateException("a cascade sub-problem of " + r.size() + " points stopped at SMO's "
                        + "iteration limit");
            }
        }
        return solved.stream().mapToInt(CascadeNode.Result::iterations).sum();
    }

    private static String brief(int[] values) {
        return values.length <= 8 ? java.util.Arrays.toString(values)
                : java.util.Arrays.toString(java.util.Arrays.copyOf(values, 8)).replace("]", ", ...]");
    }

    /** f[i] = sum_s a_s y_s k(x_s, x_i) for every training point, partition by partition on the executors. */
    private static void computeDecision(JavaSparkContext sc, JavaRDD<Part> parts, Kernel kernel, CascadeSet sv,
                                        double[] f) {
        double[] coefficients = new double[sv.size()];
        for (int k = 0; k < sv.size(); k++) {
            coefficients[k] = sv.alpha()[k] * sv.y()[k];
        }
        Broadcast<KernelSvmModel> bc = sc.broadcast(new KernelSvmModel(kernel, sv.x(), coefficients, 0, sv.index()));
        try {
            for (Tuple2<int[], double[]> t : parts.map(part -> new Tuple2<>(part.index(),
                    bc.value().decisionValues(part.x(), part.index().length, part.dimension()))).collect()) {
                for (int i = 0; i < t._1().length; i++) {
                    f[t._1()[i]] = t._2()[i];
                }
            }
        } finally {
            bc.destroy();
        }
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
