package mlspark.ml;

import java.io.Serializable;

import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The kernel settings of an estimator: {@code kernel}, {@code gamma} (a number, or {@code scale}
 * resolved on the training data), {@code degree} and {@code coef0}. Each estimator makes the Params
 * with its own docs and checks (the kernel SVM's kernel, or the kernel its features approximate).
 */
public interface HasKernel extends Params {
    /** The Param objects, made once per instance with its uid. */
    record KernelParams(Param<String> kernel, Param<String> gamma, IntParam degree, DoubleParam coef0)
            implements Serializable {
        /** Sets the defaults of the four Params on {@code owner}. */
        void setDefaults(HasKernel owner, String kernelName, String gammaValue, int degreeValue, double coef0Value) {
            owner.setDefault(kernel, kernelName);
            owner.setDefault(gamma, gammaValue);
            owner.setDefault(degree, degreeValue);
            owner.setDefault(coef0, coef0Value);
        }
    }

    KernelParams kernelParams();

    default Param<String> kernel() {
        return kernelParams().kernel();
    }

    default Param<String> gamma() {
        return kernelParams().gamma();
    }

    default IntParam degree() {
        return kernelParams().degree();
    }

    default DoubleParam coef0() {
        return kernelParams().coef0();
    }

    default String getKernel() {
        return getOrDefault(kernel());
    }

    default String getGamma() {
        return getOrDefault(gamma());
    }

    default int getDegree() {
        return (Integer) getOrDefault(degree());
    }

    default double getCoef0() {
        return (Double) getOrDefault(coef0());
    }
}
