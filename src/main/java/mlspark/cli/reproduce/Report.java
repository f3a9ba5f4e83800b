package mlspark.cli.reproduce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/** Writes report.md: each part's tables and plots, every check with its verdict, and the provenance. */
public final class Report {
    private final StringBuilder md = new StringBuilder();

    public Report(String title) {
        md.append("# ").append(title).append("\n\n");
    }

    public void part(Part part, Path dir, JsonNode metrics, int exitCode) {
        md.append("## ").append(part.title()).append("\n\n");
        md.append("As the job `").append(part.command()).append("` computes it");
        md.append(exitCode == 0 ? ".\n\n" : " — **failed, exit code " + exitCode + "**\n\n");
        if (metrics != null && metrics.path("runs").path(0).has("epochs")) {
            md.append("| epochs | w | b | test accuracy | objective | test fn | test fp |\n|---:|---|---:|---:|---:|---:|---:|\n");
            for (JsonNode r : metrics.get("runs")) {
                md.append(String.format("| %d | %s | %.5f | %.4f | %.4f | %s | %s |%n", r.get("epochs").asInt(),
                        vector(r.get("w")), r.get("b").asDouble(), r.get("test_accuracy").asDouble(),
                        r.get("objective").asDouble(), r.at("/test_confusion/fn").asText(""),
                        r.at("/test_confusion/fp").asText("")));
            }
            md.append('\n');
        }
        for (Path table : files(dir, ".md")) {
            md.append(read(table)).append("\n\n");
        }
        for (Path png : files(dir, ".png")) {
            String relative = dir.getParent().relativize(png).toString();
            md.append("![").append(relative).append("](").append(relative).append(")\n\n");
        }
    }

    public void checks(List<Check.Result> results) {
        md.append("## Checks\n\n| check | part | expected | got | verdict | source |\n|---|---|---|---|---|---|\n");
        for (Check.Result r : results) {
            String got = r.got().length() > 80 ? r.got().substring(0, 77) + "..." : r.got();
            md.append("| ").append(r.check().id()).append(" | ").append(r.check().part()).append(" | ")
                    .append(r.check().describe()).append(" | ").append(got).append(" | ")
                    .append(r.verdict() == Verdict.PASS ? "pass" : "**" + r.verdict().label() + " ("
                            + r.verdict().exitCode() + ")**")
                    .append(" | ").append(r.check().source()).append(" |\n");
        }
        md.append('\n');
    }

    /** Each published figure beside ours (from the parts' metrics), and why they differ where they do. */
    public void published(List<Published> figures, Map<String, ?> partMetrics) {
        if (figures.isEmpty()) {
            return;
        }
        md.append("## Published figures beside ours\n\n| part | figure | published | ours | | published by | why they differ |\n"
                + "|---|---|---:|---:|---|---|---|\n");
        for (Published p : figures) {
            JsonNode ours = partMetrics.get(p.part()) instanceof JsonNode metrics ? metrics.at(p.path()) : null;
            boolean present = ours != null && ours.isNumber();
            boolean same = present && Math.abs(ours.asDouble() - p.figure()) <= p.tolerance();
            md.append("| ").append(p.part()).append(" | ").append(p.what()).append(" | ").append(p.figure()).append(" | ")
                    .append(present ? String.format("%.4f", ours.asDouble()) : "not run").append(" | ")
                    .append(!present ? "" : same ? "same" : "**differs**").append(" | ").append(p.source()).append(" | ")
                    .append(same || !present ? "" : p.why()).append(" |\n");
        }
        md.append('\n');
    }

    public void provenance(Map<String, Object> provenance, Map<String, String> dataChecksums) {
        md.append("## Provenance\n\n| | |\n|---|---|\n");
        provenance.forEach((k, v) -> {
            if (!(v instanceof Map)) {
                md.append("| ").append(k).append(" | ").append(v).append(" |\n");
            }
        });
        md.append("\n### Data (SHA-256)\n\n| file | sha256 |\n|---|---|\n");
        dataChecksums.forEach((f, h) -> md.append("| ").append(f).append(" | `").append(h).append("` |\n"));
        md.append('\n');
    }

    public void write(Path file) {
        writeText(file, md.toString());
    }

    /** Writes {@code text} to {@code file}, replacing it. */
    public static void writeText(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String vector(JsonNode array) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < array.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(String.format("%.4f", array.get(i).asDouble()));
        }
        return s.append(']').toString();
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
