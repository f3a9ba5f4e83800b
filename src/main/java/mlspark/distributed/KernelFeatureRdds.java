package mlspark.distributed;

import mlspark.sources.SampleRdds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

import mlspark.data.FeatureBlock;
import mlspark.data.SampleBlock;
import mlspark.kernel.KernelApproximation;

/**
 * Kernel-approximation features of sample blocks on the executors: each block of raw features is
 * cut into blocks of the mapped width and mapped by BLAS ({@link KernelApproximation#map}); the map
 * travels as a broadcast. The mapped RDD is cached where N x M values fit in a fraction of the
 * memory, else recomputed on every pass over it.
 */
public final class KernelFeatureRdds {
    /** Fraction of the JVM's memory the mapped features may take to be cached. */
    private static final double CACHE_FRACTION = 0.4;

    private KernelFeatureRdds() {
    }

    /** M points drawn without replacement on the executors ({@code takeSample}), stacked row-major. */
    public static double[] sampleLandmarks(JavaRDD<SampleBlock> blocks, int m, long seed) {
        List<double[]> rows = blocks.flatMap(b -> {
            List<double[]> out = new ArrayList<>(b.size());
            for (int i = 0; i < b.size(); i++) {
                out.add(b.features().denseRows(i, i + 1));
            }
            return out.iterator();
        }).takeSample(false, m, seed);
        int d = rows.isEmpty() ? 0 : rows.get(0).length;
        return mlspark.kernel.KernelBlocks.stack(rows.toArray(new double[0][]), d);
    }

    /**
     * The blocks mapped by {@code z}, in blocks of {@code kib} KiB of mapped features.
     *
     * @param count the samples in {@code blocks}, to decide on caching
     */
    public static JavaRDD<SampleBlock> map(JavaRDD<SampleBlock> blocks, KernelApproximation z, long count, int kib) {
        JavaRDD<SampleBlock> mapped = map(blocks, z, kib);
        return cached(count, z.components()) ? mapped.persist(StorageLevel.MEMORY_AND_DISK()) : mapped;
    }

    /** The blocks mapped by {@code z}, not cached: for a single pass. */
    public static JavaRDD<SampleBlock> map(JavaRDD<SampleBlock> blocks, KernelApproximation z, int kib) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(blocks.context());
        Broadcast<KernelApproximation> bc = sc.broadcast(z);
        int rows = SampleRdds.blockRows(z.components(), kib);
        return blocks.flatMap(b -> {
            KernelApproximation map = bc.value();
            List<SampleBlock> out = new ArrayList<>();
            int d = b.dimension();
            for (int from = 0; from < b.size(); from += rows) {
                int to = Math.min(b.size(), from + rows);
                double[] features = map.map(b.features().denseRows(from, to), to - from, d);
                out.add(new SampleBlock(to - from, map.components(),
                        new FeatureBlock.Dense(to - from, map.components(), features),
                        Arrays.copyOfRange(b.labels(), from, to),
                        b.weights() == null ? null : Arrays.copyOfRange(b.weights(), from, to)));
            }
            return out.iterator();
        });
    }

    /** Whether N x M doubles fit in {@value #CACHE_FRACTION} of this JVM's memory. */
    public static boolean cached(long count, int components) {
        return (double) count * components * Double.BYTES <= CACHE_FRACTION * Runtime.getRuntime().maxMemory();
    }
}
