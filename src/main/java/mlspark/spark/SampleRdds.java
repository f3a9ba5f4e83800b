package mlspark.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;

import mlspark.data.LabeledData;
import mlspark.data.Sample;
import mlspark.data.SampleBlock;

/** Driver-side data sets as RDDs: samples spread over partitions, stacked into BLAS blocks. */
public final class SampleRdds {
    /** Rows per block: large enough for BLAS, small enough to stay in cache-friendly chunks. */
    public static final int DEFAULT_BLOCK_ROWS = 4096;

    private SampleRdds() {
    }

    public static JavaRDD<Sample> samples(JavaSparkContext sc, LabeledData data, int partitions) {
        List<Sample> samples = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            samples.add(new Sample(data.y()[i], data.x()[i]));
        }
        return sc.parallelize(samples, partitions);
    }

    /** Stacks each partition's samples into blocks of at most {@code blockRows} rows, cached in memory. */
    public static JavaRDD<SampleBlock> blocks(JavaRDD<Sample> samples, int dimension, int blockRows) {
        return samples.mapPartitions((Iterator<Sample> it) -> {
            List<SampleBlock> blocks = new ArrayList<>();
            List<Sample> chunk = new ArrayList<>(Math.min(blockRows, 1024));
            while (it.hasNext()) {
                chunk.add(it.next());
                if (chunk.size() == blockRows) {
                    blocks.add(SampleBlock.of(chunk, dimension));
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                blocks.add(SampleBlock.of(chunk, dimension));
            }
            return blocks.iterator();
        }).persist(StorageLevel.MEMORY_AND_DISK());
    }
}
