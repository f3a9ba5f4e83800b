package mlspark.kernel;

import java.util.List;
import java.util.Locale;

import mlspark.errors.InvalidParameterException;
import mlspark.linalg.DensePoints;
import mlspark.linalg.Points;
import mlspark.linalg.SparsePoints;

/**
 * A kernel as scikit-learn's SVC names it: {@code kernel} (linear, poly, rbf, sigmoid), {@code gamma}
 * (a number >= 0, or "scale" = 1 / (D Var(X)) over all training values), {@code degree} (an integer
 * >= 0) and {@code coef0}. Checked when parsed; gamma "scale" is resolved against the training set.
 */
public record KernelSpec(String name, String gamma, int degree, double coef0) implements java.io.Serializable {
    public static final List<String> NAMES = List.of("linear", "poly", "rbf", "sigmoid");
    public static final String SCALE = "scale";

    /** Checks the parameters, naming the offending one. */
    public static KernelSpec parse(String name, String gamma, int degree, double coef0) {
        String kernel = checkName(name);
        checkGamma(gamma);
        if (degree < 0) {
            throw new InvalidParameterException("degree", "expected an integer >= 0, got " + degree);
        }
        checkCoef0(coef0);
        return new KernelSpec(kernel, gamma, degree, coef0);
    }

    /** Checks that coef0 is a finite number. */
    public static void checkCoef0(double coef0) {
        if (!Double.isFinite(coef0)) {
            throw new InvalidParameterException("coef0", "expected a finite number, got " + coef0);
        }
    }

    /** The kernel's name in lower case, if it is one of {@link #NAMES} (in any case). */
    public static String checkName(String name) {
        String kernel = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (!NAMES.contains(kernel)) {
            throw new InvalidParameterException("kernel", "'" + name + "' is not one of " + String.join(", ", NAMES));
        }
        return kernel;
    }

    /** Checks that gamma is a finite number >= 0 or "scale". */
    public static void checkGamma(String gamma) {
        if (SCALE.equals(gamma)) {
            return;
        }
        double value;
        try {
            value = Double.parseDouble(gamma);
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidParameterException("gamma", "expected a number >= 0 or 'scale', got '" + gamma + "'");
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidParameterException("gamma", "expected a finite number >= 0 or 'scale', got " + gamma);
        }
    }

    /** gamma as a number: the given one, or "scale" computed on {@code trainingX}. */
    public double gammaFor(double[][] trainingX) {
        return gammaFor(new DensePoints(trainingX));
    }

    /** gamma as a number: the given one, or "scale" computed on dense or sparse {@code trainingX}. */
    public double gammaFor(Points trainingX) {
        return SCALE.equals(gamma) ? scaleGamma(trainingX) : Double.parseDouble(gamma);
    }

    /** This kernel with gamma the number {@code gamma} (a "scale" resolved). */
    public KernelSpec withGamma(double gamma) {
        return parse(name, Double.toString(gamma), degree, coef0);
    }

    /** The kernel, gamma resolved against {@code trainingX}. */
    public Kernel kernel(double[][] trainingX) {
        double g = name.equals("linear") ? 0 : gammaFor(trainingX);
        return switch (name) {
            case "linear" -> new LinearKernel();
            case "poly" -> new PolynomialKernel(g, degree, coef0);
            case "rbf" -> new RbfKernel(g);
            case "sigmoid" -> new SigmoidKernel(g, coef0);
            default -> throw new IllegalStateException(name);
        };
    }

    /**
     * scikit-learn's gamma="scale": 1 / (D * X.var()), the population variance of all n*D values
     * (two passes, as NumPy); 1 when that variance is 0.
     */
    public static double scaleGamma(double[][] x) {
        return scaleGamma(new DensePoints(x));
    }

    /** {@link #scaleGamma(double[][])} of dense or sparse points (the zeros of sparse rows counted, not stored). */
    public static double scaleGamma(Points points) {
        int d = points.dimension();
        long count = (long) points.size() * d;
        if (count == 0) {
            return 1.0;
        }
        if (points instanceof SparsePoints sparse) {
            double sum = 0;
            for (double v : sparse.values()) {
                sum += v;
            }
            double mean = sum / count;
            double squares = (count - sparse.values().length) * mean * mean;
            for (double v : sparse.values()) {
                squares += (v - mean) * (v - mean);
            }
            return scaleGamma(d, squares / count);
        }
        double[][] x = ((DensePoints) points).rows();
        double sum = 0;
        for (double[] row : x) {
            for (double v : row) {
                sum += v;
            }
        }
        double mean = sum / count;
        double squares = 0;
        for (double[] row : x) {
            for (double v : row) {
                squares += (v - mean) * (v - mean);
            }
        }
        return scaleGamma(d, squares / count);
    }

    /** gamma="scale" from the population variance of all training values: 1 / (D * variance), 1 when it is 0. */
    public static double scaleGamma(int dimension, double variance) {
        return variance == 0 ? 1.0 : 1.0 / (dimension * variance);
    }
}
