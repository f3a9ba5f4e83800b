package mlspark.data;

/** Reordering of n-dimensional arrays between Fortran (column-major) and C (row-major) order. */
final class Layout {
    private Layout() {
    }

    /** {@code values} in Fortran order for {@code shape}, returned in C order. */
    static double[] fortranToC(double[] values, int[] shape) {
        if (shape.length < 2) {
            return values;
        }
        double[] out = new double[values.length];
        int[] index = new int[shape.length];
        for (int c = 0; c < values.length; c++) {
            int f = 0;
            for (int k = shape.length - 1; k >= 0; k--) {
                f = f * shape[k] + index[k];
            }
            out[c] = values[f];
            for (int k = shape.length - 1; k >= 0; k--) {
                if (++index[k] < shape[k]) {
                    break;
                }
                index[k] = 0;
            }
        }
        return out;
    }
}
