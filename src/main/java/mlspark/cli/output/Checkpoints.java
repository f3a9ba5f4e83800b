package mlspark.cli.output;

import mlspark.data.Checksums;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import mlspark.cli.Failure;
import mlspark.cli.JobFailure;

/**
 * Training state saved every few epochs so that a crashed driver can resume: one file per job in
 * a checkpoint directory, replaced atomically (written to a temporary file, then renamed), so a
 * crash while saving leaves the previous checkpoint whole. Doubles round-trip exactly.
 *
 * <p>The file is a one-line header — job, the run's configuration (option to value) and the
 * SHA-256 of the state — followed by the state as JSON. A checkpoint whose state does not match
 * its checksum (truncated, corrupted) is refused, never resumed from; so is one made with another
 * configuration. The directory holds {@link OutputDir#MARKER}, naming the job.
 */
public final class Checkpoints {
    private final Path file;
    private final String job;
    private final Map<String, String> configuration;

    /** The checkpoint {@code name}.json in {@code dir}, without a configuration to check. */
    public Checkpoints(Path dir, String name) {
        this(dir, name, Map.of());
    }

    /** The checkpoint of job {@code name} in {@code dir} made by a run of {@code configuration}; no directory: none. */
    public Checkpoints(Path dir, String name, Map<String, String> configuration) {
        this.file = dir == null ? null : dir.resolve(name + ".json");
        this.job = name;
        this.configuration = new TreeMap<>(configuration);
    }

    /** The conventional checkpoint directory of an output directory: a hidden sibling. */
    public static Path besideOutput(Path out) {
        Path absolute = out.toAbsolutePath().normalize();
        return absolute.resolveSibling("." + absolute.getFileName() + ".checkpoint");
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return file != null && Files.isRegularFile(file);
    }

    public void save(Object state) {
        try {
            Files.createDirectories(file.getParent());
            Path marker = file.resolveSibling(OutputDir.MARKER);
            if (!Files.exists(marker)) {
                Json.write(marker, Map.of("job", job, "contents", "checkpoints"));
            }
            byte[] body = Json.mapper().writeValueAsBytes(state);
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("job", job);
            header.put("configuration", configuration);
            header.put("state_sha256", Checksums.sha256(body));
            byte[] head = (Json.toLine(header) + "\n").getBytes(StandardCharsets.UTF_8);
            Path tmp = Files.createTempFile(file.getParent(), ".checkpoint", ".tmp");
            byte[] all = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, all, head.length, body.length);
            Files.write(tmp, all);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new JobFailure(Failure.CANT_WRITE, file + ": cannot write the checkpoint (" + e.getMessage() + ")", e);
        }
    }

    /** The saved state; a checkpoint that is not whole fails with {@link Failure#BAD_FORMAT}. */
    public <T> T load(Class<T> type) {
        try {
            return Json.mapper().readValue(read().body, type);
        } catch (IOException e) {
            throw JobFailure.badFormat(file, "state", "unreadable (" + e.getMessage().lines().findFirst().orElse("")
                    + "); delete it to start afresh");
        }
    }

    /**
     * Fails unless the checkpoint is whole (exit 65) and was made with this run's configuration
     * (exit 64, naming the first option that differs).
     */
    public void verify() {
        JsonNode saved = read().header.path("configuration");
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) saved::fields) {
            String now = configuration.get(e.getKey());
            if (!e.getValue().asText().equals(now)) {
                throw JobFailure.usage(e.getKey(), "the checkpoint " + file + " was made with " + e.getKey() + " "
                        + e.getValue().asText() + ", this run has " + (now == null ? "no such option" : now)
                        + "; --resume continues a run with the same options");
            }
        }
        for (String option : configuration.keySet()) {
            if (!saved.has(option)) {
                throw JobFailure.usage(option, "the checkpoint " + file + " does not record " + option
                        + "; --resume continues a run with the same options");
            }
        }
    }

    private record Contents(JsonNode header, byte[] body) {
    }

    private Contents read() {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw JobFailure.noInput(file, "cannot read the checkpoint (" + e.getMessage() + ")");
        }
        int newline = 0;
        while (newline < all.length && all[newline] != '\n') {
            newline++;
        }
        JsonNode header;
        try {
            header = Json.mapper().readTree(Arrays.copyOf(all, newline));
        } catch (IOException e) {
            header = null;
        }
        if (header == null || !header.has("state_sha256") || newline == all.length) {
            throw JobFailure.badFormat(file, "header", "not a checkpoint of mlspark (truncated or corrupted); delete it to"
                    + " start afresh");
        }
        byte[] body = Arrays.copyOfRange(all, newline + 1, all.length);
        if (!Checksums.sha256(body).equals(header.get("state_sha256").asText())) {
            throw JobFailure.badFormat(file, "state_sha256", "the state does not match its checksum (truncated or"
                    + " corrupted); refusing to resume from it; delete it to start afresh");
        }
        return new Contents(header, body);
    }

    /** Removes the checkpoint once the job has finished, and its directory when nothing else is left there. */
    public void delete() {
        if (file == null || !Files.isDirectory(file.getParent())) {
            return;
        }
        try {
            Files.deleteIfExists(file);
            try (var rest = Files.list(file.getParent())) {
                if (rest.allMatch(p -> p.getFileName().toString().equals(OutputDir.MARKER))) {
                    Files.deleteIfExists(file.getParent().resolve(OutputDir.MARKER));
                    Files.delete(file.getParent());
                }
            }
        } catch (IOException e) {
            System.err.println("warning: could not remove " + file + ": " + e.getMessage());
        }
    }
}
