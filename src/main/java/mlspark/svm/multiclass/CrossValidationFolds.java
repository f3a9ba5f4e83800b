package mlspark.svm.multiclass;

import java.util.Random;

/**
 * The folds of LIBSVM's svm_binary_svc_probability: the rows shuffled by a {@link Random} (LIBSVM's Java
 * port draws from its {@code svm.rand}, one shuffle per class pair in pair order), then cut into
 * {@value #FOLDS} consecutive folds of the shuffled order, fold f being positions [f l / 5, (f + 1) l / 5).
 */
public final class CrossValidationFolds {
    public static final int FOLDS = 5;

    private CrossValidationFolds() {
    }

    /** LIBSVM's shuffle: position i swapped with a position drawn uniformly from [i, l). */
    public static int[] permutation(Random rand, int l) {
        int[] perm = new int[l];
        for (int i = 0; i < l; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < l; i++) {
            int j = i + rand.nextInt(l - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    /** The first position of fold {@code fold} (of {@value #FOLDS}) among {@code l} shuffled rows; fold FOLDS gives l. */
    public static int begin(int fold, int l) {
        return (int) ((long) fold * l / FOLDS);
    }
}
