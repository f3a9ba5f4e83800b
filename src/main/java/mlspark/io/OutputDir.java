package mlspark.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import mlspark.errors.Failure;
import mlspark.errors.JobFailure;

/**
 * A job's output directory, written all or nothing. Files go to a hidden sibling staging
 * directory; {@link #commit()} renames it into place (replacing an older result), and
 * {@link #close()} without a commit deletes it, so a failed run leaves the target untouched.
 */
public final class OutputDir implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private boolean committed;

    private OutputDir(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Checks that {@code target} can become a directory, then creates the staging directory. */
    public static OutputDir create(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new JobFailure(Failure.CANT_WRITE, "--out " + target + ": exists and is not a directory");
        }
        Path parent = absolute.getParent();
        try {
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".tmp-");
            return new OutputDir(absolute, staging);
        } catch (IOException e) {
            throw new JobFailure(Failure.CANT_WRITE, "--out " + target + ": cannot create a directory in " + parent
                    + " (" + e.getMessage() + ")", e);
        }
    }

    public Path target() {
        return target;
    }

    /** Where to write {@code name} before the commit. */
    public Path resolve(String name) {
        return staging.resolve(name);
    }

    /** Moves the staged files into place; an older result at the target is replaced. */
    public void commit() {
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
                Files.delete(old);
                move(target, old);
            }
            move(staging, target);
            committed = true;
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new JobFailure(Failure.CANT_WRITE, "--out " + target + ": cannot move results into place ("
                    + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        if (!committed) {
            deleteTree(staging);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | DirectoryNotEmptyException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("warning: could not remove " + root + ": " + e.getMessage());
        }
    }
}
