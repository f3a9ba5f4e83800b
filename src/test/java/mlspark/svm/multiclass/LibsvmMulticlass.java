package mlspark.svm.multiclass;

import java.lang.reflect.Method;

import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/** LIBSVM 3.31's Java port as the tests' oracle: C-SVC with an RBF kernel, class weights, optionally -b 1. */
public final class LibsvmMulticlass {
    private LibsvmMulticlass() {
    }

    /**
     * @param labels       integer-valued labels (LIBSVM casts them to int)
     * @param weightLabels the labels of {@code weights}
     * @param foldSeed     seeds {@code svm.rand} and turns on probabilities (-b 1); null for none
     */
    public static svm_model train(double[][] x, double[] labels, double gamma, double c, int[] weightLabels, double[] weights,
                           double eps, Long foldSeed) {
        svm_parameter param = new svm_parameter();
        param.svm_type = svm_parameter.C_SVC;
        param.kernel_type = svm_parameter.RBF;
        param.gamma = gamma;
        param.C = c;
        param.nr_weight = weightLabels.length;
        param.weight_label = weightLabels.clone();
        param.weight = weights.clone();
        param.eps = eps;
        param.cache_size = 100;
        param.shrinking = 1;
        param.probability = foldSeed == null ? 0 : 1;
        svm_problem problem = new svm_problem();
        problem.l = x.length;
        problem.y = labels.clone();
        problem.x = new svm_node[x.length][];
        for (int i = 0; i < x.length; i++) {
            problem.x[i] = nodes(x[i]);
        }
        String error = svm.svm_check_parameter(problem, param);
        if (error != null) {
            throw new IllegalArgumentException("LIBSVM: " + error);
        }
        svm.svm_set_print_string_function(s -> { });
        if (foldSeed != null) {
            svm.rand.setSeed(foldSeed);
        }
        return svm.svm_train(problem, param);
    }

    public static svm_node[] nodes(double[] x) {
        svm_node[] nodes = new svm_node[x.length];
        for (int j = 0; j < x.length; j++) {
            nodes[j] = new svm_node();
            nodes[j].index = j + 1;
            nodes[j].value = x[j];
        }
        return nodes;
    }

    /** LIBSVM's decision values, in its pair order. */
    public static double[] decisionValues(svm_model model, double[] x) {
        double[] values = new double[model.nr_class * (model.nr_class - 1) / 2];
        svm.svm_predict_values(model, nodes(x), values);
        return values;
    }

    /** LIBSVM's probabilities, in its class order (model.label). */
    public static double[] probabilities(svm_model model, double[] x) {
        double[] p = new double[model.nr_class];
        svm.svm_predict_probability(model, nodes(x), p);
        return p;
    }

    /** LIBSVM's private {@code sigmoid_train}: {A, B}. */
    static double[] sigmoidTrain(double[] decisionValues, double[] labels) throws ReflectiveOperationException {
        Method m = svm.class.getDeclaredMethod("sigmoid_train", int.class, double[].class, double[].class, double[].class);
        m.setAccessible(true);
        double[] ab = new double[2];
        m.invoke(null, decisionValues.length, decisionValues, labels, ab);
        return ab;
    }

    /** LIBSVM's private {@code multiclass_probability}. */
    static double[] multiclassProbability(double[][] r) throws ReflectiveOperationException {
        Method m = svm.class.getDeclaredMethod("multiclass_probability", int.class, double[][].class, double[].class);
        m.setAccessible(true);
        double[] p = new double[r.length];
        m.invoke(null, r.length, r, p);
        return p;
    }
}
