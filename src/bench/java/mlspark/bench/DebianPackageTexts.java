package mlspark.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A real sparse text set anyone on Debian can make: the package index ({@code apt-cache dumpavail}, about
 * 63,000 packages on bookworm), each package a document of its one-line description and the names of the
 * packages it depends on, as TF-IDF rows (log-scaled term frequency, idf = log(N / df), unit length) over
 * the terms of at least two documents; label +1 for the library sections ({@code libs}, {@code libdevel}),
 * -1 otherwise. The package's own name and section are not features.
 */
final class DebianPackageTexts {
    private DebianPackageTexts() {
    }

    /** The set written to {@code file} in LIBSVM format, or null (with the reason logged) where apt is missing. */
    static Integer write(Path file, java.util.function.Consumer<String> log) {
        List<String[]> documents = new ArrayList<>();
        List<Boolean> library = new ArrayList<>();
        try {
            Process apt = new ProcessBuilder("apt-cache", "dumpavail").redirectErrorStream(false).start();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(apt.getInputStream(), StandardCharsets.UTF_8))) {
                StringBuilder text = new StringBuilder();
                String section = null;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.isEmpty()) {
                        if (section != null && !text.isEmpty()) {
                            documents.add(text.toString().toLowerCase(Locale.ROOT).split("[^a-z0-9+]+"));
                            library.add(section.equals("libs") || section.equals("libdevel"));
                        }
                        text.setLength(0);
                        section = null;
                    } else if (line.startsWith("Description: ") || line.startsWith("Depends: ")) {
                        text.append(' ').append(line.substring(line.indexOf(' ') + 1).replaceAll("\\([^)]*\\)", " "));
                    } else if (line.startsWith("Section: ")) {
                        section = line.substring(9).replaceFirst("^.*/", "");
                    }
                }
            }
            if (!apt.waitFor(60, TimeUnit.SECONDS) || apt.exitValue() != 0 || documents.size() < 1000) {
                log.accept("Debian package texts: skipped (apt-cache dumpavail gave " + documents.size() + " packages)");
                return null;
            }
        } catch (IOException e) {
            log.accept("Debian package texts: skipped (" + e.getMessage() + ")");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (String[] words : documents) {
            for (String w : new java.util.HashSet<>(List.of(words))) {
                if (!w.isEmpty()) {
                    documentFrequency.merge(w, 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> index = new HashMap<>();
        documentFrequency.entrySet().stream().filter(e -> e.getValue() >= 2).map(Map.Entry::getKey).sorted()
                .forEach(w -> index.put(w, index.size() + 1));
        int n = documents.size();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < n; i++) {
                TreeMap<Integer, Double> row = new TreeMap<>();
                Map<String, Integer> counts = new HashMap<>();
                for (String w : documents.get(i)) {
                    if (index.containsKey(w)) {
                        counts.merge(w, 1, Integer::sum);
                    }
                }
                double norm = 0;
                for (Map.Entry<String, Integer> e : counts.entrySet()) {
                    double v = (1 + Math.log(e.getValue())) * Math.log((double) n / documentFrequency.get(e.getKey()));
                    row.put(index.get(e.getKey()), v);
                    norm += v * v;
                }
                StringBuilder line = new StringBuilder(library.get(i) ? "+1" : "-1");
                double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
                row.forEach((j, v) -> line.append(' ').append(j).append(':')
                        .append(String.format(Locale.ROOT, "%.6g", v * scale)));
                out.write(line.append('\n').toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.accept(String.format("Debian package texts: %d documents, %d terms, %d library packages", n, index.size(),
                library.stream().filter(b -> b).count()));
        return index.size();
    }
}
