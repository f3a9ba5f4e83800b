package mlspark.linalg;

import java.io.Serializable;

/**
 * A set of n points of dimension d, the rows of a kernel method: dense ({@link DensePoints}, row arrays and
 * their row-major stack) or sparse ({@link SparsePoints}, compressed sparse rows). Each caches its squared
 * norms |x_i|^2. Which one a set of rows becomes: {@link SparsePoints#compacted}, sparse below
 * {@value #SPARSE_BELOW} of its values non-zero.
 */
public sealed interface Points extends Serializable permits DensePoints, SparsePoints {
    /** The fraction of non-zeros below which rows are stored sparse (above it a dense row is the smaller). */
    double SPARSE_BELOW = 0.25;

    /** Whether rows with {@code nonZeros} stored values among their {@code values} values are stored sparse. */
    static boolean storedSparse(long nonZeros, long values) {
        return values == 0 || nonZeros < SPARSE_BELOW * values;
    }

    int size();

    int dimension();

    /** Stored values: n d for dense rows, the non-zeros for sparse ones. */
    long storedValues();

    /** |x_i|^2, computed once per point set. */
    double squaredNorm(int i);

    /** All |x_i|^2, computed once per point set (not a copy). */
    double[] squaredNorms();

    /** x_i . z_j for the point j of {@code other} (of the same dimension). */
    double dot(int i, Points other, int j);

    /** x_i as d values: the row itself for dense points (not a copy), a new array for sparse ones. */
    double[] dense(int i);

    /** The points {@code rows[0], rows[1], ...} (indices into this set), in this representation. */
    Points subset(int[] rows);

    /** Points {@code from} to {@code to - 1}. */
    default Points range(int from, int to) {
        int[] rows = new int[to - from];
        for (int t = 0; t < rows.length; t++) {
            rows[t] = from + t;
        }
        return subset(rows);
    }

    /** The rows of {@code parts} one after another: dense when every part is, else sparse. */
    static Points concat(Points... parts) {
        boolean dense = true;
        for (Points p : parts) {
            dense &= p instanceof DensePoints;
        }
        if (dense) {
            return DensePoints.concat(parts);
        }
        return SparsePoints.concat(parts);
    }
}
