package mlspark.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --save-model DIR} of the training jobs (a picocli mixin). */
public final class SaveModelOption {
    @Option(names = "--save-model", paramLabel = "DIR",
            description = "Save the trained model into DIR (Spark ML format: the predict job and the model class's load read it).")
    public Path dir;

    public boolean requested() {
        return dir != null;
    }
}
