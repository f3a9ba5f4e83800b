package mlspark.data;

/** A training set and a test set of the same dimension; {@code name} identifies the data set. */
public record TrainTest(String name, LabeledData train, LabeledData test) {
    public TrainTest {
        if (train.dimension() != test.dimension()) {
            throw new IllegalArgumentException(name + ": training dimension " + train.dimension()
                    + " differs from test dimension " + test.dimension());
        }
    }
}
