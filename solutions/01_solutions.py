"""Solutions to the exercises of notebook 01 (instructors: delete the solutions/ folder before handing out).

The same text as helpers/exercises/answers.py (a test keeps them equal). Paste a function into its
answer cell, or load them all with
    exec(open("../solutions/01_solutions.py").read())
"""
from helpers import network


def sigmoid_grad(z):
    """sigma'(z) = sigma(z) (1 - sigma(z)), elementwise. z: any shape."""
    s = network.sigmoid(z)
    return s * (1 - s)


def backward(params, cache, y):
    """Gradients of L = 1/2 sum((y_hat - y)^2): {"dW1", "dW2"} and {"db1", "db2"} when params has biases."""
    X, a1, y_hat = cache["X"], cache["a1"], cache["y_hat"]
    d_out = (y_hat - y) * y_hat * (1 - y_hat)        # dL/dz2 (N, 1)
    d_hid = (d_out @ params["W2"].T) * a1 * (1 - a1)  # dL/dz1 (N, H)
    grads = {"dW1": X.T @ d_hid, "dW2": a1.T @ d_out}
    if "b1" in params:
        grads["db1"] = d_hid.sum(axis=0, keepdims=True)
        grads["db2"] = d_out.sum(axis=0, keepdims=True)
    return grads


def gradient_step(params, grads, lr):
    """One step of gradient descent: a new dict, every parameter W - lr * dL/dW (params is left as it was)."""
    return {name: value - lr * grads["d" + name] for name, value in params.items()}

# ten times longer steps cross the first plateau sooner, and the loss stays down: it does not diverge
lr5_prediction = "faster"
