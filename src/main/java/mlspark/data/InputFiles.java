package mlspark.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import mlspark.cli.JobFailure;

/** File access that turns a missing, unreadable or wrong-kind path into a {@link JobFailure}. */
final class InputFiles {
    private InputFiles() {
    }

    static Path requireReadableFile(Path file) {
        if (!Files.exists(file)) {
            throw JobFailure.noInput(file, "no such file (run submit/fetch-data, or check --data-dir)");
        }
        if (Files.isDirectory(file)) {
            throw JobFailure.noInput(file, "is a directory, expected a file");
        }
        if (!Files.isReadable(file)) {
            throw JobFailure.noInput(file, "cannot be read (permission denied)");
        }
        return file;
    }

    static byte[] readAll(Path file) {
        requireReadableFile(file);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw JobFailure.noInput(file, "cannot be read: " + e.getMessage());
        }
    }
}
