package mlspark.errors;

import java.nio.file.Path;

/**
 * Input a reader cannot take, thrown by the data readers on the driver and in Spark tasks: the
 * source (a file, a URI or a data set's name), the line or field where it went wrong (null when
 * the whole source is), and what was expected. The message is {@code source: field: what}. It
 * carries no exit code and names no flag: where the text names a setting it names the library's
 * parameter ({@code numFeatures}), which a front end respells ({@code mlspark.cli.ParameterErrors}).
 */
public class InputException extends RuntimeException {
    /** What is wrong with the input. */
    public enum Kind {
        /** A format that is wrong: magic, header, dtype, truncation, shape, grammar. */
        BAD_FORMAT,
        /** A file or directory that does not exist or cannot be read. */
        NO_INPUT,
        /** Well-formed input with values that cannot be taken: labels outside the accepted set, NaN or infinity. */
        BAD_VALUES,
        /** A file whose checksum differs from the published one. */
        CHECKSUM
    }

    private final Kind kind;
    private final String source;
    private final String field;
    private final ParameterText what;

    public InputException(Kind kind, String source, String field, ParameterText what, Throwable cause) {
        super(prefix(source, field) + what, cause);
        this.kind = kind;
        this.source = source;
        this.field = field;
        this.what = what;
    }

    public InputException(Kind kind, String source, String field, String what) {
        this(kind, source, field, ParameterText.of(what), null);
    }

    public static InputException badFormat(String source, String field, String what) {
        return new InputException(Kind.BAD_FORMAT, source, field, what);
    }

    public static InputException badFormat(Path file, String field, String what) {
        return badFormat(file.toString(), field, what);
    }

    public static InputException badValues(String source, String field, String what) {
        return new InputException(Kind.BAD_VALUES, source, field, what);
    }

    public static InputException badValues(Path file, String field, String what) {
        return badValues(file.toString(), field, what);
    }

    /** {@code source: what}: the source as a whole is missing or unreadable. */
    public static InputException noInput(String source, String what) {
        return new InputException(Kind.NO_INPUT, source, null, what);
    }

    public static InputException noInput(Path file, String what) {
        return noInput(file.toString(), what);
    }

    /** As {@link #noInput(Path, String)}, with a hint that names parameters ({@code check dataDir}). */
    public static InputException noInput(Path file, ParameterText what) {
        return new InputException(Kind.NO_INPUT, file.toString(), null, what, null);
    }

    /** {@code file: field: what}: a checksum differs from the published one. */
    public static InputException checksum(Path file, String field, String what) {
        return new InputException(Kind.CHECKSUM, file.toString(), field, what);
    }

    public Kind kind() {
        return kind;
    }

    /** The file, URI or data set read. */
    public String source() {
        return source;
    }

    /** The line ({@code line 3}) or field ({@code x_train}) at fault; null when the source as a whole is. */
    public String field() {
        return field;
    }

    /** The whole message, with the parameters it names as pieces a front end can respell. */
    public ParameterText text() {
        return what.prefixed(prefix(source, field));
    }

    private static String prefix(String source, String field) {
        return source + ": " + (field == null ? "" : field + ": ");
    }
}
