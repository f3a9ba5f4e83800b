package mlspark.nn;

/** The rectified linear unit, max(0, x), elementwise. */
public final class Relu {
    private Relu() {
    }

    public static Matrix forward(Matrix x) {
        return forwardInPlace(x.copy());
    }

    /** max(0, x) written into {@code x} itself, which is returned. */
    public static Matrix forwardInPlace(Matrix x) {
        for (int i = 0, n = x.size(); i < n; i++) {
            if (x.get(i) < 0) {
                x.set(i, 0);
            }
        }
        return x;
    }

    /**
     * {@code dY} masked by {@code x > 0}, written into {@code dy} itself, which is returned;
     * {@code x} may be the ReLU's input or its output (both are > 0 at the same places).
     */
    public static Matrix backwardInPlace(Matrix dy, Matrix x) {
        for (int i = 0, n = dy.size(); i < n; i++) {
            if (x.get(i) <= 0) {
                dy.set(i, 0);
            }
        }
        return dy;
    }

    /** {@code dY} masked by {@code x > 0}, as a new matrix. */
    public static Matrix backward(Matrix dy, Matrix x) {
        return backwardInPlace(dy.copy(), x);
    }
}
