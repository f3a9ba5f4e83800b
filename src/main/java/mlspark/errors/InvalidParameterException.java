package mlspark.errors;

/**
 * A parameter outside its domain, thrown by the math and library layers. It names the parameter
 * as the library's Params do ({@code C}, {@code stepSize}), never a command-line flag; a front end
 * respells it ({@code mlspark.cli.ParameterErrors}).
 */
public class InvalidParameterException extends IllegalArgumentException {
    private final String parameter;
    private final ParameterText text;

    /** {@code parameter: message}. */
    public InvalidParameterException(String parameter, String message) {
        this(parameter, ParameterText.of("", parameter, ": " + message));
    }

    /** {@code text}, which names {@code parameter} first and may name others ({@code test: required with data}). */
    public InvalidParameterException(String parameter, ParameterText text) {
        super(text.toString());
        this.parameter = parameter;
        this.text = text;
    }

    public String parameter() {
        return parameter;
    }

    /** The message, with the parameter's name as a piece a front end can respell. */
    public ParameterText text() {
        return text;
    }

    /** {@code value}, unless it is not a finite number > 0. */
    public static double requirePositive(String parameter, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidParameterException(parameter, "expected a finite number > 0, got " + value);
        }
        return value;
    }
}
