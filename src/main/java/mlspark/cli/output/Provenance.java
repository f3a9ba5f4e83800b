package mlspark.cli.output;

import mlspark.data.Checksums;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mlspark.linalg.Blas;

/**
 * Where a result came from, written into every metrics.json: the job and its arguments, the code
 * (git commit), the runtime (Java, Spark, BLAS), the input files with their SHA-256 and the times.
 */
public final class Provenance {
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, String> inputs = new LinkedHashMap<>();

    public Provenance(String job, List<String> args, Path home) {
        fields.put("job", job);
        fields.put("args", args);
        fields.put("git_commit", gitCommit(home));
        fields.put("java", System.getProperty("java.version"));
        fields.put("blas", Blas.implementation());
        fields.put("blas_class", Blas.blas().getClass().getName());
        fields.put("started", Instant.now().toString());
        fields.put("inputs", inputs);
    }

    public Provenance spark(String version, String master) {
        fields.put("spark", version);
        fields.put("master", master);
        return this;
    }

    public Provenance input(Path file) {
        if (Files.isRegularFile(file)) {
            inputs.put(file.toString(), Checksums.sha256(file));
        }
        return this;
    }

    /**
     * An input read by the executors (a {@code FORMAT:PATH} source, whose files are not hashed), as
     * {@code role} ("train", "test", "data") under {@code sources}.
     */
    @SuppressWarnings("unchecked")
    public Provenance source(String role, Map<String, Object> description) {
        ((Map<String, Object>) fields.computeIfAbsent("sources", k -> new LinkedHashMap<String, Object>())).put(role, description);
        return this;
    }

    /** The input files recorded so far. */
    public List<Path> inputFiles() {
        return inputs.keySet().stream().map(Path::of).toList();
    }

    /** What identifies a run in its output's marker: job, arguments, git commit, start time. */
    public Map<String, Object> identity() {
        Map<String, Object> identity = new LinkedHashMap<>();
        for (String key : new String[]{"job", "started", "git_commit", "args"}) {
            identity.put(key, fields.get(key));
        }
        return identity;
    }

    /** The fields, with the finishing time set now. */
    public Map<String, Object> finish() {
        fields.put("finished", Instant.now().toString());
        return fields;
    }

    /** The commit of the project home, read from .git without running git; "unknown" outside a checkout. */
    static String gitCommit(Path home) {
        String fromLauncher = System.getProperty("mlspark.git.commit");
        if (fromLauncher != null && !fromLauncher.isBlank()) {
            return fromLauncher;
        }
        try {
            Path git = home.resolve(".git");
            String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).strip();
            if (!head.startsWith("ref: ")) {
                return head;
            }
            String ref = head.substring(5);
            Path loose = git.resolve(ref);
            if (Files.isRegularFile(loose)) {
                return Files.readString(loose, StandardCharsets.UTF_8).strip();
            }
            Path packed = git.resolve("packed-refs");
            if (Files.isRegularFile(packed)) {
                for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                    if (line.endsWith(" " + ref)) {
                        return line.substring(0, line.indexOf(' '));
                    }
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }
}
