package mlspark.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link Exponentials}' Vector API path; only loaded where the JVM has jdk.incubator.vector. */
final class VectorExponentials {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private VectorExponentials() {
    }

    static void exp(double[] values, int from, int to) {
        int t = from;
        for (int bound = from + SPECIES.loopBound(to - from); t < bound; t += SPECIES.length()) {
            DoubleVector.fromArray(SPECIES, values, t).lanewise(VectorOperators.EXP).intoArray(values, t);
        }
        Exponentials.scalarExp(values, t, to);
    }

    static int lanes() {
        return SPECIES.length();
    }
}
