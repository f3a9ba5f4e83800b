package mlspark.svm.primal;

/** The loss {@code l(s)} of a positive slack {@code s = 1 - y h(x)} in a linear SVM's data term (zero where s <= 0). */
public enum MarginLoss {
    /** l(s) = s: the hinge of the soft-margin SVM (the assignment's). */
    HINGE {
        @Override
        public double of(double slack) {
            return slack;
        }

        @Override
        public double derivative(double slack) {
            return 1;
        }
    },
    /** l(s) = s^2: the L2-loss SVM, smooth for quasi-Newton methods. */
    SQUARED_HINGE {
        @Override
        public double of(double slack) {
            return slack * slack;
        }

        @Override
        public double derivative(double slack) {
            return 2 * slack;
        }
    };

    /** l(s) for a slack s > 0. */
    public abstract double of(double slack);

    /** l'(s) for a slack s > 0. */
    public abstract double derivative(double slack);

    /** The hinge, or with {@code squared} the squared hinge. */
    public static MarginLoss of(boolean squared) {
        return squared ? SQUARED_HINGE : HINGE;
    }
}
