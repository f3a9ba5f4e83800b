package mlspark.cli;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import mlspark.errors.InputException;
import mlspark.errors.InvalidParameterException;
import mlspark.errors.ParameterText;
import mlspark.errors.TrainingFailedException;

/**
 * The one adapter from the domain exceptions of the data, math and library layers to the command
 * line: an exit code per kind, and each parameter name spelled as the job's flag (the job's own
 * spelling, e.g. {@code stepSize -> --eta}, else the name in kebab case: {@code numFeatures ->
 * --num-features}).
 */
public final class ParameterErrors {
    /** An upper-case letter after a lower-case one or a digit: {@code numFeatures}, not {@code C}. */
    private static final Pattern WORD_START = Pattern.compile("(?<=[a-z0-9])[A-Z]");

    private ParameterErrors() {
    }

    /**
     * The failure behind {@code e} (also when Spark wrapped one thrown inside a task): a
     * {@link JobFailure} as it is, a domain exception translated; null for anything else (a bug).
     */
    public static JobFailure jobFailure(Throwable e, Map<String, String> flags) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JobFailure f) {
                return f;
            }
            if (t instanceof InputException i) {
                Failure kind = switch (i.kind()) {
                    case BAD_FORMAT -> Failure.BAD_FORMAT;
                    case NO_INPUT -> Failure.NO_INPUT;
                    case BAD_VALUES -> Failure.BAD_VALUES;
                    case CHECKSUM -> Failure.CHECKSUM;
                };
                return new JobFailure(kind, spell(i.text(), flags), i);
            }
            if (t instanceof InvalidParameterException p) {
                return new JobFailure(Failure.USAGE, spell(p.text(), flags), p);
            }
            if (t instanceof TrainingFailedException f) {
                Failure kind = switch (f.kind()) {
                    case NOT_CONVERGED -> Failure.NOT_CONVERGED;
                    case DIVERGED -> Failure.DIVERGED;
                };
                return new JobFailure(kind, spell(f.text(), flags), f);
            }
        }
        return null;
    }

    /** The flag of {@code parameter}: the job's own spelling, else {@code "--"} and the name in kebab case. */
    public static String flag(String parameter, Map<String, String> flags) {
        return flags.getOrDefault(parameter, "--" + WORD_START.matcher(parameter)
                .replaceAll(m -> "-" + m.group().toLowerCase(Locale.ROOT)));
    }

    private static String spell(ParameterText text, Map<String, String> flags) {
        return text.render(p -> flag(p, flags));
    }
}
