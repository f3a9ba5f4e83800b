package mlspark.data;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import mlspark.errors.InputException;
import mlspark.errors.ParameterText;

/**
 * The grammar of LIBSVM text, the one the driver ({@link TextTables}) and the executors
 * ({@code mlspark.sources.LibsvmSource}) both read it with. A line is {@code label index:value ...}:
 * <ul>
 *   <li>tokens separated by runs of spaces and tabs (as LIBSVM's {@code svm-train} reads them;
 *       Spark's reader takes single spaces only), leading and trailing whitespace ignored;</li>
 *   <li>{@code #} starts a comment that runs to the end of the line; blank and comment-only lines
 *       are skipped (Spark skips lines starting with {@code #}; {@code svm-train} has no comments);</li>
 *   <li>the label and each value a decimal number ({@code 1}, {@code -0.5}, {@code 2.5e-3}), or
 *       {@code nan}/{@code inf}/{@code infinity} with an optional sign, which parse but fail as bad
 *       values: Java's own number syntax ({@code 0x1p3}, {@code 1d}) is not LIBSVM's;</li>
 *   <li>each index a decimal integer >= 1 (Spark's and LIBSVM's 1-based indices), strictly
 *       increasing along the line (both readers refuse an index that does not increase), at most
 *       the bound the reader sets (a dimension or a memory limit);</li>
 *   <li>a line with a label and no pairs is a row of zeros.</li>
 * </ul>
 * An error names the source, {@code line N} and what was expected.
 */
public final class LibsvmFormat implements Serializable {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)");
    private static final Pattern INDEX = Pattern.compile("\\d+");
    private static final Pattern WHITESPACE = Pattern.compile("[ \\t]+");

    private final long maxIndex;
    private final ParameterText bound;

    /**
     * Indices up to {@code maxIndex}; {@code bound} says what the limit is, after "index N exceeds "
     * (e.g. "the dimension 4 (the model M takes 4)").
     */
    public LibsvmFormat(long maxIndex, ParameterText bound) {
        this.maxIndex = maxIndex;
        this.bound = bound;
    }

    /** A data line: its label and its pairs, indices 1-based and strictly increasing. */
    public record Row(double label, int[] indices, double[] values) implements Serializable {
        /** The largest index, 0 for a row without pairs. */
        public int lastIndex() {
            return indices.length == 0 ? 0 : indices[indices.length - 1];
        }

        /** The features as a dense vector of {@code dimension} values. */
        public double[] dense(int dimension) {
            double[] x = new double[dimension];
            for (int k = 0; k < indices.length; k++) {
                x[indices[k] - 1] = values[k];
            }
            return x;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && Double.compare(label, r.label) == 0 && Arrays.equals(indices, r.indices)
                    && Arrays.equals(values, r.values);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Double.hashCode(label) + Arrays.hashCode(indices)) + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return label + " " + Arrays.toString(indices) + " " + Arrays.toString(values);
        }
    }

    /**
     * The row of {@code line}, or null for a blank or comment line. A malformed line fails with an
     * {@link InputException} naming {@code source} and {@code line N}, N from {@code lineNumber}
     * (asked only then: an executor counts the lines before a byte offset only to report an error).
     */
    public Row parse(String line, String source, LongSupplier lineNumber) {
        int hash = line.indexOf('#');
        String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (content.isEmpty()) {
            return null;
        }
        String[] tokens = WHITESPACE.split(content);
        Double label = number(tokens[0]);
        if (label == null) {
            throw error(InputException.Kind.BAD_FORMAT, "label '" + tokens[0] + "' is not a number", source, lineNumber);
        }
        if (!Double.isFinite(label)) {
            throw error(InputException.Kind.BAD_VALUES, "label " + tokens[0] + " (expected a finite number)", source, lineNumber);
        }
        int[] indices = new int[tokens.length - 1];
        double[] values = new double[tokens.length - 1];
        long previous = 0;
        for (int t = 1; t < tokens.length; t++) {
            String token = tokens[t];
            int colon = token.indexOf(':');
            String indexText = colon < 0 ? "" : token.substring(0, colon);
            String valueText = colon < 0 ? "" : token.substring(colon + 1);
            if (!INDEX.matcher(indexText).matches() || valueText.isEmpty() || valueText.indexOf(':') >= 0) {
                throw error(InputException.Kind.BAD_FORMAT, "'" + token + "' is not index:value", source, lineNumber);
            }
            // more digits than a long holds exceed any bound
            long index = indexText.length() > 18 ? Long.MAX_VALUE : Long.parseLong(indexText);
            if (index == 0) {
                throw error(InputException.Kind.BAD_FORMAT, "index 0 (indices are 1-based)", source, lineNumber);
            }
            if (index <= previous) {
                throw error(InputException.Kind.BAD_FORMAT, "index " + index + " after " + previous
                        + (index == previous ? " (a duplicated index)" : "") + " (expected 1-based indices in ascending order)",
                        source, lineNumber);
            }
            if (index > maxIndex) {
                throw new InputException(InputException.Kind.BAD_FORMAT, source, "line " + lineNumber.getAsLong(),
                        bound.prefixed("index " + (index == Long.MAX_VALUE ? indexText : index) + " exceeds "), null);
            }
            Double value = number(valueText);
            if (value == null) {
                throw error(InputException.Kind.BAD_FORMAT, "index " + index + ": value '" + valueText + "' is not a number",
                        source, lineNumber);
            }
            if (!Double.isFinite(value)) {
                throw error(InputException.Kind.BAD_VALUES, "index " + index + ": value " + value
                        + " (expected finite numbers)", source, lineNumber);
            }
            indices[t - 1] = (int) index;
            values[t - 1] = value;
            previous = index;
        }
        return new Row(label, indices, values);
    }

    /** The number {@code text} spells, null when it spells none. */
    private static Double number(String text) {
        if (DECIMAL.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (!NON_FINITE.matcher(lower).matches()) {
            return null;
        }
        return lower.contains("nan") ? Double.NaN : lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    private static InputException error(InputException.Kind kind, String what, String source, LongSupplier lineNumber) {
        return new InputException(kind, source, "line " + lineNumber.getAsLong(), what);
    }
}
