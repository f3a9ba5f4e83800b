package mlspark.cli.jobs;

import java.util.Locale;

/**
 * Numbers for the progress lines of every job: six significant digits ({@code %.6g}) without
 * trailing zeros, so that 498.0497 prints as 498.05 and a diverging objective of 1e300 as 1e+300
 * rather than as 300 digits.
 */
public final class Readable {
    private Readable() {
    }

    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        String s = String.format(Locale.ROOT, "%.6g", value);
        int exponent = s.indexOf('e');
        String mantissa = exponent < 0 ? s : s.substring(0, exponent);
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceFirst("\\.?0+$", "");
        }
        return exponent < 0 ? mantissa : mantissa + s.substring(exponent);
    }
}
