package mlspark.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.spark.ml.util.MLWritable;

import mlspark.errors.Failure;
import mlspark.errors.JobFailure;
import mlspark.io.OutputDir;
import picocli.CommandLine.Option;

/** {@code --save-model DIR} of the training jobs (a picocli mixin). */
public final class SaveModelOption {
    @Option(names = "--save-model", paramLabel = "DIR",
            description = "Save the trained model into DIR (Spark ML format: the predict job and the model class's load read it).")
    public Path dir;

    public boolean requested() {
        return dir != null;
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
