package mlspark.cli.metrics;

/** Confusion counts of a binary classifier, class +1 (MLlib: 1.0) positive; a metrics.json section. */
public record Confusion(long tp, long fp, long tn, long fn) {
    /** From the {tp, fp, tn, fn} array the trainers count. */
    public static Confusion of(long[] counts) {
        return new Confusion(counts[0], counts[1], counts[2], counts[3]);
    }
}
