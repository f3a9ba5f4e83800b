package mlspark.data;

import java.util.Arrays;

/**
 * An array read from a NumPy file: its dtype as NumPy spells it (e.g. "<f8", "|O"), its shape and
 * its values in C (row-major) order. Numeric arrays hold {@code double[]}; object arrays hold
 * {@code Object[]} whose elements are whatever the pickle held (maps, lists, other arrays).
 */
public record NpyArray(String dtype, int[] shape, double[] values, Object[] objects) {

    public static NpyArray numeric(String dtype, int[] shape, double[] values) {
        return new NpyArray(dtype, shape, values, null);
    }

    public static NpyArray objects(int[] shape, Object[] objects) {
        return new NpyArray("|O", shape, null, objects);
    }

    public boolean isObject() {
        return objects != null;
    }

    public long size() {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    public String shapeString() {
        return Arrays.toString(shape).replace('[', '(').replace(']', ')');
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype + " " + shapeString() + "]";
    }
}
