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
        x.reluInPlace();
        return x;
    }

    /**
     * {@code dY} masked by {@code x > 0}, written into {@code dy} itself, which is returned;
     * {@code x} may be the ReLU's input or its output (both are > 0 at the same places).
     */
    public static Matrix backwardInPlace(Matrix dy, Matrix x) {
        dy.zeroWhereNotPositive(x);
        return dy;
    }

    /** {@code dY} masked by {@code x > 0}, as a new matrix. */
    public static Matrix backward(Matrix dy, Matrix x) {
        return backwardInPlace(dy.copy(), x);
    }
}
