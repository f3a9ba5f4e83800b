package mlspark.cli.reproduce;

import java.util.List;

import mlspark.kernel.MercerCheck;
import mlspark.ml.KernelSvmClassifier;
import mlspark.ml.PrimalSvmClassifier;
import mlspark.ml.TwoLayerNetClassifier;
import mlspark.mnist.Mnist;

/**
 * The assignment (EECS 545 Homework 3, Q1-Q5), part by part in report order, with its settings as
 * the library's Params; each part names the job that computes the same from the command line.
 */
public final class Assignment {
    private static final String TOY = "hw3/generated_toy";

    public static final List<Part> PARTS = List.of(
            new Part("kernels", "Q1: kernels, the constructions that keep them valid, and the Mercer check", "kernels",
                    List.of(), (context, dir) -> KernelsPart.run(40, 2, 0, MercerCheck.DEFAULT_TOLERANCE, context, dir)),
            new Part("primal", "Q2: primal soft-margin SVM by batch gradient descent (C=5, eta=1e-3)",
                    "primal-svm --data hw3 --epochs 1,3,10,30,100", List.of("hw3/soft_margin_svm_data.npy"),
                    (context, dir) -> PrimalPart.run("hw3", new PrimalSvmClassifier().setC(5).setStepSize(1e-3),
                            new int[]{1, 3, 10, 30, 100}, context, dir)),
            new Part("costs-symmetric", "Q3: costs C0 = C1 = 1 (primal, moons)",
                    "primal-svm --data moons --C0 1 --C1 1 --eta 1e-2 --epochs 200", List.of(TOY),
                    (context, dir) -> PrimalPart.run("moons", new PrimalSvmClassifier().setC0(1).setC1(1).setStepSize(1e-2),
                            new int[]{200}, context, dir)),
            new Part("costs-asymmetric", "Q3: asymmetric costs C0 = 1, C1 = 10 (primal, moons)",
                    "primal-svm --data moons --C0 1 --C1 10 --eta 1e-2 --epochs 200", List.of(TOY),
                    (context, dir) -> PrimalPart.run("moons", new PrimalSvmClassifier().setC0(1).setC1(10).setStepSize(1e-2),
                            new int[]{200}, context, dir)),
            new Part("costs-dual", "Q3: asymmetric costs in the dual, box 0 <= a_i <= C_i (linear kernel, moons)",
                    "dual-svm --data moons --kernel linear --C0 1 --C1 10 --bias-rule libsvm", List.of(TOY),
                    (context, dir) -> DualPart.one("moons",
                            new KernelSvmClassifier().setKernel("linear").setC0(1).setC1(10).setBiasRule("libsvm"), context, dir)),
            new Part("dual", "Q4: kernel SVM dual by quadratic programming, 4 data sets x 4 kernels", "dual-svm --all",
                    List.of(TOY), DualPart::tables),
            new Part("nn", "Q5: two-layer net on MNIST, the assignment's solver", "two-layer-net", List.of("mnist"),
                    (context, dir) -> NetPart.run(TwoLayerNetClassifier.assignment(), Mnist.VALIDATION_SIZE, context, dir)));

    private Assignment() {
    }
}
