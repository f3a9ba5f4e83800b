package mlspark.svm.dual;

/**
 * LIBSVM's kernel cache: an LRU list of (partial) rows of Q in the solver's current order, rows
 * [0, len) of each, within a budget of doubles. Rows are grown when a longer prefix is asked for;
 * the least recently used rows are dropped to make room. {@link #swapIndex} follows the solver's
 * swaps of two positions (shrinking), swapping the entries of the cached rows long enough to hold
 * both and dropping the rows that hold only one.
 */
final class KernelRowCache {
    private static final class Head {
        Head prev;
        Head next;
        double[] data;
        int len;
    }

    private final Head[] head;
    private final Head lruHead = new Head();
    /** Doubles still free in the budget. */
    private long size;

    /** @param budgetBytes memory for cached rows, at least two full rows */
    KernelRowCache(int l, long budgetBytes) {
        head = new Head[l];
        for (int i = 0; i < l; i++) {
            head[i] = new Head();
        }
        size = Math.max(budgetBytes / Double.BYTES - l * 4L, 2L * l);
        lruHead.next = lruHead;
        lruHead.prev = lruHead;
    }

    private void lruDelete(Head h) {
        h.prev.next = h.next;
        h.next.prev = h.prev;
    }

    private void lruInsert(Head h) {
        h.next = lruHead;
        h.prev = lruHead.prev;
        h.prev.next = h;
        h.next.prev = h;
    }

    /**
     * Makes row {@code index} hold positions [0, len) and marks it most recently used.
     *
     * @return the first position the caller must fill ({@code >= len} when the row was complete)
     */
    int request(int index, int len) {
        Head h = head[index];
        if (h.len > 0) {
            lruDelete(h);
        }
        int start = len;
        int more = len - h.len;
        if (more > 0) {
            while (size < more) {
                Head old = lruHead.next;
                lruDelete(old);
                size += old.len;
                old.data = null;
                old.len = 0;
            }
            double[] grown = new double[len];
            if (h.data != null) {
                System.arraycopy(h.data, 0, grown, 0, h.len);
            }
            h.data = grown;
            size -= more;
            start = h.len;
            h.len = len;
        }
        lruInsert(h);
        return start;
    }

    double[] data(int index) {
        return head[index].data;
    }

    void swapIndex(int i, int j) {
        if (i == j) {
            return;
        }
        if (head[i].len > 0) {
            lruDelete(head[i]);
        }
        if (head[j].len > 0) {
            lruDelete(head[j]);
        }
        double[] data = head[i].data;
        head[i].data = head[j].data;
        head[j].data = data;
        int len = head[i].len;
        head[i].len = head[j].len;
        head[j].len = len;
        if (head[i].len > 0) {
            lruInsert(head[i]);
        }
        if (head[j].len > 0) {
            lruInsert(head[j]);
        }
        int lo = Math.min(i, j);
        int hi = Math.max(i, j);
        for (Head h = lruHead.next; h != lruHead; ) {
            Head next = h.next;
            if (h.len > lo) {
                if (h.len > hi) {
                    double t = h.data[lo];
                    h.data[lo] = h.data[hi];
                    h.data[hi] = t;
                } else {
                    lruDelete(h);
                    size += h.len;
                    h.data = null;
                    h.len = 0;
                }
            }
            h = next;
        }
    }
}
