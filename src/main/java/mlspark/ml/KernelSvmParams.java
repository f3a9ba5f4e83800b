package mlspark.ml;

import java.io.Serializable;
import java.util.function.Consumer;

import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;

import mlspark.kernel.KernelSpec;
import mlspark.svm.dual.WorkingSetSmoSolver;

/**
 * Params of {@link KernelSvmClassifier} and {@link KernelSvmModel}: the kernel SVM's dual QP, as the
 * {@code dual-svm} job solves it; defaults are the assignment's Q4 model (rbf, C = 1, gamma = 0.2).
 * A value outside a Param's domain throws {@link mlspark.errors.InvalidParameterException} naming
 * the Param ({@link ParamRules}; the kernel's own Params by {@link KernelSpec}'s checks).
 */
public interface KernelSvmParams extends HasClassCosts, HasKernel {
    String[] SOLVERS = {"ipm", "smo", "smo-rows", "cascade"};
    String[] BIAS_RULES = {"assignment", "libsvm"};
    String[] KERNEL_PRECISIONS = {"float64", "float32"};

    /** A validator that passes a value {@link KernelSpec}'s check of it accepts (the check throws for the others). */
    final class KernelCheck<T> extends scala.runtime.AbstractFunction1<T, Object> implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Check<T> check;

        interface Check<T> extends Consumer<T>, Serializable {
        }

        private KernelCheck(Check<T> check) {
            this.check = check;
        }

        @SuppressWarnings("unchecked")
        static <T, F> F of(Check<T> check) {
            // Spark's Params take the validator as a Function1 of their (erased) value type
            return (F) new KernelCheck<>(check);
        }

        @Override
        public Object apply(T value) {
            check.accept(value);
            return true;
        }
    }

    /** The Param objects, made once per instance with its uid. */
    record Fields(CostParams costs, KernelParams kernel,
                  Param<String> solver, DoubleParam svThreshold, Param<String> biasRule, DoubleParam tol,
                  IntParam maxIter, IntParam cascadePartitions, BooleanParam probability, Param<String> probabilityCol,
                  LongParam seed, IntParam workingSetSize, Param<String> kernelPrecision) implements Serializable {
        static Fields of(String uid) {
            return new Fields(CostParams.of(uid), new KernelParams(
                    new Param<>(uid, "kernel", "linear (x.z), poly ((gamma x.z + coef0)^degree), rbf "
                            + "(exp(-gamma |x-z|^2)) or sigmoid (tanh(gamma x.z + coef0))",
                            KernelCheck.<String, scala.Function1<String, Object>>of(KernelSpec::checkName)),
                    new Param<>(uid, "gamma", "kernel gamma: a number >= 0, or 'scale' = 1/(D Var(X)) over all "
                            + "training values (scikit-learn)",
                            KernelCheck.<String, scala.Function1<String, Object>>of(KernelSpec::checkGamma)),
                    ParamRules.atLeast(uid, "degree", "degree of the poly kernel (>= 0)", 0),
                    new DoubleParam(uid, "coef0", "coef0 of the poly and sigmoid kernels",
                            KernelCheck.<Double, scala.Function1<Object, Object>>of(KernelSpec::checkCoef0))),
                    ParamRules.oneOf(uid, "solver", "dual QP solver: ipm (interior point, cvxopt's algorithm), smo "
                            + "(LIBSVM's stopping rule and optimum, working sets of workingSetSize points whose kernel "
                            + "rows come by one BLAS block) or smo-rows (LIBSVM's algorithm row by row, for comparison) "
                            + "on the driver, or cascade (Cascade SVM: smo sub-problems on the executors, the training "
                            + "rows are not collected)", SOLVERS),
                    ParamRules.nonNegative(uid, "svThreshold", "support vectors are the a_i > svThreshold (>= 0)"),
                    ParamRules.oneOf(uid, "biasRule", "b: assignment (mean over all support vectors) or libsvm (over the "
                            + "free ones, LIBSVM's rule)", BIAS_RULES),
                    ParamRules.positive(uid, "tol", "SMO stopping tolerance on the maximal violating pair (> 0; "
                            + "LIBSVM's -e), of the cascade's sub-problems and of its check of the whole problem"),
                    ParamRules.atLeast(uid, "maxIter", "iteration limit of the solver, passes of the cascade (>= 1; "
                            + "unset: 100 for ipm, 10^7 pair steps for smo and smo-rows, 20 for cascade); a solver that "
                            + "reaches it fails", 1),
                    ParamRules.atLeast(uid, "cascadePartitions", "sub-problems of the cascade's first layer (>= 1, at "
                            + "most the number of training rows; solver cascade only)", 1),
                    new BooleanParam(uid, "probability", "class probabilities (LIBSVM's -b 1): Platt's sigmoid of each "
                            + "class pair's decision values fitted by 5-fold cross-validation, then pairwise coupling; "
                            + "written to probabilityCol (solvers ipm and smo)"),
                    new Param<>(uid, "probabilityCol", "column of the class probabilities (with probability)"),
                    new LongParam(uid, "seed", "seed of the cross-validation folds of probability"),
                    ParamRules.evenAtLeast(uid, "workingSetSize", "points of smo's working sets, whose kernel rows "
                            + "are computed together (even, >= 2; solvers smo and cascade)", 2),
                    ParamRules.oneOf(uid, "kernelPrecision", "smo's kernel rows: float64, or float32 (LIBSVM's: "
                            + "twice the rows in the cache, dense rows by sgemm; the gradients and sums stay double; "
                            + "solvers smo and cascade)", KERNEL_PRECISIONS));
        }

        /** The defaults: the assignment's Q4 model, solved as the assignment solves it. */
        void setDefaults(KernelSvmParams owner) {
            owner.setDefault(costs.c(), 1.0);
            kernel.setDefaults(owner, "rbf", "0.2", 3, 0.0);
            owner.setDefault(solver, "ipm");
            owner.setDefault(svThreshold, 1e-4);
            owner.setDefault(biasRule, "assignment");
            owner.setDefault(tol, 1e-3);
            owner.setDefault(cascadePartitions, 8);
            owner.setDefault(probability, false);
            owner.setDefault(probabilityCol, "probability");
            owner.setDefault(seed, 0L);
            owner.setDefault(workingSetSize, WorkingSetSmoSolver.Settings.defaults().workingSetSize());
            owner.setDefault(kernelPrecision, WorkingSetSmoSolver.Settings.defaults().kernelPrecision().paramValue());
        }
    }

    Fields kernelSvmFields();

    @Override
    default CostParams costParams() {
        return kernelSvmFields().costs();
    }

    @Override
    default KernelParams kernelParams() {
        return kernelSvmFields().kernel();
    }





    default Param<String> solver() {
        return kernelSvmFields().solver();
    }

    default DoubleParam svThreshold() {
        return kernelSvmFields().svThreshold();
    }

    default Param<String> biasRule() {
        return kernelSvmFields().biasRule();
    }

    default DoubleParam tol() {
        return kernelSvmFields().tol();
    }

    default IntParam maxIter() {
        return kernelSvmFields().maxIter();
    }

    default IntParam cascadePartitions() {
        return kernelSvmFields().cascadePartitions();
    }

    default BooleanParam probability() {
        return kernelSvmFields().probability();
    }

    default Param<String> probabilityCol() {
        return kernelSvmFields().probabilityCol();
    }

    default LongParam seed() {
        return kernelSvmFields().seed();
    }

    default boolean getProbability() {
        return (Boolean) getOrDefault(probability());
    }

    default String getProbabilityCol() {
        return getOrDefault(probabilityCol());
    }

    default long getSeed() {
        return (Long) getOrDefault(seed());
    }

    default IntParam workingSetSize() {
        return kernelSvmFields().workingSetSize();
    }

    default int getWorkingSetSize() {
        return (Integer) getOrDefault(workingSetSize());
    }

    default Param<String> kernelPrecision() {
        return kernelSvmFields().kernelPrecision();
    }

    default String getKernelPrecision() {
        return getOrDefault(kernelPrecision());
    }





    default String getSolver() {
        return getOrDefault(solver());
    }

    default double getSvThreshold() {
        return (Double) getOrDefault(svThreshold());
    }

    default String getBiasRule() {
        return getOrDefault(biasRule());
    }

    default double getTol() {
        return (Double) getOrDefault(tol());
    }

    default int getCascadePartitions() {
        return (Integer) getOrDefault(cascadePartitions());
    }

    /** The iteration limit, or null for the solver's own default. */
    default Integer getMaxIter() {
        return isDefined(maxIter()) ? (Integer) getOrDefault(maxIter()) : null;
    }

    /** The kernel as the Params give it (gamma possibly "scale", resolved at training). */
    default KernelSpec kernelSpec() {
        return KernelSpec.parse(getKernel(), getGamma(), getDegree(), getCoef0());
    }
}
