package mlspark.nn;

/** The fully-connected layer {@code Y = X W + b}: X is N x Din, W is Din x Dout, b is 1 x Dout (row-major). */
public final class Affine {
    private Affine() {
    }

    public static Matrix forward(Matrix x, Matrix w, Matrix b) {
        Matrix y = x.precision().zeros(x.rows(), w.cols());
        for (int i = 0, n = x.rows(); i < n; i++) {
            y.copyRows(b, 0, i, 1);
        }
        y.gemm(1, x, false, w, false, 1);
        return y;
    }

    /**
     * Backward from {@code dy}: ADDS {@code X' dY} to {@code dw} and the column sums of dY to
     * {@code db} (so gradients of several batches or a scaled loss accumulate in place), and
     * returns {@code dX = dY W'} when {@code needDx} (null otherwise).
     */
    public static Matrix backward(Matrix dy, Matrix x, Matrix w, Matrix dw, Matrix db, boolean needDx) {
        dw.gemm(1, x, true, dy, false, 1);
        Matrix ones = dy.precision().zeros(1, dy.rows());
        for (int i = 0; i < dy.rows(); i++) {
            ones.set(i, 1);
        }
        db.gemm(1, ones, false, dy, false, 1);
        if (!needDx) {
            return null;
        }
        Matrix dx = x.precision().zeros(x.rows(), x.cols());
        dx.gemm(1, dy, false, w, true, 0);
        return dx;
    }
}
