# The assignment's primal SVM update as a NumPy loop, on N x D standard-normal data (seeded):
# each epoch takes both gradients at (w, b) over all samples and applies them together.
# Usage: python3 primal_numpy.py N D EPOCHS; prints "seconds_per_epoch S".
import sys
import time

import numpy as np

n, d, epochs = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rng = np.random.default_rng(545)
X = rng.standard_normal((n, d))
y = np.where(X @ rng.uniform(-1, 1, d) + 0.5 * rng.standard_normal(n) > 0, 1.0, -1.0)
C, eta = 5.0, 1e-6
w, b = np.zeros(d), 0.0


def epoch(w, b):
    margin = y * (X @ w + b)
    cy = np.where(margin < 1, C * y, 0.0)
    grad_w = w - X.T @ cy
    grad_b = -cy.sum()
    return w - eta * grad_w, b - eta * grad_b


w, b = epoch(w, b)
start = time.perf_counter()
for _ in range(epochs):
    w, b = epoch(w, b)
print("seconds_per_epoch %.6f" % ((time.perf_counter() - start) / epochs))
