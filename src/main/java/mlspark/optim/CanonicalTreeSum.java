package mlspark.optim;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-partition partial sums combined in a fixed binary tree over the partition indices, so the
 * floating-point result is the same whatever order the partials arrive in (tasks finishing in
 * any order, retried tasks, speculative copies). Partition i is leaf (0, i); node (l, k) covers
 * partitions [k 2^l, (k+1) 2^l) and is always summed as left child + right child. A node whose
 * sibling covers no partition at all is promoted unchanged. At most one pending node per level
 * is kept, so memory stays O(log P) partials, as in a plain tree aggregation.
 *
 * @param <A> the partial sum type
 */
public final class CanonicalTreeSum<A extends Mergeable<A>> implements Serializable {
    private final int partitions;
    private final Map<Long, A> pending = new HashMap<>();

    public CanonicalTreeSum(int partitions) {
        this.partitions = partitions;
    }

    /** Adds partition {@code index}'s partial sum. */
    public CanonicalTreeSum<A> add(int index, A partial) {
        insert(0, index, partial);
        return this;
    }

    /** Merges another tree's pending nodes into this one. */
    public CanonicalTreeSum<A> merge(CanonicalTreeSum<A> other) {
        other.pending.forEach((key, partial) -> insert((int) (key >>> 32), (int) (long) key, partial));
        return this;
    }

    /** The total, once every partition has been added. */
    public A total() {
        int rootLevel = 0;
        while ((1L << rootLevel) < partitions) {
            rootLevel++;
        }
        A root = pending.get(key(rootLevel, 0));
        if (root == null || pending.size() != 1) {
            throw new IllegalStateException("partial sums missing: pending nodes " + pending.keySet()
                    + " for " + partitions + " partitions");
        }
        return root;
    }

    private void insert(int level, int index, A partial) {
        while (true) {
            int siblingIndex = index ^ 1;
            long siblingStart = (long) siblingIndex << level;
            A sibling = pending.remove(key(level, siblingIndex));
            if (sibling != null) {
                partial = (index < siblingIndex) ? partial.merge(sibling) : sibling.merge(partial);
            } else if (siblingStart < partitions || (index == 0 && (1L << level) >= partitions)) {
                pending.put(key(level, index), partial);
                return;
            }
            level++;
            index >>= 1;
        }
    }

    private static long key(int level, int index) {
        return ((long) level << 32) | (index & 0xffffffffL);
    }
}
