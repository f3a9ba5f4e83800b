package mlspark.data;

import java.io.Serializable;

/** One labelled sample, the element of the jobs' RDDs. */
public record Sample(double label, double[] features) implements Serializable {
}
