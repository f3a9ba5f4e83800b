package mlspark.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import mlspark.errors.Failure;
import mlspark.errors.JobFailure;

/**
 * Training state saved every few epochs so that a crashed driver can resume: one JSON file per
 * job in a checkpoint directory, replaced atomically (written to a temporary file, then renamed),
 * so a crash while saving leaves the previous checkpoint whole. Doubles round-trip exactly.
 */
public final class Checkpoints {
    private final Path file;

    /** The checkpoint {@code name}.json in {@code dir}. */
    public Checkpoints(Path dir, String name) {
        this.file = dir.resolve(name + ".json");
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
        return Files.isRegularFile(file);
    }

    public void save(Object state) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".checkpoint", ".tmp");
            Json.mapper().writeValue(tmp.toFile(), state);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new JobFailure(Failure.CANT_WRITE, file + ": cannot write the checkpoint (" + e.getMessage() + ")", e);
        }
    }

    public <T> T load(Class<T> type) {
        try {
            return Json.mapper().readValue(file.toFile(), type);
        } catch (IOException e) {
            throw JobFailure.badFormat(file, "checkpoint", "unreadable (" + e.getMessage()
                    + "); delete it to start afresh");
        }
    }

    /** Removes the checkpoint once the job has finished. */
    public void delete() {
        if (!Files.isDirectory(file.getParent())) {
            return;
        }
        try {
            Files.deleteIfExists(file);
            try (var rest = Files.list(file.getParent())) {
                if (rest.findAny().isEmpty()) {
                    Files.delete(file.getParent());
                }
            }
        } catch (IOException e) {
            System.err.println("warning: could not remove " + file + ": " + e.getMessage());
        }
    }
}
