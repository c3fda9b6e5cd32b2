"""Solutions to the exercises of notebook 05 (instructors: delete the solutions/ folder before handing out)."""
import numpy as np


def ce_delta(y_hat, y):
    """dL/dz2 for L = -sum(y log y_hat + (1 - y) log(1 - y_hat)), y_hat = sigmoid(z2). y_hat, y: (N, 1).

    dL/dy_hat = (y_hat - y) / (y_hat (1 - y_hat)) and dy_hat/dz2 = y_hat (1 - y_hat): the product is y_hat - y.
    """
    return y_hat - y


def tanh_grad(z):
    """d tanh(z) / dz = 1 - tanh(z)^2, elementwise."""
    t = np.tanh(z)
    return 1 - t * t


# a reasoned guess: a relu unit whose input is <= 0 at all four points is dead for good
# (zero gradient), and with only two units a net that loses one is left with a single line,
# which cannot compute XOR
fails_most_prediction = "relu"
