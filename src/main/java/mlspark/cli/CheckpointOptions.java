package mlspark.cli;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import mlspark.cli.output.Checkpoints;
import mlspark.cli.output.OutputDir;
import mlspark.cli.output.OutputRules;
import mlspark.optim.TrainingState;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/** The checkpoint options of the training jobs (a picocli mixin). */
public final class CheckpointOptions {
    /** Options that do not change what a run computes; every other option must match on --resume. */
    private static final Set<String> NOT_CONFIGURATION = Set.of("--out", "--overwrite", "--data-dir", "--master", "--spark",
            "--verbose", "--checkpoint-every", "--checkpoint-dir", "--resume", "--help", "--version");

    @Option(names = "--checkpoint-every", paramLabel = "K",
            description = "Save the training state every K epochs (0: never; default: ${DEFAULT-VALUE}).")
    public int every;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
            description = "Where checkpoints go (default: .OUT.checkpoint beside --out).")
    public Path dir;

    @Option(names = "--resume", description = "Continue from the checkpoint of an interrupted run with the same options.")
    public boolean resume;

    /**
     * Checks the options and returns the job's checkpoint: its directory follows the rules of
     * outputs and may not be, hold or lie inside {@code out}; one to resume from must exist, be whole
     * and come from a run with the same options; a stale one is removed when the run starts afresh.
     */
    public Checkpoints open(OutputDir out, OutputRules rules, CommandSpec spec, Consumer<String> log) {
        JobFailure.requireNonNegative("--checkpoint-every", every);
        Path place = dir != null ? dir.toAbsolutePath().normalize() : out.localTarget().map(Checkpoints::besideOutput).orElse(null);
        if (place == null && (every > 0 || resume)) {
            throw JobFailure.usage("--checkpoint-dir", "required with checkpoints when --out is not a local path");
        }
        if (place != null) {
            String shown = dir != null ? dir.toString() : place.toString();
            rules.refuseProtected("--checkpoint-dir", shown, place);
            if (out.localTarget().isPresent()) {
                Path target = out.localTarget().get();
                rules.refuseContaining("--checkpoint-dir", shown, place, List.of(target), "the output directory");
                if (place.startsWith(target)) {
                    throw new JobFailure(Failure.CANT_WRITE, "--checkpoint-dir " + shown + ": lies inside --out " + out.target());
                }
            }
            OutputDir.checkPlace("--checkpoint-dir", place, spec.name());
        }
        Checkpoints checkpoints = new Checkpoints(place, spec.name(), configuration(spec));
        if (resume && !checkpoints.exists()) {
            throw JobFailure.noInput(checkpoints.file(), "--resume: no checkpoint to resume from");
        }
        if (resume) {
            checkpoints.verify();
        }
        if (!resume && checkpoints.exists()) {
            log.accept("starting afresh; ignoring the checkpoint " + checkpoints.file() + " (use --resume to continue it)");
            checkpoints.delete();
        }
        return checkpoints;
    }

    /**
     * The state to continue from: with --resume, the checkpoint's (checked by {@link #open}), else
     * none.
     */
    public <S extends TrainingState> S resumeFrom(Checkpoints checkpoints, Class<S> type, Consumer<String> log) {
        if (!resume) {
            return null;
        }
        S from = checkpoints.load(type);
        log.accept("resuming after epoch " + from.epoch() + " from " + checkpoints.file());
        return from;
    }

    /** What the job does with each new training state: saves every --checkpoint-every epochs; null when 0. */
    public <S extends TrainingState> Consumer<S> saver(Checkpoints checkpoints) {
        if (every == 0) {
            return null;
        }
        return state -> {
            if (state.epoch() % every == 0) {
                checkpoints.save(state);
            }
        };
    }

    /**
     * The options that decide what the run computes, as given or defaulted: option name to value. An
     * option renamed to its Param's spelling keeps its old name last ({@code --step-size, --eta}), and
     * that old name keys it here, so that checkpoints of earlier runs still resume.
     */
    static Map<String, String> configuration(CommandSpec spec) {
        Map<String, String> configuration = new TreeMap<>();
        for (OptionSpec option : spec.options()) {
            String name = option.names()[option.names().length - 1];
            if (!NOT_CONFIGURATION.contains(name)) {
                configuration.put(name, text(option.getValue()));
            }
        }
        return configuration;
    }

    private static String text(Object value) {
        if (value == null || !value.getClass().isArray()) {
            return String.valueOf(value);
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Array.getLength(value); i++) {
            s.append(i == 0 ? "" : ",").append(Array.get(value, i));
        }
        return s.toString();
    }
}
