package mlspark.svm.primal;

/**
 * The objective E(w,b) after {@code epoch} iterations of a primal SVM's training, and the model then
 * ({@link LinearSvmModel} for two classes, {@link OneVsRestLinearModel} for more); the model only at
 * the epochs a run keeps (those asked for and the last), null at the others: D doubles per epoch
 * would not fit on the driver for large D and many epochs.
 */
public record EpochResult(int epoch, LinearClassifier classifier, double objective) {

    /** The binary model ((w, b) of two classes), or null where none is kept. */
    public LinearSvmModel model() {
        return (LinearSvmModel) classifier;
    }
}
