package mlspark.data;

import java.io.Serializable;

/** One labelled sample, the element of the jobs' RDDs; {@code weight} scales its cost (1: unweighted). */
public record Sample(double label, double[] features, double weight) implements Serializable {

    public Sample(double label, double[] features) {
        this(label, features, 1);
    }
}
