package mlspark.cli;

import java.nio.file.Path;
import java.util.function.Consumer;

import mlspark.errors.JobFailure;
import mlspark.io.Checkpoints;
import picocli.CommandLine.Option;

/** The checkpoint options of the training jobs (a picocli mixin). */
public final class CheckpointOptions {
    @Option(names = "--checkpoint-every", paramLabel = "K",
            description = "Save the training state every K epochs (0: never; default: ${DEFAULT-VALUE}).")
    public int every;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
            description = "Where checkpoints go (default: .OUT.checkpoint beside --out).")
    public Path dir;

    @Option(names = "--resume", description = "Continue from the checkpoint of an interrupted run with the same options.")
    public boolean resume;

    /**
     * Checks the options and returns the job's checkpoint: one to resume from must exist, and a
     * stale one is removed when the run starts afresh.
     */
    public Checkpoints open(Path out, String job, Consumer<String> log) {
        JobFailure.requireNonNegative("--checkpoint-every", every);
        Checkpoints checkpoints = new Checkpoints(dir != null ? dir : Checkpoints.besideOutput(out), job);
        if (resume && !checkpoints.exists()) {
            throw JobFailure.noInput(checkpoints.file(), "--resume: no checkpoint to resume from");
        }
        if (!resume && checkpoints.exists()) {
            log.accept("starting afresh; ignoring the checkpoint " + checkpoints.file() + " (use --resume to continue it)");
            checkpoints.delete();
        }
        return checkpoints;
    }
}
