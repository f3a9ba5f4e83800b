package mlspark.nn;

import java.io.Serializable;
import java.util.Random;

/**
 * The classifier affine - ReLU - affine - softmax. Its parameters W1 (D x H), b1 (H), W2 (H x C)
 * and b2 (C) are views of one flat vector, so a gradient, an optimizer state or a broadcast is one
 * array. {@link #scores} is the assignment's {@code loss(X)}; {@link #loss} its {@code loss(X, y)}.
 * Weight decay is {@code 0.5 * reg * (|W1|^2 + |W2|^2)}, the assignment's convention.
 */
public final class TwoLayerNet implements Serializable {
    /** How the initial weights are drawn; biases start at 0. */
    public enum Init {
        /** N(0, weightScale^2), the assignment's. */
        GAUSSIAN,
        /** N(0, 2 / fan_in) (He et al. 2015), suited to ReLU; ignores weightScale. */
        HE
    }

    /** The loss of a batch and its gradient, laid out like the parameters. */
    public record Loss(double loss, Matrix gradient) {
    }

    private final int inputSize;
    private final int hiddenSize;
    private final int classes;
    private final Matrix params;

    public TwoLayerNet(int inputSize, int hiddenSize, int classes, Matrix params) {
        if (params.size() != parameterCount(inputSize, hiddenSize, classes)) {
            throw new IllegalArgumentException(params.size() + " parameters for a " + inputSize + "-" + hiddenSize
                    + "-" + classes + " net");
        }
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.classes = classes;
        this.params = params;
    }

    public static int parameterCount(int d, int h, int c) {
        long count = (long) d * h + h + (long) h * c + c;
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a " + d + "-" + h + "-" + c + " net has too many parameters");
        }
        return (int) count;
    }

    public static TwoLayerNet initialize(int d, int h, int c, Precision precision, Init init, double weightScale,
                                         long seed) {
        TwoLayerNet net = new TwoLayerNet(d, h, c, precision.zeros(1, parameterCount(d, h, c)));
        Random random = new Random(seed);
        fill(net.w1(), init == Init.HE ? Math.sqrt(2.0 / d) : weightScale, random);
        fill(net.w2(), init == Init.HE ? Math.sqrt(2.0 / h) : weightScale, random);
        return net;
    }

    private static void fill(Matrix w, double std, Random random) {
        for (int i = 0, n = w.size(); i < n; i++) {
            w.set(i, std * random.nextGaussian());
        }
    }

    public int inputSize() {
        return inputSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    public int classes() {
        return classes;
    }

    public Precision precision() {
        return params.precision();
    }

    /** All parameters as one 1 x P vector: W1, b1, W2, b2 in that order. */
    public Matrix params() {
        return params;
    }

    public Matrix w1() {
        return w1(params);
    }

    public Matrix b1() {
        return b1(params);
    }

    public Matrix w2() {
        return w2(params);
    }

    public Matrix b2() {
        return b2(params);
    }

    /** The W1 part of a vector laid out like the parameters (a gradient, a state), and so on. */
    public Matrix w1(Matrix flat) {
        return flat.view(0, inputSize, hiddenSize);
    }

    public Matrix b1(Matrix flat) {
        return flat.view(inputSize * hiddenSize, 1, hiddenSize);
    }

    public Matrix w2(Matrix flat) {
        return flat.view(inputSize * hiddenSize + hiddenSize, hiddenSize, classes);
    }

    public Matrix b2(Matrix flat) {
        return flat.view(inputSize * hiddenSize + hiddenSize + hiddenSize * classes, 1, classes);
    }

    /** A net of the same shape with other parameters. */
    public TwoLayerNet withParams(Matrix newParams) {
        return new TwoLayerNet(inputSize, hiddenSize, classes, newParams);
    }

    public TwoLayerNet copy() {
        return withParams(params.copy());
    }

    /** The class scores of the rows of {@code x} (N x C). */
    public Matrix scores(Matrix x) {
        return Affine.forward(Relu.forwardInPlace(Affine.forward(x, w1(), b1())), w2(), b2());
    }

    /** The mean softmax loss of the batch plus the weight decay, and its gradient. */
    public Loss loss(Matrix x, int[] labels, double reg) {
        Matrix gradient = precision().zeros(1, params.size());
        double loss = addLossGradient(x, labels, 1.0 / x.rows(), gradient) + addWeightDecay(reg, gradient);
        return new Loss(loss, gradient);
    }

    /**
     * The weighted data loss {@code weight * sum_i loss_i} of the rows of {@code x}; its gradient is
     * ADDED to {@code gradient}. With weight 1/B on each part of a batch of B rows the parts sum to
     * the batch mean, wherever they were computed.
     */
    public double addLossGradient(Matrix x, int[] labels, double weight, Matrix gradient) {
        Matrix hidden = Relu.forwardInPlace(Affine.forward(x, w1(), b1()));
        Matrix scores = Affine.forward(hidden, w2(), b2());
        Matrix dScores = precision().zeros(scores.rows(), scores.cols());
        double loss = SoftmaxLoss.loss(scores, labels, weight, dScores);
        Matrix dHidden = Affine.backward(dScores, hidden, w2(), w2(gradient), b2(gradient), true);
        Affine.backward(Relu.backwardInPlace(dHidden, hidden), x, w1(), w1(gradient), b1(gradient), false);
        return loss;
    }

    /** Adds {@code reg * W} to the weight parts of {@code gradient}; returns {@code 0.5 * reg * (|W1|^2 + |W2|^2)}. */
    public double addWeightDecay(double reg, Matrix gradient) {
        if (reg == 0) {
            return 0;
        }
        w1(gradient).axpy(reg, w1());
        w2(gradient).axpy(reg, w2());
        return 0.5 * reg * (w1().sumOfSquares() + w2().sumOfSquares());
    }

    /** How many rows of {@code data} the net classifies correctly (arg max of the scores), in chunks. */
    public int correct(LabeledRows data) {
        int correct = 0;
        int chunk = 2048;
        for (int from = 0; from < data.size(); from += chunk) {
            int to = Math.min(data.size(), from + chunk);
            Matrix s = scores(data.x().rowRange(from, to));
            for (int i = 0; i < to - from; i++) {
                int best = 0;
                for (int j = 1; j < classes; j++) {
                    if (s.get(i, j) > s.get(i, best)) {
                        best = j;
                    }
                }
                if (best == data.labels()[from + i]) {
                    correct++;
                }
            }
        }
        return correct;
    }
}
