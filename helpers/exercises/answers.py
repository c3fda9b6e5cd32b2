'''The answer to every exercise, as the source a student would write, shown only by solution(name).

The one place the answers are kept: tools/nbgrader_course.py puts them into the instructor notebooks
(nbgrader's solution regions), and the tests run them (namespace below). The sources use the names a
notebook has at its exercises: np, network, Value.
'''
from types import SimpleNamespace

SOLUTIONS = {
    # notebook 01
    "sigmoid_grad": '''def sigmoid_grad(z):
    """sigma'(z) = sigma(z) (1 - sigma(z)), elementwise. z: any shape."""
    s = network.sigmoid(z)
    return s * (1 - s)
''',
    "backward": '''def backward(params, cache, y):
    """Gradients of L = 1/2 sum((y_hat - y)^2): {"dW1", "dW2"} and {"db1", "db2"} when params has biases."""
    X, a1, y_hat = cache["X"], cache["a1"], cache["y_hat"]
    d_out = (y_hat - y) * y_hat * (1 - y_hat)        # dL/dz2 (N, 1)
    d_hid = (d_out @ params["W2"].T) * a1 * (1 - a1)  # dL/dz1 (N, H)
    grads = {"dW1": X.T @ d_hid, "dW2": a1.T @ d_out}
    if "b1" in params:
        grads["db1"] = d_hid.sum(axis=0, keepdims=True)
        grads["db2"] = d_out.sum(axis=0, keepdims=True)
    return grads
''',
    "gradient_step": '''def gradient_step(params, grads, lr):
    """One step of gradient descent: a new dict, every parameter W - lr * dL/dW (params is left as it was)."""
    return {name: value - lr * grads["d" + name] for name, value in params.items()}
''',
    "lr_five": '''# ten times longer steps cross the first plateau sooner, and the loss stays down: it does not diverge
lr5_prediction = "faster"
''',
    # notebook 02
    "and_weights": '''and_weights = (1.0, 1.0, -1.5)  # only 1 + 1 - 1.5 is above 0
''',
    "or_weights": '''or_weights = (1.0, 1.0, -0.5)   # everything but (0,0) is above 0
''',
    "violated": '''def violated(w1, w2, b):
    """The numbers (1..4) of the XOR inequalities that the line w1 x1 + w2 x2 + b = 0 breaks."""
    holds = {1: b < 0, 2: w2 + b > 0, 3: w1 + b > 0, 4: w1 + w2 + b < 0}
    return [k for k, ok in holds.items() if not ok]
''',
    # notebook 03
    "success_rate": '''def success_rate(y_hat, y):
    """Fraction of networks (rows of y_hat (S, 4)) with all four outputs on the right side of 0.5. y: (4,)."""
    right = (y_hat > 0.5) == (y > 0.5)
    return right.all(axis=1).mean()
''',
    "h2_prediction": '''# two units can represent XOR, but without biases both hidden lines pass through the
# origin and most random starts stall; perhaps one start in five succeeds
h2_prediction = 0.2
''',
    # notebook 04
    "gate_names": '''# GATE_NET: unit 0 is 1 unless both inputs are 0, unit 1 unless both are 1,
# unit 2 only when both are 1
gate_names = ["OR", "NAND", "AND"]
''',
    "xor_by_hand": '''# XOR = AND(OR, NAND); weights of about 20 keep each sigmoid within 0.0001 of 0 or 1
xor_params = {
    "W1": np.array([[20.0, -20.0],
                    [20.0, -20.0]]),   # column 0: OR, column 1: NAND
    "b1": np.array([[-10.0, 30.0]]),
    "W2": np.array([[20.0], [20.0]]),  # AND of the two hidden units
    "b2": np.array([[-30.0]]),
}
''',
    # notebook 05
    "ce_delta": '''def ce_delta(y_hat, y):
    """dL/dz2 for L = -sum(y log y_hat + (1 - y) log(1 - y_hat)), y_hat = sigmoid(z2). y_hat, y: (N, 1).

    dL/dy_hat = (y_hat - y) / (y_hat (1 - y_hat)) and dy_hat/dz2 = y_hat (1 - y_hat): the product is y_hat - y.
    """
    return y_hat - y
''',
    "tanh_grad": '''def tanh_grad(z):
    """d tanh(z) / dz = 1 - tanh(z)^2, elementwise."""
    t = np.tanh(z)
    return 1 - t * t
''',
    "fails_most": '''# a reasoned guess: a relu unit whose input is <= 0 at all four points is dead for good
# (zero gradient), and with only two units a net that loses one is left with a single line,
# which cannot compute XOR
fails_most_prediction = "relu"
''',
    # notebook 06
    "mul_backward": '''def mul_backward(a, b, out):
    """out = a * b: pass out's gradient back to a and b, adding to what they hold."""
    a.grad += b.data * out.grad  # d(a b)/da = b
    b.grad += a.data * out.grad  # d(a b)/db = a
''',
    "sigmoid_backward": '''def sigmoid_backward(x, out):
    """out = sigmoid(x): out.data is sigma(x), so the slope needs no new exp."""
    x.grad += out.data * (1 - out.data) * out.grad
''',
    "add_backward": '''def add_backward(a, b, out):
    """out = a + b: both local derivatives are 1; += so that x + x gets both shares."""
    a.grad += out.grad
    b.grad += out.grad
''',
    "fan_out": '''# f = (a * b) * (a + c) at a = 2, b = -3, c = 4:
# (a + c) * b through a * b, plus (a * b) * 1 through a + c
fan_out_prediction = (2 + 4) * -3 + (2 * -3) * 1  # -24
a, b, c = Value(2.0), Value(-3.0), Value(4.0)
f = (a * b) * (a + c)
f.backward()
''',
}


def namespace(names) -> SimpleNamespace:
    """What the answers to the exercises `names` define (functions, predictions), run as a notebook runs them."""
    import numpy as np

    from helpers import network
    from helpers.autograd import Value
    found = {"np": np, "network": network, "Value": Value}
    for name in names:
        exec(SOLUTIONS[name], found)
    return SimpleNamespace(**found)
