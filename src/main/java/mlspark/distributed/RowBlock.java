package mlspark.distributed;

import java.io.Serializable;
import java.util.Arrays;

import mlspark.nn.LabeledRows;

/** The rows {@code [start, start + rows.size())} of a data set: one partition's share, one BLAS-ready block. */
public record RowBlock(int start, LabeledRows rows) implements Serializable {

    public int end() {
        return start + rows.size();
    }

    /** The rows of the sorted global {@code indices} that fall in this block (repeats kept), or null if none. */
    public LabeledRows select(int[] sortedIndices) {
        int from = lowerBound(sortedIndices, start);
        int to = lowerBound(sortedIndices, end());
        return from == to ? null : rows.gather(sortedIndices, from, to, start);
    }

    private static int lowerBound(int[] sorted, int value) {
        int i = Arrays.binarySearch(sorted, value);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && sorted[i - 1] == value) {
            i--;
        }
        return i;
    }
}
