package mlspark.ml;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;

import mlspark.data.FeatureBlock;
import mlspark.distributed.SampleBlocks;
import mlspark.errors.InvalidParameterException;
import mlspark.kernel.KernelSpec;
import mlspark.optim.Minimizer;
import mlspark.optim.Optimizer;
import mlspark.optim.StepSchedule;

/**
 * Params of {@link PrimalSvmClassifier} and {@link PrimalSvmModel}: the soft-margin linear SVM
 * E(w,b) = 1/2 |w|^2 + sum_i C_i max(0, 1 - y_i (w.x_i + b)) by an {@link Optimizer}, or by its dual
 * with the bias a feature (cocoa: 1/2 (|w|^2 + w_B^2) + sum_i C_i hinge_i, b = B w_B), on the raw
 * features or on kernel-approximation features of them (random Fourier or Nystrom).
 */
public interface PrimalSvmParams extends HasClassCosts, HasKernel {
    String[] SCHEDULES = {"constant", "inverse", "exponential"};
    String NO_FEATURES = "none";
    String RFF = "rff";
    String NYSTROM = "nystrom";
    String[] FEATURES = {NO_FEATURES, RFF, NYSTROM};
    String[] STORAGES = Arrays.stream(FeatureBlock.Storage.values()).map(s -> s.name().toLowerCase(Locale.ROOT))
            .toArray(String[]::new);
    /** The optimizer that solves the dual (CoCoA+): a value of {@code optimizer} besides the {@link Minimizer}s. */
    String COCOA = "cocoa";
    /** The {@code optimizer} values: the {@link Optimizer}s, then {@link #COCOA}. */
    String[] OPTIMIZERS = java.util.stream.Stream.concat(Arrays.stream(Optimizer.paramValues()), java.util.stream.Stream.of(COCOA))
            .toArray(String[]::new);

    /** The Param objects, made once per instance with its uid. */
    record Fields(CostParams costs, DoubleParam stepSize, IntParam maxIter, Param<String> schedule, DoubleParam decay,
                  Param<String> weightCol, IntParam blockKib, Param<String> optimizer, Param<String> storage,
                  KernelFeatureParams kernelFeatures, DualParams dual) implements Serializable {
        static Fields of(String uid) {
            return new Fields(CostParams.of(uid),
                    ParamRules.positive(uid, "stepSize", "learning rate eta of gradient descent (> 0)"),
                    ParamRules.atLeast(uid, "maxIter", "iterations of the optimizer: epochs of gradient descent, "
                            + "iterations of L-BFGS (>= 0)", 0),
                    ParamRules.oneOf(uid, "schedule", "learning-rate schedule: constant (eta), inverse (eta/(1+decay*t)) "
                            + "or exponential (eta*decay^t, decay > 0)", SCHEDULES),
                    ParamRules.nonNegative(uid, "decay", "decay of the inverse or exponential schedule (>= 0)"),
                    new Param<>(uid, "weightCol", "column of per-sample cost factors: C_i = C_{y_i} * weight_i "
                            + "(unset or empty: all 1)"),
                    ParamRules.atLeast(uid, "blockKib", "size of the BLAS blocks of cached samples in KiB (>= 1)", 1),
                    ParamRules.oneOf(uid, "optimizer", "the optimizer: gd (the assignment's gradient descent on the "
                            + "hinge loss), lbfgs (L-BFGS on the squared hinge, iterations = epochs) or cocoa (CoCoA+ "
                            + "dual coordinate ascent on the hinge loss with the bias a feature, iterations = rounds)",
                            OPTIMIZERS),
                    ParamRules.oneOf(uid, "storage", "values of the cached dense blocks: float64, or float32 (half "
                            + "the memory; sums still in double)", STORAGES),
                    KernelFeatureParams.of(uid), DualParams.of(uid));
        }

        /** The assignment's Q2 settings (C = 5, eta = 1e-3, 100 epochs, constant rate), on the raw features. */
        void setDefaults(PrimalSvmParams owner) {
            owner.setDefault(costs.c(), 5.0);
            owner.setDefault(stepSize, 1e-3);
            owner.setDefault(maxIter, 100);
            owner.setDefault(schedule, "constant");
            owner.setDefault(decay, 0.0);
            owner.setDefault(blockKib, SampleBlocks.DEFAULT_BLOCK_KIB);
            owner.setDefault(optimizer, Optimizer.GD.paramValue());
            owner.setDefault(storage, STORAGES[0]);
            owner.setDefault(kernelFeatures.features(), NO_FEATURES);
            owner.setDefault(kernelFeatures.components(), 1000);
            kernelFeatures.kernel().setDefaults(owner, "rbf", "1", 3, 0.0);
            owner.setDefault(kernelFeatures.seed(), 0L);
            owner.setDefault(dual.biasFeature(), 1.0);
            owner.setDefault(dual.localPasses(), 1);
            owner.setDefault(dual.tol(), 1e-3);
        }
    }

    /** The Params of optimizer cocoa only. */
    record DualParams(DoubleParam biasFeature, IntParam localPasses, DoubleParam tol) implements Serializable {
        static DualParams of(String uid) {
            return new DualParams(
                    ParamRules.nonNegative(uid, "biasFeature", "cocoa: the constant feature B that stands for the bias "
                            + "(b = B w_B, w_B regularized as a weight; 0: no bias) (>= 0)"),
                    ParamRules.atLeast(uid, "localPasses", "cocoa: passes of each partition's dual coordinate ascent "
                            + "over its rows per round (>= 1)", 1),
                    ParamRules.positive(uid, "tol", "cocoa: stop when the duality gap (P - D) / P is at most tol "
                            + "(> 0); gd and lbfgs do not use it"));
        }
    }

    /** The kernel-approximation features the SVM is trained on, and the kernel they approximate. */
    record KernelFeatureParams(Param<String> features, IntParam components, KernelParams kernel, LongParam seed)
            implements Serializable {
        static KernelFeatureParams of(String uid) {
            return new KernelFeatureParams(
                    ParamRules.oneOf(uid, "features", "features the SVM is trained on: none (the raw ones), rff (random Fourier features of the "
                            + "rbf kernel) or nystrom (Nystrom features from landmarks sampled on the executors)", FEATURES),
                    ParamRules.atLeast(uid, "components", "random features, or Nystrom landmarks (>= 1)", 1),
                    new KernelParams(ParamRules.oneOf(uid, "kernel", "kernel the features approximate: rbf, or for nystrom also "
                            + "linear, poly, sigmoid", KernelSpec.NAMES.toArray(new String[0])),
                    ParamRules.gamma(uid, "gamma", "kernel gamma of the features: a number >= 0, or 'scale' = "
                            + "1/(D Var(X)) over all training values (scikit-learn)"),
                    ParamRules.atLeast(uid, "degree", "degree of the poly kernel of the features (>= 0)", 0),
                    ParamRules.finite(uid, "coef0", "coef0 of the poly and sigmoid kernels of the features")),
                    new LongParam(uid, "seed", "seed of the random features or Nystrom landmarks, and of cocoa's "
                            + "coordinate orders"));
        }
    }

    Fields primalSvmFields();

    @Override
    default CostParams costParams() {
        return primalSvmFields().costs();
    }

    @Override
    default KernelParams kernelParams() {
        return primalSvmFields().kernelFeatures().kernel();
    }

    default DoubleParam stepSize() {
        return primalSvmFields().stepSize();
    }

    default IntParam maxIter() {
        return primalSvmFields().maxIter();
    }

    default Param<String> schedule() {
        return primalSvmFields().schedule();
    }

    default DoubleParam decay() {
        return primalSvmFields().decay();
    }

    default Param<String> weightCol() {
        return primalSvmFields().weightCol();
    }

    default IntParam blockKib() {
        return primalSvmFields().blockKib();
    }

    default Param<String> optimizer() {
        return primalSvmFields().optimizer();
    }

    default Param<String> storage() {
        return primalSvmFields().storage();
    }

    default Param<String> features() {
        return primalSvmFields().kernelFeatures().features();
    }

    default IntParam components() {
        return primalSvmFields().kernelFeatures().components();
    }





    default LongParam seed() {
        return primalSvmFields().kernelFeatures().seed();
    }

    default DoubleParam biasFeature() {
        return primalSvmFields().dual().biasFeature();
    }

    default IntParam localPasses() {
        return primalSvmFields().dual().localPasses();
    }

    default DoubleParam tol() {
        return primalSvmFields().dual().tol();
    }

    default double getStepSize() {
        return (Double) getOrDefault(stepSize());
    }

    default int getMaxIter() {
        return (Integer) getOrDefault(maxIter());
    }

    default String getSchedule() {
        return getOrDefault(schedule());
    }

    default double getDecay() {
        return (Double) getOrDefault(decay());
    }

    /** The weight column, or null when unset. */
    default String getWeightCol() {
        return isDefined(weightCol()) ? getOrDefault(weightCol()) : null;
    }

    default int getBlockKib() {
        return (Integer) getOrDefault(blockKib());
    }

    default String getOptimizer() {
        return getOrDefault(optimizer());
    }

    default String getStorage() {
        return getOrDefault(storage());
    }

    default String getFeatures() {
        return getOrDefault(features());
    }

    default int getComponents() {
        return (Integer) getOrDefault(components());
    }





    default long getSeed() {
        return (Long) getOrDefault(seed());
    }

    default double getBiasFeature() {
        return (Double) getOrDefault(biasFeature());
    }

    default int getLocalPasses() {
        return (Integer) getOrDefault(localPasses());
    }

    default double getTol() {
        return (Double) getOrDefault(tol());
    }

    /** Whether the optimizer is cocoa, which solves the dual rather than minimizing E by a {@link Minimizer}. */
    default boolean solvesDual() {
        return COCOA.equals(getOptimizer());
    }

    /** The storage of the cached dense blocks. */
    default FeatureBlock.Storage blockStorage() {
        return FeatureBlock.Storage.valueOf(getStorage().toUpperCase(Locale.ROOT));
    }

    /** The learning rate of each epoch. */
    default StepSchedule stepSchedule() {
        double eta = getStepSize();
        double decay = getDecay();
        return switch (getSchedule()) {
            case "inverse" -> StepSchedule.inverseTime(eta, decay);
            case "exponential" -> StepSchedule.exponential(eta, InvalidParameterException.requirePositive("decay", decay));
            default -> StepSchedule.constant(eta);
        };
    }

    /** A new minimizer of the {@code optimizer} Param, with the step schedule (not for cocoa: {@link #solvesDual()}). */
    default Minimizer minimizer() {
        return Optimizer.of(getOptimizer()).minimizer(stepSchedule());
    }

    /**
     * The kernel the features approximate (gamma possibly "scale"), or null without features; checks
     * the Params that only make sense together.
     */
    default KernelSpec featureKernel() {
        if (NO_FEATURES.equals(getFeatures())) {
            return null;
        }
        KernelSpec spec = KernelSpec.parse(getKernel(), getGamma(), getDegree(), getCoef0());
        if (RFF.equals(getFeatures()) && !spec.name().equals("rbf")) {
            throw new InvalidParameterException("features", "rff approximates the rbf kernel only, got kernel "
                    + getKernel() + " (use features nystrom)");
        }
        return spec;
    }
}
