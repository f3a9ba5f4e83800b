package mlspark.cli;

import mlspark.sources.DataSources;
import picocli.CommandLine.Option;

/** The options of {@code libsvm:}, {@code csv:} and {@code parquet:} inputs (a picocli mixin). */
public final class SourceOptions {
    @Option(names = "--num-features", paramLabel = "D",
            description = "Dimension of libsvm: inputs (default: the largest index over the training and test sets).")
    public Integer numFeatures;

    @Option(names = "--features-col", paramLabel = "NAME", description = "Vector column of parquet: inputs (default: features).")
    public String featuresCol;

    @Option(names = "--label-col", paramLabel = "NAME",
            description = "Label column of csv: (default: the last) and parquet: inputs (default: label).")
    public String labelCol;

    /** The checked options. */
    public DataSources.Options options() {
        if (numFeatures != null && numFeatures < 1) {
            throw JobFailure.usage("--num-features", "expected an integer >= 1, got " + numFeatures);
        }
        return new DataSources.Options(numFeatures, featuresCol, labelCol);
    }
}
