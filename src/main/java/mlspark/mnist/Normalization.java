package mlspark.mnist;

/** What becomes of the raw pixels 0..255 before training; always fitted on the training split. */
public enum Normalization {
    /** The raw values 0..255 (the assignment's). */
    NONE("none"),
    /** Divided by 255, into [0, 1]. */
    UNIT("unit"),
    /** Centered and scaled by the training split's pixel mean and standard deviation (one pair for all pixels). */
    STANDARD("standard");

    private final String label;

    Normalization(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Normalization parse(String text) {
        for (Normalization n : values()) {
            if (n.label.equals(text)) {
                return n;
            }
        }
        return null;
    }

    /** {@code {shift, scale}}: a pixel p becomes {@code (p - shift) * scale}. */
    public double[] affine(Digits train) {
        return affine(train::pixelMeanAndStd);
    }

    /** As {@link #affine(Digits)}, for training values whose mean and standard deviation (asked for by STANDARD only) {@code meanAndStd} gives. */
    public double[] affine(java.util.function.Supplier<double[]> meanAndStd) {
        return switch (this) {
            case NONE -> new double[]{0, 1};
            case UNIT -> new double[]{0, 1 / 255.0};
            case STANDARD -> {
                double[] ms = meanAndStd.get();
                yield new double[]{ms[0], ms[1] > 0 ? 1 / ms[1] : 1};
            }
        };
    }
}
