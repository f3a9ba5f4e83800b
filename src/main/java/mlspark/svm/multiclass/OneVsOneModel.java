package mlspark.svm.multiclass;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import mlspark.kernel.Kernel;
import mlspark.svm.dual.KernelSvmModel;
import mlspark.linalg.DensePoints;
import mlspark.linalg.Points;

/**
 * A one-vs-one kernel SVM laid out as LIBSVM's model: each support vector once, those of class 0 first, then
 * class 1's, ... (each class's in training order), {@code supportCounts[k]} of class k (LIBSVM's nSV); the
 * decision value of pair (i, j), number p,
 * <pre>
 *   f_p(x) = sum_{s of class i} coefficients[j-1][s] k(x_s, x) + sum_{s of class j} coefficients[i][s] k(x_s, x) + b[p]
 * </pre>
 * (LIBSVM's sv_coef, a_s y_s of the pair's dual; b = -rho). A support vector of one pair that is not one of
 * another pair has coefficient 0 there. The kernel values of a row against the support vectors are computed
 * once for all pairs ({@link #kernelValues}).
 *
 * @param supportIndices the training row of each support vector (LIBSVM's sv_indices, from 0)
 * @param sigmoids       each pair's Platt sigmoid (LIBSVM's probA, probB), null for a model without probabilities
 */
public record OneVsOneModel(Kernel kernel, ClassLabels classes, Points supportVectors, int[] supportIndices,
                            int[] supportCounts, double[][] coefficients, double[] b, PlattSigmoid[] sigmoids)
        implements Serializable {
    /** LIBSVM's min_prob: pairwise probabilities are clipped to [1e-7, 1 - 1e-7] before the coupling. */
    private static final double MIN_PROBABILITY = 1e-7;

    public OneVsOneModel {
        int k = classes.numClasses();
        int pairs = ClassPair.count(k);
        int total = Arrays.stream(supportCounts).sum();
        if (supportCounts.length != k || supportVectors.size() != total || supportIndices.length != total
                || coefficients.length != k - 1 || Arrays.stream(coefficients).anyMatch(c -> c.length != total)
                || b.length != pairs || (sigmoids != null && sigmoids.length != pairs)) {
            throw new IllegalArgumentException("inconsistent one-vs-one model: " + k + " classes, support counts "
                    + Arrays.toString(supportCounts) + ", " + supportVectors.size() + " support vectors, "
                    + supportIndices.length + " indices, " + coefficients.length + " coefficient rows, " + b.length
                    + " biases, " + (sigmoids == null ? "no" : sigmoids.length) + " sigmoids");
        }
    }

    /** The model of the pairs' fits ({@link OneVsOneTrainer#fitPair}, one per pair, in pair order). */
    public static OneVsOneModel of(OneVsOneProblem problem, Kernel kernel, List<PairFit> fits) {
        return of(problem.classes(), IntStream.range(0, problem.size()).map(problem::classOf).toArray(), kernel, fits);
    }

    /**
     * The model of the pairs' fits, one per pair in pair order, wherever they were solved: each support vector
     * once, its features taken from the first pair's model that has it (so the training rows need not be here).
     *
     * @param classOf the class index of each training row (the rows the fits' {@link PairFit#rows} refer to)
     */
    public static OneVsOneModel of(ClassLabels classes, int[] classOf, Kernel kernel, List<PairFit> fits) {
        int k = classes.numClasses();
        List<ClassPair> pairs = ClassPair.all(k);
        if (fits.size() != pairs.size()) {
            throw new IllegalArgumentException(fits.size() + " pair fits for " + pairs.size() + " class pairs");
        }
        // each support vector's first fit and its position among that fit's support vectors
        int[] fitOf = new int[classOf.length];
        int[] positionInFit = new int[classOf.length];
        Arrays.fill(fitOf, -1);
        for (int p = 0; p < fits.size(); p++) {
            if (!fits.get(p).pair().equals(pairs.get(p))) {
                throw new IllegalArgumentException("pair fit " + p + " is of " + fits.get(p).pair() + ", expected "
                        + pairs.get(p));
            }
            int[] rows = fits.get(p).supportRows();
            for (int s = 0; s < rows.length; s++) {
                if (fitOf[rows[s]] < 0) {
                    fitOf[rows[s]] = p;
                    positionInFit[rows[s]] = s;
                }
            }
        }
        int[] supportCounts = new int[k];
        for (int row = 0; row < classOf.length; row++) {
            if (fitOf[row] >= 0) {
                supportCounts[classOf[row]]++;
            }
        }
        int[] next = new int[k];
        for (int c = 1; c < k; c++) {
            next[c] = next[c - 1] + supportCounts[c - 1];
        }
        int total = Arrays.stream(supportCounts).sum();
        int[] position = new int[classOf.length];
        int[] supportIndices = new int[total];
        for (int row = 0; row < classOf.length; row++) {
            if (fitOf[row] >= 0) {
                int s = next[classOf[row]]++;
                position[row] = s;
                supportIndices[s] = row;
            }
        }
        Points supportVectors = supportVectors(fits, supportIndices, fitOf, positionInFit);
        double[][] coefficients = new double[k - 1][total];
        double[] b = new double[pairs.size()];
        boolean probabilities = fits.get(0).sigmoid() != null;
        if (fits.stream().anyMatch(f -> (f.sigmoid() != null) != probabilities)) {
            throw new IllegalArgumentException("some pair fits have a sigmoid and some not");
        }
        PlattSigmoid[] sigmoids = probabilities ? new PlattSigmoid[pairs.size()] : null;
        for (PairFit fit : fits) {
            ClassPair pair = fit.pair();
            KernelSvmModel model = fit.model();
            int[] rows = fit.supportRows();
            for (int s = 0; s < rows.length; s++) {
                int row = rows[s];
                int coefficientRow = classOf[row] == pair.first() ? pair.second() - 1 : pair.first();
                coefficients[coefficientRow][position[row]] = model.coefficients()[s];
            }
            b[pair.index()] = model.b();
            if (probabilities) {
                sigmoids[pair.index()] = fit.sigmoid();
            }
        }
        return new OneVsOneModel(kernel, classes, supportVectors, supportIndices, supportCounts, coefficients, b,
                sigmoids);
    }

    /** The features of the training rows {@code supportIndices}, each from the model of its first fit. */
    private static Points supportVectors(List<PairFit> fits, int[] supportIndices, int[] fitOf, int[] positionInFit) {
        // each fit's share, in the order of supportIndices, then all of them in that order
        int[] shareSize = new int[fits.size()];
        for (int row : supportIndices) {
            shareSize[fitOf[row]]++;
        }
        int[][] share = new int[fits.size()][];
        int[] offset = new int[fits.size() + 1];
        for (int p = 0; p < fits.size(); p++) {
            share[p] = new int[shareSize[p]];
            offset[p + 1] = offset[p] + shareSize[p];
        }
        int[] filled = new int[fits.size()];
        int[] order = new int[supportIndices.length];
        for (int s = 0; s < supportIndices.length; s++) {
            int p = fitOf[supportIndices[s]];
            order[s] = offset[p] + filled[p];
            share[p][filled[p]++] = positionInFit[supportIndices[s]];
        }
        Points[] parts = new Points[fits.size()];
        for (int p = 0; p < fits.size(); p++) {
            parts[p] = fits.get(p).model().supportVectors().subset(share[p]);
        }
        return Points.concat(parts).subset(order);
    }

    public int numClasses() {
        return classes.numClasses();
    }

    /** The number of support vectors (each counted once). */
    public int size() {
        return supportVectors.size();
    }

    public boolean hasProbabilities() {
        return sigmoids != null;
    }

    /** k(x_s, x) for every support vector s, in the model's order. */
    public double[] kernelValues(double[] x) {
        return kernelValues(new DensePoints(new double[][]{x}), 0);
    }

    /** k(x_s, x_i) for every support vector s, in the model's order, and point i of {@code x}. */
    public double[] kernelValues(Points x, int i) {
        double[] values = new double[size()];
        for (int s = 0; s < values.length; s++) {
            values[s] = kernel.apply(supportVectors, s, x, i);
        }
        return values;
    }

    /** The pairs' decision values f_p(x), in pair order. */
    public double[] decisionValues(double[] x) {
        return decisionValuesOfKernelValues(kernelValues(x));
    }

    /** The pairs' decision values f_p(x_i) of point i of {@code x}, in pair order. */
    public double[] decisionValues(Points x, int i) {
        return decisionValuesOfKernelValues(kernelValues(x, i));
    }

    /** The pairs' decision values of a row whose kernel values against the support vectors are given ({@link #kernelValues}). */
    public double[] decisionValuesOfKernelValues(double[] kernelValues) {
        int k = numClasses();
        int[] start = new int[k];
        for (int c = 1; c < k; c++) {
            start[c] = start[c - 1] + supportCounts[c - 1];
        }
        double[] f = new double[ClassPair.count(k)];
        for (ClassPair pair : ClassPair.all(k)) {
            int i = pair.first();
            int j = pair.second();
            double sum = b[pair.index()];
            double[] first = coefficients[j - 1];
            for (int s = start[i]; s < start[i] + supportCounts[i]; s++) {
                sum += first[s] * kernelValues[s];
            }
            double[] second = coefficients[i];
            for (int s = start[j]; s < start[j] + supportCounts[j]; s++) {
                sum += second[s] * kernelValues[s];
            }
            f[pair.index()] = sum;
        }
        return f;
    }

    /** The class index of x by LIBSVM's votes ({@link OneVsOneVoting#winner}). */
    public int predictClass(double[] x) {
        return OneVsOneVoting.winner(decisionValues(x), numClasses());
    }

    /**
     * Class probabilities from a row's decision values, LIBSVM's svm_predict_probability: each pair's sigmoid,
     * clipped to [1e-7, 1 - 1e-7], then {@link PairwiseCoupling}.
     */
    public double[] probabilities(double[] decisionValues) {
        if (sigmoids == null) {
            throw new IllegalStateException("this one-vs-one model was trained without probabilities");
        }
        int k = numClasses();
        double[][] r = new double[k][k];
        for (ClassPair pair : ClassPair.all(k)) {
            double p = clippedProbability(sigmoids[pair.index()], decisionValues[pair.index()]);
            r[pair.first()][pair.second()] = p;
            r[pair.second()][pair.first()] = 1 - p;
        }
        return PairwiseCoupling.probabilities(r);
    }

    /** A pair's probability of its first class as the coupling takes it: the sigmoid's, clipped to [1e-7, 1 - 1e-7]. */
    public static double clippedProbability(PlattSigmoid sigmoid, double decisionValue) {
        return Math.min(Math.max(sigmoid.probability(decisionValue), MIN_PROBABILITY), 1 - MIN_PROBABILITY);
    }
}
