package mlspark.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import mlspark.cli.JobFailure;

/**
 * Readers of the two text formats: CSV rows {@code x1,...,xd,y} (an optional header line of
 * names), and LIBSVM's {@code label index:value ...} (1-based indices, as Spark's
 * {@code MLUtils.loadLibSVMFile} reads it).
 */
public final class TextTables {
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
                throw JobFailure.badFormat(file, "line " + (i + 1), cells.length + " columns, expected " + columns);
            }
            if (columns < 2) {
                throw JobFailure.badFormat(file, "line " + (i + 1), "expected x1,...,xd,y with d >= 1");
            }
            double[] row = new double[columns];
            for (int j = 0; j < columns; j++) {
                row[j] = number(cells[j], file, i, j);
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw JobFailure.badFormat(file, "rows", "no data rows (expected lines x1,...,xd,y)");
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

    /** Reads LIBSVM text; the dimension is the largest index seen unless {@code dimension > 0} fixes it. */
    public static LabeledData readLibSvm(Path file, int dimension) {
        List<String> lines = lines(file);
        List<Map<Integer, Double>> rows = new ArrayList<>();
        List<Double> labels = new ArrayList<>();
        int maxIndex = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String[] tokens = (hash >= 0 ? line.substring(0, hash) : line).strip().split("\\s+");
            if (tokens.length == 0 || tokens[0].isEmpty()) {
                continue;
            }
            labels.add(number(tokens[0], file, i, 0));
            Map<Integer, Double> row = new TreeMap<>();
            int previous = 0;
            for (int t = 1; t < tokens.length; t++) {
                int colon = tokens[t].indexOf(':');
                int index;
                try {
                    index = colon > 0 ? Integer.parseInt(tokens[t].substring(0, colon)) : -1;
                } catch (NumberFormatException e) {
                    index = -1;
                }
                if (index <= previous) {
                    throw JobFailure.badFormat(file, "line " + (i + 1), "'" + tokens[t]
                            + "' is not index:value with 1-based indices in ascending order");
                }
                previous = index;
                row.put(index, number(tokens[t].substring(colon + 1), file, i, t));
            }
            maxIndex = Math.max(maxIndex, previous);
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw JobFailure.badFormat(file, "rows", "no data rows (expected lines 'label index:value ...')");
        }
        int d = dimension > 0 ? dimension : maxIndex;
        if (maxIndex > d) {
            throw JobFailure.badFormat(file, "index", "feature index " + maxIndex + " exceeds the dimension " + d);
        }
        double[][] x = new double[rows.size()][d];
        double[] y = new double[rows.size()];
        for (int i = 0; i < x.length; i++) {
            double[] xi = x[i];
            rows.get(i).forEach((index, value) -> xi[index - 1] = value);
            y[i] = labels.get(i);
        }
        LabeledData data = new LabeledData(x, y, file.toString());
        data.requireFinite(file, "features", "label");
        return data;
    }

    private static List<String> lines(Path file) {
        InputFiles.requireReadableFile(file);
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw JobFailure.badFormat(file, "encoding", "not a UTF-8 text file");
        } catch (IOException e) {
            throw JobFailure.noInput(file, "cannot be read: " + e.getMessage());
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
            throw JobFailure.badFormat(file, "line " + (line + 1) + ", column " + (column + 1),
                    "'" + s + "' is not a number");
        }
    }
}
