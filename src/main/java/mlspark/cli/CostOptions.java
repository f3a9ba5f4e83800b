package mlspark.cli;

import picocli.CommandLine.Option;

/**
 * The misclassification costs of the SVM jobs (a picocli mixin): each sets the Param of its name
 * ({@code mlspark.ml.HasClassCosts}), whose default and doc it shows ({@link ParamOptions}).
 */
public final class CostOptions {
    @Option(names = "--C", paramLabel = "C")
    Double c;

    @Option(names = "--C0", paramLabel = "C0")
    Double c0;

    @Option(names = "--C1", paramLabel = "C1")
    Double c1;
}
