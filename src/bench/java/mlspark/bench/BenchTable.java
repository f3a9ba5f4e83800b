package mlspark.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.knowm.xchart.internal.chartpart.Chart;

/** The rows of a benchmark run: suite, case, implementation and its figures; written as markdown and JSON. */
public final class BenchTable {
    /** One measured implementation on one case; figures keep their insertion order. */
    public record Row(String suite, String benchCase, String implementation, Map<String, Object> figures) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Chart<?, ?>> plots = new LinkedHashMap<>();
    private final Map<String, String> files = new LinkedHashMap<>();
    private final Consumer<String> log;
    private String suite = "";

    public BenchTable(Consumer<String> log) {
        this.log = log;
    }

    public void start(String suiteName) {
        suite = suiteName;
    }

    public void log(String message) {
        log.accept(message);
    }

    /** Adds a row; {@code figures} alternate names and values: "seconds", 1.2, "objective", 3.4. */
    public void add(String benchCase, String implementation, Object... figures) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < figures.length; i += 2) {
            map.put(String.valueOf(figures[i]), figures[i + 1]);
        }
        rows.add(new Row(suite, benchCase, implementation, map));
        log.accept(String.format("%-8s %-28s %-30s %s", suite, benchCase, implementation, map));
    }

    /** A picture of the run, written as {@code name}.png beside the table. */
    public void plot(String name, Chart<?, ?> chart) {
        plots.put(name, chart);
    }

    public Map<String, Chart<?, ?>> plots() {
        return Map.copyOf(plots);
    }

    /** A text file of the run's details (a CSV, say), written as {@code name} beside the table. */
    public void file(String name, String text) {
        files.put(name, text);
    }

    public Map<String, String> files() {
        return Map.copyOf(files);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** A markdown table per suite, figures as columns. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        Set<String> suites = new LinkedHashSet<>();
        rows.forEach(r -> suites.add(r.suite()));
        for (String s : suites) {
            List<Row> of = rows.stream().filter(r -> r.suite().equals(s)).toList();
            Set<String> columns = new LinkedHashSet<>();
            of.forEach(r -> columns.addAll(r.figures().keySet()));
            md.append("### ").append(s).append("\n\n| case | implementation |");
            columns.forEach(c -> md.append(' ').append(c).append(" |"));
            md.append("\n|---|---|");
            columns.forEach(c -> md.append("---:|"));
            md.append('\n');
            for (Row r : of) {
                md.append("| ").append(r.benchCase()).append(" | ").append(r.implementation()).append(" |");
                for (String c : columns) {
                    md.append(' ').append(format(r.figures().get(c))).append(" |");
                }
                md.append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            double a = Math.abs(d);
            return a != 0 && (a < 1e-3 || a >= 1e6) ? String.format("%.4g", d) : String.format("%.4f", d);
        }
        return String.valueOf(v);
    }
}
