package mlspark.nn;

import mlspark.linalg.Blas;

/** A {@link Matrix} of floats: sgemm, saxpy, sscal. */
final class FloatMatrix extends Matrix {
    private final float[] data;

    FloatMatrix(float[] data, int offset, int rows, int cols) {
        super(offset, rows, cols);
        this.data = data;
    }

    @Override
    public Precision precision() {
        return Precision.FLOAT32;
    }

    @Override
    public double get(int i) {
        return data[offset + i];
    }

    @Override
    public void set(int i, double value) {
        data[offset + i] = (float) value;
    }

    @Override
    public Matrix view(int start, int rows, int cols) {
        if (start < 0 || start + rows * cols > size()) {
            throw new IndexOutOfBoundsException("view " + start + "+" + rows + "x" + cols + " of " + size());
        }
        return new FloatMatrix(data, offset + start, rows, cols);
    }

    @Override
    void gemm(String transFirst, String transSecond, int m, int n, int k, double alpha, Matrix first, Matrix second,
              double beta) {
        FloatMatrix a = (FloatMatrix) first;
        FloatMatrix b = (FloatMatrix) second;
        Blas.blas().sgemm(transFirst, transSecond, m, n, k, (float) alpha, a.data, a.offset, a.cols, b.data, b.offset, b.cols,
                (float) beta, data, offset, cols);
    }

    @Override
    public void axpy(double alpha, Matrix x) {
        requireSameSize(x, "axpy");
        FloatMatrix dx = (FloatMatrix) x;
        Blas.blas().saxpy(size(), (float) alpha, dx.data, dx.offset, 1, data, offset, 1);
    }

    @Override
    public void scale(double alpha) {
        Blas.blas().sscal(size(), (float) alpha, data, offset, 1);
    }

    @Override
    void reluInPlace() {
        for (int i = offset, end = offset + size(); i < end; i++) {
            if (data[i] < 0) {
                data[i] = 0;
            }
        }
    }

    @Override
    void zeroWhereNotPositive(Matrix mask) {
        requireSameSize(mask, "zeroWhereNotPositive");
        float[] m = ((FloatMatrix) mask).data;
        int shift = mask.offset - offset;
        for (int i = offset, end = offset + size(); i < end; i++) {
            if (m[i + shift] <= 0) {
                data[i] = 0;
            }
        }
    }

    @Override
    Object storage() {
        return data;
    }
}
