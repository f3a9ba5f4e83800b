package mlspark.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import mlspark.errors.InputException;
import mlspark.errors.ParameterText;
import mlspark.linalg.SparsePoints;

/**
 * Readers of the two text formats: CSV rows {@code x1,...,xd,y} (an optional header line of
 * names), and LIBSVM's {@code label index:value ...} ({@link LibsvmFormat}).
 */
public final class TextTables {
    /** The largest length of a Java array. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private TextTables() {
    }

    public static LabeledData readCsv(Path file) {
        List<String> lines = lines(file);
        List<double[]> rows = new ArrayList<>();
        int columns = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (i == 0 && !isNumber(cells[0].strip())) {
                columns = cells.length;
                continue;
            }
            if (columns < 0) {
                columns = cells.length;
            }
            if (cells.length != columns) {
                throw InputException.badFormat(file, "line " + (i + 1), cells.length + " columns, expected " + columns);
            }
            if (columns < 2) {
                throw InputException.badFormat(file, "line " + (i + 1), "expected x1,...,xd,y with d >= 1");
            }
            double[] row = new double[columns];
            for (int j = 0; j < columns; j++) {
                row[j] = number(cells[j], file, i, j);
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw InputException.badFormat(file, "rows", "no data rows (expected lines x1,...,xd,y)");
        }
        double[][] x = new double[rows.size()][];
        double[] y = new double[rows.size()];
        for (int i = 0; i < x.length; i++) {
            double[] row = rows.get(i);
            x[i] = java.util.Arrays.copyOf(row, row.length - 1);
            y[i] = row[row.length - 1];
        }
        LabeledData data = new LabeledData(x, y, file.toString());
        data.requireFinite(file, "features", "label (last column)");
        return data;
    }

    /**
     * Reads LIBSVM text ({@link LibsvmFormat}); the dimension is the largest index seen unless
     * {@code dimension > 0} fixes it (an index above it fails). The rows stay sparse when fewer than a
     * quarter of their values are non-zero ({@link SparsePoints#compacted}), else they are dense.
     */
    public static LabeledData readLibSvm(Path file, int dimension) {
        LibsvmFormat grammar = new LibsvmFormat(dimension > 0 ? dimension : MAX_ARRAY,
                ParameterText.of(dimension > 0 ? "the dimension " + dimension : "the largest Java array (" + MAX_ARRAY + ")"));
        List<String> lines = lines(file);
        List<LibsvmFormat.Row> rows = new ArrayList<>();
        int maxIndex = 0;
        for (int i = 0; i < lines.size(); i++) {
            long number = i + 1;
            LibsvmFormat.Row row = grammar.parse(lines.get(i), file.toString(), () -> number);
            if (row != null) {
                rows.add(row);
                maxIndex = Math.max(maxIndex, row.lastIndex());
            }
        }
        if (rows.isEmpty()) {
            throw InputException.badFormat(file, "rows", "no data rows (expected lines 'label index:value ...')");
        }
        int d = dimension > 0 ? dimension : maxIndex;
        int[] start = new int[rows.size() + 1];
        for (int i = 0; i < rows.size(); i++) {
            start[i + 1] = Math.addExact(start[i], rows.get(i).indices().length);
        }
        int[] indices = new int[start[rows.size()]];
        double[] values = new double[indices.length];
        double[] y = new double[rows.size()];
        for (int i = 0; i < y.length; i++) {
            LibsvmFormat.Row row = rows.get(i);
            for (int k = 0; k < row.indices().length; k++) {
                indices[start[i] + k] = row.indices()[k] - 1;
                values[start[i] + k] = row.values()[k];
            }
            y[i] = row.label();
        }
        return new LabeledData(new SparsePoints(d, start, indices, values).compacted(), y, file.toString());
    }

    private static List<String> lines(Path file) {
        InputFiles.requireReadableFile(file);
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw InputException.badFormat(file, "encoding", "not a UTF-8 text file");
        } catch (IOException e) {
            throw InputException.noInput(file, "cannot be read: " + e.getMessage());
        }
        return lines;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("inf") || s.equalsIgnoreCase("-inf");
        }
    }

    private static double number(String cell, Path file, int line, int column) {
        String s = cell.strip();
        try {
            return switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "nan" -> Double.NaN;
                case "inf", "+inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(s);
            };
        } catch (NumberFormatException e) {
            throw InputException.badFormat(file, "line " + (line + 1) + ", column " + (column + 1),
                    "'" + s + "' is not a number");
        }
    }
}
