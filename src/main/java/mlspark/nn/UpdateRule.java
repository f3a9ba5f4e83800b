package mlspark.nn;

import java.io.Serializable;

/**
 * A first-order parameter update from a mini-batch gradient. Its state (velocity, moments) is a
 * flat vector of {@link #stateCopies()} parameter-sized parts, so it can be averaged like the
 * parameters themselves (local SGD averages both).
 */
public sealed interface UpdateRule extends Serializable {
    /** How many parameter-sized vectors of state the rule keeps. */
    int stateCopies();

    /** One update of {@code params} (in place) at learning rate {@code lr}; {@code step} counts from 1. */
    void apply(Matrix params, Matrix gradient, Matrix state, double lr, long step);

    default Matrix newState(Matrix params) {
        return params.precision().zeros(1, stateCopies() * params.size());
    }

    /** {@code w -= lr * g}. */
    record Sgd() implements UpdateRule {
        @Override
        public int stateCopies() {
            return 0;
        }

        @Override
        public void apply(Matrix params, Matrix gradient, Matrix state, double lr, long step) {
            params.axpy(-lr, gradient);
        }
    }

    /** {@code v = mu * v - lr * g; w += v} (the assignment's sgd_momentum). */
    record Momentum(double mu) implements UpdateRule {
        @Override
        public int stateCopies() {
            return 1;
        }

        @Override
        public void apply(Matrix params, Matrix gradient, Matrix state, double lr, long step) {
            state.scale(mu);
            state.axpy(-lr, gradient);
            params.axpy(1, state);
        }
    }

    /** Adam (Kingma and Ba 2015) with bias-corrected first and second moments. */
    record Adam(double beta1, double beta2, double epsilon) implements UpdateRule {
        @Override
        public int stateCopies() {
            return 2;
        }

        @Override
        public void apply(Matrix params, Matrix gradient, Matrix state, double lr, long step) {
            int n = params.size();
            double c1 = 1 - Math.pow(beta1, step);
            double c2 = 1 - Math.pow(beta2, step);
            if (params instanceof FloatMatrix) {
                applyFloat(params, gradient, state, lr, c1, c2);
                return;
            }
            for (int i = 0; i < n; i++) {
                double g = gradient.get(i);
                double m = beta1 * state.get(i) + (1 - beta1) * g;
                double v = beta2 * state.get(n + i) + (1 - beta2) * g * g;
                state.set(i, m);
                state.set(n + i, v);
                params.set(i, params.get(i) - lr * (m / c1) / (Math.sqrt(v / c2) + epsilon));
            }
        }

        /** The same update on the float arrays directly: the per-element accessors cost more than the math here. */
        private void applyFloat(Matrix params, Matrix gradient, Matrix state, double lr, double c1, double c2) {
            float[] w = (float[]) params.storage();
            float[] g = (float[]) gradient.storage();
            float[] s = (float[]) state.storage();
            int n = params.size();
            int wo = params.offset;
            int go = gradient.offset;
            int mo = state.offset;
            int vo = state.offset + n;
            float b1 = (float) beta1;
            float b2 = (float) beta2;
            float step = (float) (lr / c1);
            float vScale = (float) (1 / c2);
            float eps = (float) epsilon;
            for (int i = 0; i < n; i++) {
                float gi = g[go + i];
                float m = b1 * s[mo + i] + (1 - b1) * gi;
                float v = b2 * s[vo + i] + (1 - b2) * gi * gi;
                s[mo + i] = m;
                s[vo + i] = v;
                w[wo + i] -= step * m / ((float) Math.sqrt(v * vScale) + eps);
            }
        }
    }
}
