package mlspark.errors;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A message that names parameters, spelled by whoever shows it: the library's names as they are
 * ({@code C}, {@code maxIter}), a command line its flags ({@code --C}, {@code --max-iterations}).
 * Held as alternating pieces, literal text first, so a value quoted into the text is never taken
 * for a name.
 */
public final class ParameterText implements Serializable {
    private final String[] pieces;

    private ParameterText(String[] pieces) {
        this.pieces = pieces;
    }

    /** {@code of("raise ", "maxIter", " or lower ", "tol")}: literal text at even positions, parameter names at odd ones. */
    public static ParameterText of(String... literalsAndNames) {
        return new ParameterText(literalsAndNames.clone());
    }

    /** This text after the literal {@code literal}. */
    public ParameterText prefixed(String literal) {
        String[] joined = pieces.length == 0 ? new String[]{literal} : pieces.clone();
        if (pieces.length > 0) {
            joined[0] = literal + joined[0];
        }
        return new ParameterText(joined);
    }

    /** The text with each parameter name replaced by {@code spelling.apply(name)}. */
    public String render(UnaryOperator<String> spelling) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces.length; i++) {
            text.append(i % 2 == 0 ? pieces[i] : spelling.apply(pieces[i]));
        }
        return text.toString();
    }

    /** The parameters named, in order. */
    public List<String> parameters() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i < pieces.length; i += 2) {
            names.add(pieces[i]);
        }
        return names;
    }

    /** The text with the parameters' own names. */
    @Override
    public String toString() {
        return render(UnaryOperator.identity());
    }
}
