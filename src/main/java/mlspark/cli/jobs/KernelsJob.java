package mlspark.cli.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;

import mlspark.cli.JobFailure;
import mlspark.cli.output.OutputDir;
import mlspark.cli.output.Provenance;
import mlspark.kernel.FeatureMap;
import mlspark.kernel.GaussianTaylorFeatureMap;
import mlspark.kernel.Kernel;
import mlspark.kernel.LinearKernel;
import mlspark.kernel.KernelConstructions;
import mlspark.kernel.PolynomialKernel;
import mlspark.kernel.QuadraticFeatureMap;
import mlspark.kernel.RbfKernel;
import mlspark.cli.metrics.KernelsMetrics;
import mlspark.distributed.DistributedGram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kernels}: the assignment's Q1 on a random sample. Each construction of the kernel algebra
 * gets the Mercer check (symmetric Gram matrix, smallest eigenvalue by LAPACK dsyevd, a witness
 * c'Kc < 0 when it fails); the explicit feature maps are checked against their kernels.
 */
@Command(name = "kernels", mixinStandardHelpOptions = true,
        description = "Kernel constructions: symmetric? positive semidefinite? smallest eigenvalue of the Gram matrix.")
public final class KernelsJob extends SparkJob {
    @Option(names = "--points", paramLabel = "N", description = "Sample size (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--dimension", paramLabel = "D", description = "Dimension of the sample (default: ${DEFAULT-VALUE}).")
    int dimension;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the N(0, I) sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--tolerance", paramLabel = "T",
            description = "PSD when lambda_min >= -T max(1, |lambda_max|) (default: ${DEFAULT-VALUE}).")
    double tolerance;

    private double[][] sample;
    private int partitions;

    @Override
    protected void prepare(Provenance provenance) {
        if (points < 2) {
            throw JobFailure.usage("--points", "expected an integer >= 2, got " + points);
        }
        if (dimension < 1) {
            throw JobFailure.usage("--dimension", "expected an integer >= 1, got " + dimension);
        }
        JobFailure.requirePositive("--tolerance", tolerance);
        partitions = options.partitions(points, this::log);
        sample = KernelConstructions.sample(points, dimension, seed);
    }

    @Override
    protected KernelsMetrics run(JavaSparkContext sc, OutputDir out, Provenance provenance) {
        List<KernelsMetrics.Construction> rows = KernelsMetrics.check(sample, tolerance);
        StringBuilder md = new StringBuilder(KernelsMetrics.markdown(points, dimension, seed, tolerance, rows));

        List<KernelsMetrics.FeatureMapError> maps = featureMapChecks(sc);
        md.append("\nExplicit feature maps against their kernels: |phi(x).phi(z) - k(x, z)| over all pairs of the sample."
                + "\n\n| feature map | kernel | features | max error | mean error |\n|---|---|---:|---:|---:|\n");
        for (KernelsMetrics.FeatureMapError m : maps) {
            md.append(String.format("| %s | %s | %d | %.3e | %.3e |%n", m.map(), m.kernel(), m.features(), m.maxError(),
                    m.meanError()));
        }
        try {
            Files.writeString(out.resolve("table.md"), md);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.print("\n" + md);
        return new KernelsMetrics(points, dimension, seed, tolerance, rows, maps);
    }

    /**
     * phi(x).phi(z) against k(x, z): the quadratic map of (x.z + 1)^2 and Taylor maps of the Gaussian
     * kernel of growing order; the Gram matrices of both sides computed by Spark.
     */
    private List<KernelsMetrics.FeatureMapError> featureMapChecks(JavaSparkContext sc) {
        List<KernelsMetrics.FeatureMapError> out = new ArrayList<>();
        out.add(featureMapCheck(sc, "quadratic", new QuadraticFeatureMap(), QuadraticFeatureMap.features(dimension),
                new PolynomialKernel(1, 2, 1)));
        for (int order : new int[]{1, 2, 4, 8, 12, 16, 24, 32}) {
            GaussianTaylorFeatureMap phi = new GaussianTaylorFeatureMap(dimension, 0.5, order);
            out.add(featureMapCheck(sc, "Taylor, order " + order, phi, phi.features(), new RbfKernel(0.5)));
        }
        return out;
    }

    private KernelsMetrics.FeatureMapError featureMapCheck(JavaSparkContext sc, String name, FeatureMap phi,
                                                           int features, Kernel kernel) {
        double[] exact = DistributedGram.compute(sc, kernel, sample, partitions);
        double[] mapped = DistributedGram.compute(sc, new LinearKernel().after(phi), sample, partitions);
        double worst = 0;
        double sum = 0;
        for (int i = 0; i < exact.length; i++) {
            worst = Math.max(worst, Math.abs(exact[i] - mapped[i]));
            sum += Math.abs(exact[i] - mapped[i]);
        }
        return new KernelsMetrics.FeatureMapError(name, kernel.describe(), features, worst, sum / exact.length);
    }
}
