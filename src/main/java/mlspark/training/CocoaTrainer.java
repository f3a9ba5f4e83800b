package mlspark.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

import mlspark.data.SampleBlock;
import mlspark.distributed.OrderedTreeSum;
import mlspark.svm.linear.DualPartial;
import mlspark.svm.linear.InterceptSearch;
import mlspark.svm.linear.LinearSvmDual;
import mlspark.svm.linear.LocalDualAscent;
import mlspark.svm.linear.PrimalScales;
import mlspark.svm.primal.DualRound;
import mlspark.svm.primal.EpochResult;
import mlspark.svm.primal.LinearClassifier;
import mlspark.svm.primal.PrimalSvmState;

/**
 * Trains the linear SVM by its dual on Spark, by CoCoA+ with adding aggregation ({@link LinearSvmDual},
 * {@link LocalDualAscent}): the multipliers stay beside the cached blocks, one array per partition in
 * an RDD zipped with the blocks; each round broadcasts w~, every partition runs its local solver
 * (sigma' = the number of partitions, its coordinate order seeded by the round and the partition), and
 * one {@link OrderedTreeSum} adds the partitions' updates of w~ together with the data term and the
 * multipliers' sum at the round's w~, from which the round's duality gap comes. Where the rounds stall
 * on the bias feature (two partitions or more), the intercepts are searched apart from the multipliers
 * ({@link InterceptSearch}). A round's P and model are those of the best primal point of the rounds so
 * far, and its gap is that P minus the best D so far: each is a bound of the optimum whichever round gave
 * it (P is not monotone in the rounds: the intercept search moves the multipliers' sum, and on dense noisy
 * rows P swings by a few per cent from round to round; with fixed intercepts D falls for a while). It stops
 * when the gap is at most {@code tol} relative to P, or after {@code maxRounds} rounds (one more pass then
 * gives the last gap).
 *
 * <p>A round's result depends on nothing but the previous one: a retried task, or a lost partition
 * recomputed from lineage, computes the same multipliers bit for bit. Every
 * {@value #LINEAGE_ROUNDS} rounds the multipliers are collected to the driver and distributed again,
 * which cuts the lineage (no checkpoint directory is needed).
 */
public final class CocoaTrainer {
    /** Rounds between two cuts of the multipliers' lineage. */
    public static final int LINEAGE_ROUNDS = 10;

    private final JavaRDD<SampleBlock> blocks;
    private final LinearSvmDual problem;
    private final int localPasses;
    private final double tol;
    private final long seed;
    private List<DualRound> rounds = List.of();

    /**
     * @param blocks      the training blocks: labels -1/+1 for two classes, else the class indices
     * @param localPasses passes of each partition's solver over its rows per round (>= 1)
     * @param tol         the relative duality gap (P - D) / P at which training stops (> 0)
     * @param seed        seed of the coordinate orders
     */
    public CocoaTrainer(JavaRDD<SampleBlock> blocks, LinearSvmDual problem, int localPasses, double tol, long seed) {
        this.blocks = blocks;
        this.problem = problem;
        this.localPasses = localPasses;
        this.tol = tol;
        this.seed = seed;
    }

    /**
     * Runs rounds from alpha = 0, or continues from {@code from} (a state of this trainer on the same
     * blocks and settings), until the gap is small enough or {@code maxRounds} rounds are done; returns
     * P after each round, index = round (0 = the start), with the models after {@code modelsAt} and the
     * last; a run that stops early repeats its last model to {@code maxRounds}. {@code progress} hears
     * of each entry, {@code roundProgress} of each round's objectives and gap as soon as they are
     * known (one pass later); {@code states} (when not null) is handed the state after every round,
     * its multipliers collected to the driver.
     */
    public List<EpochResult> train(int maxRounds, int[] modelsAt, Consumer<EpochResult> progress,
                                   Consumer<DualRound> roundProgress, PrimalSvmState from,
                                   Consumer<? super PrimalSvmState> states) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(blocks.context());
        int partitions = blocks.getNumPartitions();
        BitSet keep = new BitSet(maxRounds + 1);
        Arrays.stream(modelsAt).forEach(keep::set);
        keep.set(maxRounds);
        List<EpochResult> history = new ArrayList<>(maxRounds + 1);
        List<DualRound> done = new ArrayList<>();
        double[] w = new double[problem.parameterCount()];
        double[] point = w;
        InterceptSearch search = null;
        PrimalScales scales = PrimalScales.ones(problem.problems());
        LinearSvmDual.PrimalPoint best = null;
        JavaRDD<double[]> alphas;
        int t = 0;
        double secondsBefore = 0;
        if (from == null) {
            int k = problem.problems();
            alphas = blocks.mapPartitions(it -> {
                int n = 0;
                while (it.hasNext()) {
                    n += it.next().size();
                }
                return List.of(new double[n * k]).iterator();
            });
        } else {
            if (from.multipliers() == null || from.multipliers().length != partitions) {
                throw new IllegalArgumentException("the state to resume from has multipliers for "
                        + (from.multipliers() == null ? "no" : String.valueOf(from.multipliers().length))
                        + " partitions, the training blocks have " + partitions);
            }
            from.history().forEach(r -> history.add(keep.get(r.epoch()) ? r : new EpochResult(r.epoch(), null, r.objective())));
            done.addAll(from.rounds());
            w = from.point().clone();
            search = from.interceptSearch();
            // a checkpoint written before the scales were kept has none
            scales = from.primalScales() == null ? scales : from.primalScales();
            best = from.bestPrimal();
            alphas = sc.parallelize(Arrays.asList(from.multipliers()), partitions);
            t = from.epoch();
            secondsBefore = done.isEmpty() ? 0 : done.get(done.size() - 1).seconds();
        }
        long start = System.nanoTime();
        JavaRDD<LocalDualAscent.Result> previous = null;
        // the broadcasts w~ of the rounds since the last cut: the multipliers' lineage may need them again
        List<Broadcast<double[]>> broadcasts = new ArrayList<>();
        while (true) {
            Broadcast<double[]> wt = sc.broadcast(w);
            broadcasts.add(wt);
            double[] intercepts = search == null ? null : search.intercepts();
            JavaRDD<LocalDualAscent.Result> results = round(alphas, wt, intercepts, scales.candidates(), t,
                    t < maxRounds ? localPasses : 0, partitions);
            DualPartial sums = OrderedTreeSum.sum(results, it -> it.next().partial(), PrimalSvmTrainer.TREE_DEPTH);
            if (previous != null) {
                previous.unpersist(false);
            }
            LinearSvmDual.PrimalPoint primal = problem.primal(w, sums, intercepts, scales);
            scales = primal.scales();
            best = best == null || primal.objective() < best.objective() ? primal : best;
            DualRound round = problem.round(t, w, sums, best, secondsBefore + (System.nanoTime() - start) / 1e9);
            if (!done.isEmpty()) {
                round = round.withDualAtLeast(done.get(done.size() - 1).dualObjective());
            }
            // the search judges its own rounds: the gap of this round's point, not the best point's
            double ownGap = (primal.objective() - round.dualObjective()) / primal.objective();
            done.add(round);
            point = best.point();
            record(history, t, point, round.objective(), keep, progress);
            roundProgress.accept(round);
            if (t >= maxRounds || round.relativeGap() <= tol) {
                results.unpersist(false);
                break;
            }
            double[] deltaW = sums.deltaW();
            double[] before = w;
            w = w.clone();
            for (int j = 0; j < w.length; j++) {
                w[j] += deltaW[j];
            }
            if (intercepts != null) {
                search = search.next(problem.interceptGaps(before, sums, intercepts), problem.labelSums(w),
                        sums.freeCurvature(), problem.biasFeature(), tol, ownGap);
            } else if (search == null && partitions > 1 && problem.biasFeature() > 0 && InterceptSearch.stalled(done)) {
                search = InterceptSearch.start(problem.labelSums(w), problem.biasFeature(), ownGap);
            }
            t++;
            previous = results;
            alphas = results.map(LocalDualAscent.Result::alpha);
            boolean cut = t % LINEAGE_ROUNDS == 0;
            if (states != null || cut) {
                double[][] collected = alphas.collect().toArray(new double[0][]);
                if (states != null) {
                    states.accept(new PrimalSvmState(t, w.clone(), List.copyOf(history), collected, List.copyOf(done),
                            search, scales, best));
                }
                if (cut) {
                    alphas = sc.parallelize(Arrays.asList(collected), partitions);
                    results.unpersist(false);
                    previous = null;
                    broadcasts.forEach(b -> b.destroy());
                    broadcasts.clear();
                }
            }
        }
        broadcasts.forEach(b -> b.destroy());
        LinearClassifier model = problem.classifier(point);
        double objective = history.get(history.size() - 1).objective();
        while (history.size() <= maxRounds) {
            EpochResult repeated = new EpochResult(history.size(), keep.get(history.size()) ? model : null, objective);
            history.add(repeated);
            progress.accept(repeated);
        }
        rounds = List.copyOf(done);
        return history;
    }

    /** The objectives and gap of every round of the last {@link #train}, from round 0. */
    public List<DualRound> rounds() {
        return rounds;
    }

    /** Round t's local solves against w~ (cached: the next round reads its multipliers). */
    private JavaRDD<LocalDualAscent.Result> round(JavaRDD<double[]> alphas, Broadcast<double[]> wt, double[] intercepts,
                                                  double[] scales, int t, int passes, int partitions) {
        LinearSvmDual dual = problem;
        long base = seed;
        return blocks.zipPartitions(alphas, (rows, alpha) -> {
            List<SampleBlock> local = new ArrayList<>();
            rows.forEachRemaining(local::add);
            long roundSeed = base ^ (t * 0x9E3779B97F4A7C15L) ^ (TaskContext.getPartitionId() * 0xBF58476D1CE4E5B9L);
            return List.of(LocalDualAscent.solve(dual, local, alpha.next(), wt.value(), intercepts, scales, partitions,
                    passes, roundSeed)).iterator();
        }).persist(StorageLevel.MEMORY_AND_DISK());
    }

    private void record(List<EpochResult> history, int round, double[] w, double objective, BitSet keep,
                        Consumer<EpochResult> progress) {
        EpochResult result = new EpochResult(round, keep.get(round) ? problem.classifier(w) : null, objective);
        history.add(result);
        progress.accept(result);
    }
}
