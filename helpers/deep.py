"""A deep net for notebook 07: L hidden layers of width H, then one sigmoid output, on XOR.

Layers are numbered l = 1 .. L + 1: layer l has weights W{l} and biases b{l}; layers 1 .. L are
hidden (activation f: sigmoid, tanh or relu), layer L + 1 is the output (always a sigmoid). With a0 = X:

    z_l = a_{l-1} W_l + b_l      a_l = f(z_l)             (N, H)   l = 1 .. L
    z_{L+1} = a_L W_{L+1} + b_{L+1}   y_hat = sigmoid(z_{L+1})   (N, 1)

W1 is (2, H), W2 .. W_L are (H, H), W_{L+1} is (H, 1); b_l is (1, fan-out). With L = 1 the names,
shapes and equations are notebook 01's net with biases (helpers/network.py), and so are the gradients
(tests/test_deep.py). The loss is network.py's: L = 1/2 * sum((y_hat - y)^2).

Backward, one loop from the output down (delta_l = dL/dz_l):

    delta_{L+1} = (y_hat - y) * sigma'(z_{L+1})
    dW_l = a_{l-1}^T delta_l      db_l = sum over examples of delta_l
    delta_{l-1} = (delta_l W_l^T) * f'(z_{l-1})

so going down one layer multiplies the signal by W_l^T and by the slope f'. A sigmoid's slope is at
most 1/4: that is the factor notebook 07 measures.

Initial weights, each layer from N(0, s_l^2), with fan_in and fan_out the layer's input and output sizes:
    naive   s = 0.5                              (the lab's start since notebook 01)
    xavier  s = sqrt(2 / (fan_in + fan_out))     (Glorot and Bengio, 2010)
    he      s = sqrt(2 / fan_in)                 (He et al., 2015)
Biases start at 0.
"""
import numpy as np

from helpers.network import sigmoid
from helpers.validate import check_int

ACTIVATIONS = ("sigmoid", "tanh", "relu")
INITS = ("naive", "xavier", "he")
NAIVE_SCALE = 0.5
MAX_DEPTH, MAX_WIDTH = 30, 64


def check_choice(name: str, value, allowed: tuple) -> str:
    """value if it is one of `allowed` (strings), else an error naming the argument and the choices."""
    if not isinstance(value, str) or value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, allowed))}, got {value!r}")
    return value


def activate(activation: str, z: np.ndarray) -> np.ndarray:
    """f(z), elementwise: sigmoid, tanh or relu."""
    if activation == "sigmoid":
        return sigmoid(z)
    if activation == "tanh":
        return np.tanh(z)
    return np.maximum(z, 0.0)


def slope(activation: str, z: np.ndarray, a: np.ndarray) -> np.ndarray:
    """f'(z), elementwise, from z and a = f(z): a (1 - a) for sigmoid, 1 - a^2 for tanh, 1 where z > 0 for relu."""
    if activation == "sigmoid":
        return a * (1 - a)
    if activation == "tanh":
        return 1 - a * a
    return (z > 0).astype(float)


def init_std(init: str, fan_in: int, fan_out: int) -> float:
    """The standard deviation of a layer's initial weights (see the top of this module)."""
    if init == "naive":
        return NAIVE_SCALE
    if init == "xavier":
        return float(np.sqrt(2.0 / (fan_in + fan_out)))
    return float(np.sqrt(2.0 / fan_in))


def sizes(depth: int, width: int) -> list:
    """[2, H, ..., H, 1]: the sizes of a0 .. a_{L+1}; layer l maps sizes[l-1] -> sizes[l]."""
    return [2] + [width] * depth + [1]


def init_params(depth: int = 10, width: int = 8, init: str = "naive", seed: int = 0) -> dict:
    """Random initial parameters from np.random.default_rng(seed): W1, then W2, ..., each layer's weights
    N(0, s_l^2) with s_l = init_std(init, fan_in, fan_out); biases 0. With depth=1 and init="naive" they are
    network.init_params(width, seed, bias=True, scale=0.5)."""
    depth = check_int("depth", depth, 1, MAX_DEPTH)
    width = check_int("width", width, 1, MAX_WIDTH)
    init = check_choice("init", init, INITS)
    seed = check_int("seed", seed, 0, 2**32 - 1)
    rng, n = np.random.default_rng(seed), sizes(depth, width)
    params = {}
    for l in range(1, depth + 2):
        params[f"W{l}"] = rng.normal(0.0, init_std(init, n[l - 1], n[l]), (n[l - 1], n[l]))
    for l in range(1, depth + 2):
        params[f"b{l}"] = np.zeros((1, n[l]))
    return params


def depth_of(params: dict) -> int:
    """L, the number of hidden layers, read from the parameters (W1 .. W_{L+1})."""
    return sum(1 for name in params if name.startswith("W")) - 1


def forward(params: dict, X: np.ndarray, activation: str = "sigmoid") -> tuple:
    """The forward pass. X: (N, 2). Returns (y_hat (N, 1), cache): cache["a"] = [a0 = X, a1, ..., a_L, y_hat]
    and cache["z"] = [None, z1, ..., z_{L+1}], what `backward` needs (index l is layer l)."""
    L = depth_of(params)
    a, z = [X], [None]
    for l in range(1, L + 2):
        z.append(a[l - 1] @ params[f"W{l}"] + params[f"b{l}"])                  # z_l = a_{l-1} W_l + b_l
        a.append(sigmoid(z[l]) if l == L + 1 else activate(activation, z[l]))  # a_l = f(z_l); the output: sigma
    return a[-1], {"a": a, "z": z}


def loss(y: np.ndarray, y_hat: np.ndarray) -> float:
    """L = 1/2 * sum((y_hat - y)^2), as helpers.network.loss. y, y_hat: (N, 1)."""
    return float(0.5 * np.sum((y_hat - y) ** 2))


def backward(params: dict, cache: dict, y: np.ndarray, activation: str = "sigmoid") -> dict:
    """Gradients of L = 1/2 * sum((y_hat - y)^2): {"dW1", "db1", ..., "dW{L+1}", "db{L+1}"}, each the shape
    of its parameter. cache from `forward` with the same activation; y: (N, 1)."""
    a, z = cache["a"], cache["z"]
    L = len(a) - 2
    y_hat = a[-1]
    delta = (y_hat - y) * y_hat * (1 - y_hat)   # delta_{L+1} = dL/dz_{L+1} = (y_hat - y) sigma'(z_{L+1})  (N, 1)
    grads = {}
    for l in range(L + 1, 0, -1):
        grads[f"dW{l}"] = a[l - 1].T @ delta                  # dL/dW_l = a_{l-1}^T delta_l
        grads[f"db{l}"] = delta.sum(axis=0, keepdims=True)    # a bias touches every example: sum over them
        if l > 1:  # delta_{l-1} = (delta_l W_l^T) * f'(z_{l-1})
            delta = (delta @ params[f"W{l}"].T) * slope(activation, z[l - 1], a[l - 1])
    return grads


def deltas(params: dict, X: np.ndarray, y: np.ndarray, activation: str = "sigmoid") -> list:
    """[None, delta_1, ..., delta_{L+1}]: dL/dz_l of every layer, the signal backward carries (N, size)."""
    y_hat, cache = forward(params, X, activation)
    a, z = cache["a"], cache["z"]
    out = [None] * len(a)
    out[-1] = (y_hat - y) * y_hat * (1 - y_hat)
    for l in range(len(a) - 1, 1, -1):
        out[l - 1] = (out[l] @ params[f"W{l}"].T) * slope(activation, z[l - 1], a[l - 1])
    return out


def gradient_norms(params: dict, X: np.ndarray, y: np.ndarray, activation: str = "sigmoid") -> np.ndarray:
    """(L + 1,) the norm sqrt(sum dW_l^2) of each layer's weight gradient, l = 1 .. L + 1 (index l - 1)."""
    grads = backward(params, forward(params, X, activation)[1], y, activation)
    return np.array([np.linalg.norm(grads[f"dW{l}"]) for l in range(1, depth_of(params) + 2)])


def step(params: dict, X: np.ndarray, y: np.ndarray, lr: float, activation: str = "sigmoid") -> tuple:
    """One gradient-descent step: (the MSE before it, the new parameters, the gradients it used)."""
    y_hat, cache = forward(params, X, activation)
    grads = backward(params, cache, y, activation)
    new = {name: value - lr * grads["d" + name] for name, value in params.items()}
    return float(np.mean((y - y_hat) ** 2)), new, grads


def numerical_gradients(params: dict, X: np.ndarray, y: np.ndarray, activation: str = "sigmoid",
                        eps: float = 1e-5) -> dict:
    """Central differences (L(w + eps) - L(w - eps)) / (2 eps) for every parameter entry, as
    helpers.gradcheck does for notebook 01's net: {"dW1": ..., "db1": ..., ...}, shapes as params."""
    params = {name: np.array(value, dtype=float) for name, value in params.items()}
    estimates = {}
    for name, value in params.items():
        g = np.zeros_like(value)
        for i in np.ndindex(value.shape):
            old = value[i]
            value[i] = old + eps
            up = loss(y, forward(params, X, activation)[0])
            value[i] = old - eps
            down = loss(y, forward(params, X, activation)[0])
            value[i] = old
            g[i] = (up - down) / (2 * eps)
        estimates["d" + name] = g
    return estimates
