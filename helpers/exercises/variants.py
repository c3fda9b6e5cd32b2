"""Deliberately wrong variants of the exercises' answers, one switch per known mistake.

A check recognises a mistake by running the variant with that switch on the same inputs as the
student's answer and comparing (the declarations in declarations/ say which switch is which mistake).
With every switch at its default a variant computes the right answer.
"""
import numpy as np

from helpers.network import sigmoid


def sigma_prime(z):
    s = sigmoid(z)
    return s * (1 - s)


def backward_variant(params, cache, y, out_prime="a", hid_prime="a", sign=1.0, scale=1.0, use_W2=True,
                     transpose_dW2=False, transpose_dW1=False, dW1_input="X", bias="sum"):
    """The correct backward pass with switches that each put in one known mistake."""
    X, z1, a1, z2, y_hat = (cache[k] for k in ("X", "z1", "a1", "z2", "y_hat"))
    primes = {"a": lambda z, a: a * (1 - a), "z": lambda z, a: z * (1 - z), "none": lambda z, a: 1.0,
              "again": lambda z, a: sigma_prime(a)}
    d_out = sign * scale * (y_hat - y) * primes[out_prime](z2, y_hat)
    back = d_out @ params["W2"].T if use_W2 else d_out
    d_hid = back * primes[hid_prime](z1, a1)
    inputs = X if dW1_input == "X" else a1
    grads = {"dW1": d_hid.T @ inputs if transpose_dW1 else inputs.T @ d_hid,
             "dW2": d_out.T @ a1 if transpose_dW2 else a1.T @ d_out}
    if "b1" in params:
        reduce = {"sum": lambda d: d.sum(axis=0, keepdims=True), "none": lambda d: d,
                  "mean": lambda d: d.mean(axis=0, keepdims=True), "flat": lambda d: d.sum(axis=0)}[bias]
        grads["db1"], grads["db2"] = reduce(d_hid), reduce(d_out)
    return grads


def step_variant(params, grads, lr, factor="lr", sign=-1.0, W1_grad="dW1", biases=True, place="new"):
    """One gradient-descent step W <- W - lr dL/dW, with switches for known mistakes.

    place: "new" returns a new dict of new arrays; "same" changes params' arrays in place and returns params;
    "none" does that and returns None; "shallow" returns a copy of the dict whose arrays were changed in place;
    "dict" stores new arrays into params itself (new = params; new[name] = ...) and returns it.
    """
    size = {"lr": lr, "lr2": lr * lr, "one": 1.0, "twice": 2 * lr, "global": 0.5}[factor]  # global: the notebook's lr
    new = {} if place == "new" else params if place in ("same", "none", "dict") else dict(params)
    for name, value in list(params.items()):
        g = grads[W1_grad] if name == "W1" else grads["d" + name]
        if place in ("new", "dict"):
            new[name] = value if (name.startswith("b") and not biases) else value + sign * size * g
        elif biases or not name.startswith("b"):
            new[name] += sign * size * g
    return None if place == "none" else new


# a corner with target 0 may lie on the line (z = 0, output exactly 0.5, class 0: helpers.data.THRESHOLD)
INEQUALITIES = {1: "b <= 0", 2: "w2 + b > 0", 3: "w1 + b > 0", 4: "w1 + w2 + b <= 0"}


def violated_variant(w1, w2, b, strict=None, flipped=False, first=1, mask=False):
    """Which of the four XOR inequalities (w1, w2, b) breaks, with switches for known mistakes.

    strict=None is the lab's rule (z = 0 is class 0: (1) and (4) hold at equality, (2) and (3) do not);
    strict=True counts equality as broken everywhere, strict=False as holding everywhere."""
    sides = [b, w2 + b, w1 + b, w1 + w2 + b]
    wants = [-1, 1, 1, -1]  # the sign each needs
    holds = [((s * w > 0) if (strict if strict is not None else w > 0) else (s * w >= 0))
             for s, w in zip(sides, wants)]
    if mask:
        return [not h for h in holds]
    return [i + first for i, h in enumerate(holds) if h == flipped]


def rate_variant(y_hat, y, how="all"):
    """Fraction of networks (rows of y_hat (S, 4)) with every point on the right side of 0.5 (0.5 is class 0)."""
    y_hat, y = np.asarray(y_hat), np.asarray(y)
    right = (y_hat > 0.5) == (y > 0.5)
    if how == "ignore_y":
        right = y_hat > 0.5
    if how == "geq":
        right = (y_hat >= 0.5) == (y > 0.5)
    if how == "confident":
        right = np.abs(y_hat - y) < 0.1
    return {"all": lambda r: r.all(axis=1).mean(), "mean": lambda r: r.mean(), "any": lambda r: r.any(axis=1).mean(),
            "count": lambda r: int(r.all(axis=1).sum()), "axis0": lambda r: r.all(axis=0).mean(),
            "ignore_y": lambda r: r.all(axis=1).mean(), "geq": lambda r: r.all(axis=1).mean(),
            "confident": lambda r: r.all(axis=1).mean()}[how](right)
