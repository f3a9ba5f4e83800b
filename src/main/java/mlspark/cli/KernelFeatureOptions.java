package mlspark.cli;

import picocli.CommandLine.Option;

/**
 * The kernel-approximation options of the primal SVM (a picocli mixin): which features, how many,
 * of which kernel. Each sets the Param of its name; defaults and help come from the Params.
 */
public final class KernelFeatureOptions {
    @Option(names = "--features", paramLabel = "KIND")
    public String features;

    @Option(names = "--components", paramLabel = "M")
    public Integer components;

    @Option(names = "--kernel", paramLabel = "NAME")
    public String kernel;

    @Option(names = "--gamma", paramLabel = "G|scale")
    public String gamma;

    @Option(names = "--degree", paramLabel = "D")
    public Integer degree;

    @Option(names = "--coef0", paramLabel = "R")
    public Double coef0;

    @Option(names = "--seed", paramLabel = "S")
    public Long seed;
}
