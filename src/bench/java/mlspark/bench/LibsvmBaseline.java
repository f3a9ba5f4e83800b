package mlspark.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_print_interface;
import libsvm.svm_problem;
import mlspark.kernel.Kernel;
import mlspark.kernel.KernelSpec;
import mlspark.svm.ClassCosts;

/**
 * LIBSVM's Java port (C-SVC) on a data set: the baseline of the dual bench and the tests' oracle.
 * A kernel with a {@link Kernel#spec} (the four standard ones) maps to LIBSVM's own implementation
 * of it; any other kernel is given as a precomputed Gram matrix. C0/C1 become class weights. The dual objective is the one LIBSVM
 * prints ("obj", the minimized form, negated here).
 */
public final class LibsvmBaseline {
    /**
     * One class pair as LIBSVM reports it when its solver finishes (the Java port's print function; svm-train and
     * scikit-learn's SVC with {@code verbose=True} on the C library's stdout): its iterations, the minimized
     * objective 1/2 a'Qa - e'a and rho.
     */
    public record Pair(int iterations, double objective, double rho) {
        /** "optimization finished" then "obj = X, rho = R" (C-SVC with Cp = Cn prints "nu = ..." between them). */
        private static final Pattern FINISHED = Pattern.compile(
                "optimization finished, #iter = (\\d+)\\R(?:nu = [^\\n]*\\R)?obj = ([^,\\s]+), rho = (\\S+)");

        /** The pairs in {@code output}, in the order LIBSVM solved them: classes i < j of its class order. */
        public static List<Pair> parse(CharSequence output) {
            List<Pair> pairs = new ArrayList<>();
            Matcher m = FINISHED.matcher(output);
            while (m.find()) {
                pairs.add(new Pair(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3))));
            }
            return pairs;
        }
    }

    /**
     * @param dualObjective sum a_i - 1/2 a'Qa as LIBSVM reports it
     * @param alpha         a_i of every training sample (0 for non-support vectors)
     */
    public record Result(svm_model model, Kernel kernel, double[][] trainingX, double dualObjective, double[] alpha,
                         int iterations, double seconds) {
        /** h(x) in this project's convention (positive for label +1). */
        public double decision(double[] x) {
            double[] value = new double[1];
            svm.svm_predict_values(model, nodes(x), value);
            return model.label[0] == 1 ? value[0] : -value[0];
        }

        /** b of h(x) = sum a_s y_s k(x_s, x) + b (LIBSVM's -rho, in this project's sign). */
        public double b() {
            return model.label[0] == 1 ? -model.rho[0] : model.rho[0];
        }

        public double predict(double[] x) {
            return svm.svm_predict(model, nodes(x));
        }

        private svm_node[] nodes(double[] x) {
            if (model.param.kernel_type != svm_parameter.PRECOMPUTED) {
                return dense(x);
            }
            double[] row = new double[trainingX.length];
            for (int j = 0; j < row.length; j++) {
                row[j] = kernel.apply(x, trainingX[j]);
            }
            return precomputed(0, row);
        }
    }

    private LibsvmBaseline() {
    }

    /** Trains with stopping tolerance {@code eps} (LIBSVM -e), shrinking on, a kernel cache of {@code cacheMb}. */
    public static Result train(double[][] x, double[] y, Kernel kernel, ClassCosts costs, double eps, double cacheMb) {
        int n = x.length;
        svm_parameter param = new svm_parameter();
        param.svm_type = svm_parameter.C_SVC;
        param.C = 1;
        param.nr_weight = 2;
        param.weight_label = new int[]{-1, 1};
        param.weight = new double[]{costs.c0(), costs.c1()};
        param.eps = eps;
        param.cache_size = cacheMb;
        param.shrinking = 1;
        svm_problem problem = new svm_problem();
        problem.l = n;
        problem.y = y.clone();
        problem.x = new svm_node[n][];
        KernelSpec spec = kernel.spec().orElse(null);
        param.kernel_type = spec == null ? svm_parameter.PRECOMPUTED : switch (spec.name()) {
            case "linear" -> svm_parameter.LINEAR;
            case "poly" -> svm_parameter.POLY;
            case "rbf" -> svm_parameter.RBF;
            case "sigmoid" -> svm_parameter.SIGMOID;
            default -> throw new IllegalStateException(spec.name());
        };
        if (spec != null) {
            param.gamma = spec.gammaFor(x);
            param.degree = spec.degree();
            param.coef0 = spec.coef0();
        }
        for (int i = 0; i < n; i++) {
            if (param.kernel_type == svm_parameter.PRECOMPUTED) {
                double[] row = new double[n];
                for (int j = 0; j < n; j++) {
                    row[j] = kernel.apply(x[i], x[j]);
                }
                problem.x[i] = precomputed(i + 1, row);
            } else {
                problem.x[i] = dense(x[i]);
            }
        }
        String error = svm.svm_check_parameter(problem, param);
        if (error != null) {
            throw new IllegalArgumentException("LIBSVM: " + error);
        }
        StringBuilder log = new StringBuilder();
        svm.svm_set_print_string_function(log::append);
        long start = System.nanoTime();
        svm_model model = svm.svm_train(problem, param);
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] alpha = new double[n];
        for (int k = 0; k < model.l; k++) {
            alpha[model.sv_indices[k] - 1] = Math.abs(model.sv_coef[0][k]);
        }
        List<Pair> pairs = Pair.parse(log);
        if (pairs.size() != 1) {
            throw new IllegalStateException("LIBSVM printed " + pairs.size() + " finished problems, expected 1: " + log);
        }
        return new Result(model, kernel, x, -pairs.get(0).objective(), alpha, pairs.get(0).iterations(), seconds);
    }

    /**
     * A C-SVC of any number of classes (LIBSVM's one-vs-one) with the RBF kernel, cost C for every class, stopping
     * tolerance {@code eps}, shrinking on, a kernel cache of {@code cacheMb}; LIBSVM's output silenced.
     */
    public static svm_model trainClasses(double[][] x, double[] y, double gamma, double c, double eps, double cacheMb) {
        return trainClasses(x, y, gamma, c, eps, cacheMb, s -> { });
    }

    /** {@link #trainClasses(double[][], double[], double, double, double, double)}, LIBSVM's output to {@code print}. */
    public static svm_model trainClasses(double[][] x, double[] y, double gamma, double c, double eps, double cacheMb,
                                         svm_print_interface print) {
        svm_parameter param = new svm_parameter();
        param.svm_type = svm_parameter.C_SVC;
        param.kernel_type = svm_parameter.RBF;
        param.gamma = gamma;
        param.C = c;
        param.eps = eps;
        param.cache_size = cacheMb;
        param.shrinking = 1;
        param.weight_label = new int[0];
        param.weight = new double[0];
        svm_problem problem = new svm_problem();
        problem.l = x.length;
        problem.y = y.clone();
        problem.x = new svm_node[x.length][];
        for (int i = 0; i < x.length; i++) {
            problem.x[i] = dense(x[i]);
        }
        String error = svm.svm_check_parameter(problem, param);
        if (error != null) {
            throw new IllegalArgumentException("LIBSVM: " + error);
        }
        svm.svm_set_print_string_function(print);
        return svm.svm_train(problem, param);
    }

    /** A dense row as LIBSVM's nodes (indices from 1). */
    public static svm_node[] dense(double[] x) {
        svm_node[] nodes = new svm_node[x.length];
        for (int j = 0; j < x.length; j++) {
            nodes[j] = new svm_node();
            nodes[j].index = j + 1;
            nodes[j].value = x[j];
        }
        return nodes;
    }

    /** LIBSVM's precomputed-kernel row: node 0 holds the sample's serial number, nodes 1..n the kernel values. */
    private static svm_node[] precomputed(int serial, double[] row) {
        svm_node[] nodes = new svm_node[row.length + 1];
        nodes[0] = new svm_node();
        nodes[0].index = 0;
        nodes[0].value = serial;
        for (int j = 0; j < row.length; j++) {
            nodes[j + 1] = new svm_node();
            nodes[j + 1].index = j + 1;
            nodes[j + 1].value = row[j];
        }
        return nodes;
    }
}
