package mlspark.svm.primal;

/**
 * The objective E(w,b) after {@code epoch} iterations of a primal SVM's training, and the model then;
 * the model only at the epochs a run keeps (those asked for and the last), null at the others: D
 * doubles per epoch would not fit on the driver for large D and many epochs.
 */
public record EpochResult(int epoch, LinearSvmModel model, double objective) {
}
