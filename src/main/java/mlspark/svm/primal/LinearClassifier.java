package mlspark.svm.primal;

import java.io.Serializable;

/** A primal SVM's model: the binary {@link LinearSvmModel}, or {@link OneVsRestLinearModel} for K >= 3 classes. */
public sealed interface LinearClassifier extends Serializable permits LinearSvmModel, OneVsRestLinearModel {
    int numClasses();

    /** The features it takes. */
    int dimension();

    /** The model of the parameter vector a trainer optimizes: (w, b) for two classes, else (W, b) of K classes. */
    static LinearClassifier fromParameters(double[] parameters, int dimension, int classes) {
        return classes == 2 ? LinearSvmModel.fromParameters(parameters)
                : OneVsRestLinearModel.fromParameters(parameters, dimension, classes);
    }
}
