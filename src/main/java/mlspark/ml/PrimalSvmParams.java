package mlspark.ml;

import java.io.Serializable;

import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;

import mlspark.optim.StepSchedule;
import mlspark.distributed.SampleBlocks;

/**
 * Params of {@link PrimalSvmClassifier} and {@link PrimalSvmModel}: the assignment's batch gradient
 * descent on E(w,b) = 1/2 |w|^2 + sum_i C_i max(0, 1 - y_i (w.x_i + b)).
 */
public interface PrimalSvmParams extends HasClassCosts {
    String[] SCHEDULES = {"constant", "inverse", "exponential"};

    /** The Param objects, made once per instance with its uid. */
    record Fields(CostParams costs, DoubleParam stepSize, IntParam maxIter, Param<String> schedule, DoubleParam decay,
                  Param<String> weightCol, IntParam blockKib) implements Serializable {
        static Fields of(String uid) {
            return new Fields(CostParams.of(uid),
                    new DoubleParam(uid, "stepSize", "learning rate eta of gradient descent (> 0)", ParamValidators.gt(0)),
                    new IntParam(uid, "maxIter", "epochs of full-batch gradient descent (>= 0)", ParamValidators.gtEq(0)),
                    new Param<>(uid, "schedule", "learning-rate schedule: constant (eta), inverse (eta/(1+decay*t)) "
                            + "or exponential (eta*decay^t, decay > 0)", ParamValidators.inArray(SCHEDULES)),
                    new DoubleParam(uid, "decay", "decay of the inverse or exponential schedule (>= 0)",
                            ParamValidators.gtEq(0)),
                    new Param<>(uid, "weightCol", "column of per-sample cost factors: C_i = C_{y_i} * weight_i "
                            + "(unset or empty: all 1)"),
                    new IntParam(uid, "blockKib", "size of the BLAS blocks of cached samples in KiB (>= 1)",
                            ParamValidators.gtEq(1)));
        }

        /** The assignment's Q2 settings (C = 5, eta = 1e-3, 100 epochs, constant rate). */
        void setDefaults(PrimalSvmParams owner) {
            owner.setDefault(costs.c(), 5.0);
            owner.setDefault(stepSize, 1e-3);
            owner.setDefault(maxIter, 100);
            owner.setDefault(schedule, "constant");
            owner.setDefault(decay, 0.0);
            owner.setDefault(blockKib, SampleBlocks.DEFAULT_BLOCK_KIB);
        }
    }

    Fields primalSvmFields();

    @Override
    default CostParams costParams() {
        return primalSvmFields().costs();
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

    /** The learning rate of each epoch. */
    default StepSchedule stepSchedule() {
        double eta = getStepSize();
        double decay = getDecay();
        return switch (getSchedule()) {
            case "inverse" -> StepSchedule.inverseTime(eta, decay);
            case "exponential" -> {
                if (!(decay > 0)) {
                    throw new IllegalArgumentException("decay: the exponential schedule needs decay > 0, got " + decay);
                }
                yield StepSchedule.exponential(eta, decay);
            }
            default -> StepSchedule.constant(eta);
        };
    }
}
