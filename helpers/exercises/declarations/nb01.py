"""Notebook 01's exercises, one declaration each (read by engine.py; judged in nb01.py)."""
from helpers.exercises import nb01 as nb
from helpers.exercises.engine import Exercise, Mistake, fn
from helpers.exercises.variants import backward_variant, sigma_prime, step_variant
from helpers.network import sigmoid


def _lr_five_example():
    from helpers import train  # late: only the tests need a real run
    return "diverges", train.train(**{**train.REFERENCE, "lr": 5.0})



SIGMOID_GRAD = Exercise(
    "sigmoid_grad", "## The backward pass", nb.judge_sigmoid_grad,
    hints=(
        "The slope of the sigmoid can be written with the sigmoid's own value: no new exp is needed.",
        "sigma'(z) = sigma(z) (1 - sigma(z)). At z = 0 that is 0.5 * 0.5 = 0.25, its largest value.",
        "Two lines: compute the sigmoid of z once (network.sigmoid) and keep it in a name; return that value times "
        "one minus it, elementwise (NumPy's * on arrays)."),
    answer='''def sigmoid_grad(z):
    """sigma'(z) = sigma(z) (1 - sigma(z)), elementwise. z: any shape."""
    s = network.sigmoid(z)
    return s * (1 - s)
''',
    mistakes=(
        Mistake("sg_from_z", "wrote z (1 - z) instead of sigma(z) (1 - sigma(z))",
                "You computed z * (1 - z): that formula wants sigma(z), not z, in both places (the slope at z is "
                "written with the sigmoid's value at z).", fn(lambda z: z * (1 - z))),
        Mistake("sg_no_one_minus", "returned sigma(z) without the factor (1 - sigma(z))",
                "You returned sigma(z) itself: the slope also needs the factor (1 - sigma(z)).", fn(sigmoid)),
        Mistake("sg_squared", "computed sigma(z)^2",
                "You computed sigma(z)**2; the slope is sigma(z) * (1 - sigma(z)).", fn(lambda z: sigmoid(z) ** 2)),
        Mistake("sg_sign", "got the sign of sigma' wrong",
                "Right size, wrong sign: sigma rises everywhere, so its slope is positive.",
                fn(lambda z: -sigma_prime(z))),
        Mistake("sg_plus", "wrote (1 + sigma(z)) for (1 - sigma(z))",
                "You computed sigma(z) * (1 + sigma(z)); it is (1 - sigma(z)).",
                fn(lambda z: sigmoid(z) * (1 + sigmoid(z)))),
    ),
    needs={"sigmoid_grad": "the answer cell of Exercise 1 (def sigmoid_grad)"},
)


BACKWARD = Exercise(
    "backward", "## The backward pass", nb.judge_backward,
    hints=(
        "Go from the output back with the chain rule: first the error at z2, then push it back through W2 and the "
        "hidden sigmoid to get the error at z1. Each weight's gradient is the layer's input, transposed, times the "
        "error of the layer it feeds.",
        "delta_2 = (y_hat - y) * sigma'(z2), with sigma'(z2) = y_hat (1 - y_hat); delta_1 = (delta_2 W2^T) * a1 (1 "
        "- a1); dL/dW2 = a1^T delta_2, dL/dW1 = X^T delta_1; a bias gradient is its delta summed over the N "
        "examples.",
        "Shape: take X, a1 and y_hat out of cache; one line for d_out (N, 1); one for d_hid (N, H), with a matrix "
        "product by params['W2'] transposed; a dict with 'dW1' (2, H) and 'dW2' (H, 1); when 'b1' is in params, add "
        "'db1' (1, H) and 'db2' (1, 1), each a sum over axis 0 that keeps two dimensions; return the dict."),
    answer='''def backward(params, cache, y):
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
    mistakes=(
        Mistake("b_no_out_prime", "forgot sigma' in the output delta",
                "The output delta forgot sigma'(z2): you used y_hat - y alone, but dL/dz2 = dL/dy_hat * sigma'(z2), "
                "and sigma'(z2) is written with y_hat (notebook 01's backward pass).",
                fn(backward_variant, out_prime="none")),
        Mistake("b_no_hid_prime", "forgot sigma' in the hidden delta",
                "The hidden delta forgot sigma'(z1): multiply d_out @ W2.T by a1 * (1 - a1).",
                fn(backward_variant, hid_prime="none")),
        Mistake("b_hid_prime_from_z", "computed the hidden sigma' from z1, not a1",
                "The hidden sigma' was computed from z1 (z1 * (1 - z1)); it needs the activation a1 = sigma(z1): a1 "
                "* (1 - a1).", fn(backward_variant, hid_prime="z")),
        Mistake("b_out_prime_from_z", "computed the output sigma' from z2, not y_hat",
                "The output sigma' was computed from z2 (z2 * (1 - z2)); it needs y_hat = sigma(z2): y_hat * (1 - "
                "y_hat).", fn(backward_variant, out_prime="z")),
        Mistake("b_hid_prime_sigma_again", "applied sigma to a1 again in the hidden sigma'",
                "The hidden sigma' applied sigma to a1 again (sigmoid(a1) * (1 - sigmoid(a1))): a1 already IS "
                "sigma(z1), so use a1 * (1 - a1).", fn(backward_variant, hid_prime="again")),
        Mistake("b_sign", "flipped the sign of every gradient (y - y_hat)",
                "Every gradient is -1 times the right one: one factor of the output delta has its sign flipped. "
                "The check cannot tell which: dL/dy_hat is y_hat - y (not y - y_hat), and sigma'(z2) = y_hat (1 - "
                "y_hat) is positive (not y_hat (y_hat - 1)); compare yours with both.",
                fn(backward_variant, sign=-1.0)),
        Mistake("b_mean", "differentiated the mean, not the stated sum",
                "Every gradient is 1/N of the right one: you differentiated the mean; the stated loss L = 1/2 sum "
                "(y_hat - y)^2 is a sum, so do not divide by N.", fn(backward_variant, scale=0.25)),
        Mistake("b_mse", "differentiated the MSE, not L = 1/2 sum (y_hat - y)^2",
                "Every gradient is 2/N times the right one: that is the gradient of the printed MSE, not of L = 1/2 "
                "sum (y_hat - y)^2.", fn(backward_variant, scale=0.5)),
        Mistake("b_no_half", "dropped the 1/2 of the loss (gradients twice too big)",
                "Every gradient is twice the right one: the 1/2 in L = 1/2 sum (y_hat - y)^2 cancels the 2 from the "
                "square.", fn(backward_variant, scale=2.0)),
        Mistake("b_no_W2", "skipped W2 in the hidden delta",
                "The hidden delta skipped W2: the error reaches hidden unit j through its weight W2[j], so use "
                "d_out @ W2.T.", fn(backward_variant, use_W2=False)),
        Mistake("b_dW2_transposed", "transposed dW2",
                "dW2 came out transposed, (1, H): it is a1.T @ d_out, shape (H, 1) like W2.",
                fn(backward_variant, transpose_dW2=True)),
        Mistake("b_dW1_transposed", "transposed dW1",
                "dW1 came out transposed, (H, 2): it is X.T @ d_hid, shape (2, H) like W1.",
                fn(backward_variant, transpose_dW1=True)),
        Mistake("b_dW1_uses_a1", "used a1 where X belongs in dW1",
                "dW1 used a1 where X belongs: W1 multiplies the inputs X, so dW1 = X.T @ d_hid.",
                fn(backward_variant, dW1_input="a1")),
        Mistake("b_bias_not_summed", "did not sum the bias gradients over examples",
                "The bias gradients were not summed over examples: one bias touches every row, so its gradient is "
                "its delta summed over the N examples, one row: (1, H) like b1, and (1, 1) like b2.",
                fn(backward_variant, bias="none")),
        Mistake("b_bias_mean", "averaged the bias gradients instead of summing",
                "The bias gradients are averaged (mean) over examples; the loss is a sum, so sum them.",
                fn(backward_variant, bias="mean")),
        Mistake("b_bias_flat", "lost a dimension of the bias gradients",
                "The bias gradients lost a dimension, e.g. (H,) instead of (1, H): use sum(axis=0, keepdims=True).",
                fn(backward_variant, bias="flat")),
    ),
    needs={"backward": "the answer cell of Exercise 2 (def backward)"},
)


GRADIENT_STEP = Exercise(
    "gradient_step", "## The backward pass", nb.judge_gradient_step,
    hints=(
        "Gradient descent moves every parameter a little downhill, against its own gradient, and leaves the "
        "parameters it was given as they were.",
        "For each name (W1, b1, W2, b2): new value = old value - lr * (the gradient stored under 'd' + name).",
        "Shape: start an empty dict; loop over the names and arrays of params; compute each new array from the old "
        "one and grads['d' + name] with - and * (never -=, which changes the old array); store it under the same "
        "name; return the new dict."),
    answer='''def gradient_step(params, grads, lr):
    """One step of gradient descent: a new dict, every parameter W - lr * dL/dW (params is left as it was)."""
    return {name: value - lr * grads["d" + name] for name, value in params.items()}
''',
    mistakes=(
        Mistake("g_sign", "stepped uphill (W + lr dW)",
                "You stepped uphill: W + lr * dW makes the loss grow; use W - lr * dW.", fn(step_variant, sign=1.0)),
        Mistake("g_lr_twice", "applied the learning rate twice",
                "The learning rate was applied twice (lr * lr * dW): multiply by lr once.",
                fn(step_variant, factor="lr2")),
        Mistake("g_no_lr", "ignored the learning rate",
                "The step ignores the learning rate (W - dW): scale it, W - lr * dW.", fn(step_variant, factor="one")),
        Mistake("g_double_step", "took a step twice as long",
                "The step is twice as long as it should be (W - 2 lr dW): did the update run twice?",
                fn(step_variant, factor="twice")),
        Mistake("g_W1_with_dW2", "updated W1 with W2's gradient",
                "W1 was updated with W2's gradient: each parameter moves with its own gradient, params[name] - lr * "
                "grads['d' + name].", fn(step_variant, W1_grad="dW2")),
        Mistake("g_forgot_biases", "did not update the biases",
                "The biases did not move: update b1 and b2 as well.", fn(step_variant, biases=False)),
        Mistake("g_in_place", "changed the caller's params in place",
                "The new values are right, but your function changed the params it was given (params[name] -= ... "
                "changes the arrays in place) and returned that same dict. The task asks for a NEW dict: a caller "
                "who still holds params (to compare, or to step again from them) must find them unchanged.",
                fn(step_variant, place="same")),
        Mistake("g_in_place_none", "changed params in place and returned None",
                "You changed params in place and returned None. The task asks for a NEW dict, returned, with params "
                "left as they were.", fn(step_variant, place="none")),
        Mistake("g_shallow_copy", "copied the dict but changed its arrays in place",
                "You returned a new dict, but its arrays are the old ones changed in place: dict(params) or "
                "params.copy() copies the dict, not the arrays, so new[name] -= ... changes params too: compute each "
                "new array with - and *, which makes a new array.", fn(step_variant, place="shallow")),
        Mistake("g_same_dict", "stored the new values into the caller's params dict",
                "The new values are right, but they went into the params dict you were given: new = params gives "
                "the same dict a second name, it does not copy it, so new[name] = ... replaced the caller's "
                "parameters. The task asks for a NEW dict, with params left as they were.",
                fn(step_variant, place="dict")),
        Mistake("g_global_lr", "used a learning rate from outside, not the argument lr",
                "The step is the same multiple of every gradient, just not the lr the function was given: does it "
                "read a learning rate set outside it (a name from an earlier cell) instead of its argument lr?",
                fn(step_variant, factor="global")),
    ),
    needs={"gradient_step": "the answer cell of Exercise 3 (def gradient_step)"},
)


LR_FIVE = Exercise(
    "lr_five", "## Reading a run: what went wrong, and what to try", nb.judge_lr_five,
    hints=(
        "The lr = 0.5 run first sits for a long time on a plateau near MSE 0.25, where the gradient is small. What "
        "do ten times longer steps do on a flat stretch?",
        "Each step moves the weights by lr times the gradient. Ask two things: does the flat start get crossed "
        "sooner, and can a step of that size overshoot so far that the loss ends above where it started or far "
        "above its best (the notebook's meaning of 'diverged')?",
        'One line: lr5_prediction = one of the strings "faster", "slower", "same", "stuck", "diverges": the one '
        "you expect, before you see the measurement."),
    answer='''# ten times longer steps cross the first plateau sooner, and the loss stays down: it does not diverge
lr5_prediction = "faster"
''',
    mistakes=(
        Mistake("l_not_diverged", "predicted that lr = 5 diverges",
                'It does not diverge. In this notebook "diverged" means what the explorer\'s status line means: the '
                'loss ends above where it started, or far above its best, as the lr 50 run in "Reading a run" does.',
                _lr_five_example),
    ),
    needs={"lr5_prediction": "the prediction cell of Exercise 4 (lr5_prediction = ...)"},
)

EXERCISES = [SIGMOID_GRAD, BACKWARD, GRADIENT_STEP, LR_FIVE]
