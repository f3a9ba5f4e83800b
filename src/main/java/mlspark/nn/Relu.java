package mlspark.nn;

/** The rectified linear unit, max(0, x), elementwise. */
public final class Relu {
    private Relu() {
    }

    public static Matrix forward(Matrix x) {
        Matrix y = x.copy();
        for (int i = 0, n = y.size(); i < n; i++) {
            if (y.get(i) < 0) {
                y.set(i, 0);
            }
        }
        return y;
    }

    /** {@code dY} masked by {@code x > 0}, written into {@code dy} itself, which is returned. */
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
