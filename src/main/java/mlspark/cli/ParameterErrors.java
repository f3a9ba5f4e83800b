package mlspark.cli;

import java.util.Map;

import mlspark.errors.InvalidParameterException;
import mlspark.errors.ParameterText;
import mlspark.errors.TrainingFailedException;

/**
 * The one adapter from the domain exceptions of the math and library layers to the command line:
 * an exit code per kind, and each parameter name spelled as the job's flag ({@code "--" + name}
 * unless the job says otherwise, e.g. {@code stepSize -> --eta}).
 */
public final class ParameterErrors {
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

    /** The flag of {@code parameter}: the job's own spelling, else {@code "--" + parameter}. */
    public static String flag(String parameter, Map<String, String> flags) {
        return flags.getOrDefault(parameter, "--" + parameter);
    }

    private static String spell(ParameterText text, Map<String, String> flags) {
        return text.render(p -> flag(p, flags));
    }
}
