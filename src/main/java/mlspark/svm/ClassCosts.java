package mlspark.svm;

import java.io.Serializable;

import mlspark.errors.InvalidParameterException;

/**
 * The misclassification cost C_i of each sample: {@code c0} for label -1, {@code c1} for label +1
 * (equal for the ordinary soft-margin SVM). The dual's box is {@code 0 <= alpha_i <= C_i}.
 */
public record ClassCosts(double c0, double c1) implements Serializable {

    public ClassCosts {
        InvalidParameterException.requirePositive("C0", c0);
        InvalidParameterException.requirePositive("C1", c1);
    }

    public static ClassCosts symmetric(double c) {
        InvalidParameterException.requirePositive("C", c);
        return new ClassCosts(c, c);
    }

    public double of(double label) {
        return label > 0 ? c1 : c0;
    }

    public boolean isSymmetric() {
        return c0 == c1;
    }
}
