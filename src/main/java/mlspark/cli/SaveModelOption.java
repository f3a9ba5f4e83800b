package mlspark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.spark.ml.util.MLWritable;

import mlspark.cli.output.OutputDir;
import picocli.CommandLine.Option;

/** {@code --save-model DIR} of the training jobs (a picocli mixin). */
public final class SaveModelOption {
    @Option(names = "--save-model", paramLabel = "DIR",
            description = "Save the trained model into DIR (Spark ML format: the predict job and the model class's load read it).")
    public Path dir;

    public boolean requested() {
        return dir != null;
    }

    /**
     * Checks {@code DIR} before the job starts: a new or empty directory (a model is never saved over
     * anything), apart from {@code --out}.
     */
    public void check(String out) {
        if (dir == null) {
            return;
        }
        Path target = dir.toAbsolutePath().normalize();
        Path output = OutputDir.isUri(out) ? null : Path.of(out).toAbsolutePath().normalize();
        if (output != null && (target.startsWith(output) || output.startsWith(target))) {
            throw JobFailure.usage("--save-model", dir + " and --out " + out + " must be apart (neither inside the other)");
        }
        try (Stream<Path> entries = Files.isDirectory(target) ? Files.list(target) : Stream.empty()) {
            if (Files.exists(target) && (!Files.isDirectory(target) || entries.findAny().isPresent())) {
                throw new JobFailure(Failure.CANT_WRITE, "--save-model " + dir
                        + ": exists and is not an empty directory; a model is saved only into a new or empty one");
            }
        } catch (IOException e) {
            throw new JobFailure(Failure.CANT_WRITE, "--save-model " + dir + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Writes {@code model} into the staging directory of {@code staged} (moved to {@code DIR} when the job succeeds). */
    public void save(MLWritable model, OutputDir staged) {
        String path = staged.resolve("").toString();
        try {
            // the staging directory exists (empty): Spark's writer replaces it
            model.write().overwrite().save(path);
        } catch (IOException e) {
            throw new JobFailure(Failure.CANT_WRITE, "--save-model " + dir + ": cannot write the model (" + e.getMessage() + ")", e);
        }
    }
}
