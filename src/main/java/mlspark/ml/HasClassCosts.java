package mlspark.ml;

import java.io.Serializable;

import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Params;

import mlspark.svm.ClassCosts;

/**
 * The misclassification costs of the soft-margin SVMs: {@code C}, and per class {@code C0} (label
 * 0 or -1) and {@code C1} (label 1), each {@code C} when unset.
 */
public interface HasClassCosts extends Params {
    /** The Param objects, made once per instance with its uid. */
    record CostParams(DoubleParam c, DoubleParam c0, DoubleParam c1) implements Serializable {
        static CostParams of(String uid) {
            return new CostParams(
                    ParamRules.positive(uid, "C", "cost of a margin violation (> 0)"),
                    ParamRules.positive(uid, "C0", "cost of a margin violation for label 0 or -1 samples (> 0; unset: C)"),
                    ParamRules.positive(uid, "C1", "cost of a margin violation for label 1 samples (> 0; unset: C)"));
        }
    }

    CostParams costParams();

    default DoubleParam C() {
        return costParams().c();
    }

    default DoubleParam C0() {
        return costParams().c0();
    }

    default DoubleParam C1() {
        return costParams().c1();
    }

    default double getC() {
        return (Double) getOrDefault(C());
    }

    default double getC0() {
        return isDefined(C0()) ? (Double) getOrDefault(C0()) : getC();
    }

    default double getC1() {
        return isDefined(C1()) ? (Double) getOrDefault(C1()) : getC();
    }

    /** The costs (C0, C1) in force. */
    default ClassCosts classCosts() {
        return new ClassCosts(getC0(), getC1());
    }
}
