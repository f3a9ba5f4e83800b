package mlspark.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import mlspark.errors.InputException;
import mlspark.errors.ParameterText;

/** File access that turns a missing, unreadable or wrong-kind path into a {@link InputException}. */
final class InputFiles {
    private InputFiles() {
    }

    static Path requireReadableFile(Path file) {
        if (!Files.exists(file)) {
            throw InputException.noInput(file, ParameterText.of("no such file (run submit/fetch-data, or check ", "dataDir", ")"));
        }
        if (Files.isDirectory(file)) {
            throw InputException.noInput(file, "is a directory, expected a file");
        }
        if (!Files.isReadable(file)) {
            throw InputException.noInput(file, "cannot be read (permission denied)");
        }
        return file;
    }

    static byte[] readAll(Path file) {
        requireReadableFile(file);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw InputException.noInput(file, "cannot be read: " + e.getMessage());
        }
    }
}
