package mlspark.cli;

import mlspark.data.LabeledData;
import mlspark.kernel.KernelSpec;
import picocli.CommandLine.Option;

/** The kernel-approximation options of the primal SVM (a picocli mixin): which features, how many, of which kernel. */
public final class KernelFeatureOptions {
    public static final String NONE = "none";
    public static final String RFF = "rff";
    public static final String NYSTROM = "nystrom";

    @Option(names = "--features", paramLabel = "KIND",
            description = "none (the raw features), rff (random Fourier features of the rbf kernel) or nystrom "
                    + "(Nystrom features from landmarks sampled on the executors) (default: ${DEFAULT-VALUE}).")
    public String features;

    @Option(names = "--components", paramLabel = "M",
            description = "Random features, or Nystrom landmarks (default: ${DEFAULT-VALUE}).")
    public int components;

    @Option(names = "--kernel", paramLabel = "NAME",
            description = "Kernel the features approximate: rbf, or for nystrom also linear, poly, sigmoid "
                    + "(default: ${DEFAULT-VALUE}).")
    public String kernel;

    @Option(names = "--gamma", paramLabel = "G|scale", description = "Kernel gamma (default: ${DEFAULT-VALUE}).")
    public String gamma;

    @Option(names = "--degree", paramLabel = "D", description = "Degree of the poly kernel (default: ${DEFAULT-VALUE}).")
    public int degree;

    @Option(names = "--coef0", paramLabel = "R", description = "coef0 of the poly and sigmoid kernels (default: ${DEFAULT-VALUE}).")
    public double coef0;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the random features or landmarks (default: ${DEFAULT-VALUE}).")
    public long seed;

    public boolean enabled() {
        return !NONE.equals(features);
    }

    /** Checks the options against the training set; the kernel spec, or null without features. */
    public KernelSpec check(LabeledData train) {
        if (!enabled()) {
            return null;
        }
        if (!RFF.equals(features) && !NYSTROM.equals(features)) {
            throw JobFailure.usage("--features", "'" + features + "' is not one of none, rff, nystrom");
        }
        if (components < 1) {
            throw JobFailure.usage("--components", "expected an integer >= 1, got " + components);
        }
        KernelSpec spec = KernelSpec.parse(kernel, gamma, degree, coef0);
        if (RFF.equals(features) && !spec.name().equals("rbf")) {
            throw JobFailure.usage("--features", "rff approximates the rbf kernel only, got --kernel " + kernel
                    + " (use --features nystrom)");
        }
        if (NYSTROM.equals(features) && components > train.size()) {
            throw JobFailure.usage("--components", components + " Nystrom landmarks for " + train.size()
                    + " training samples; expected at most " + train.size());
        }
        return spec;
    }
}
