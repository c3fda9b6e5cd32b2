"""The hints of every exercise, a ladder of three: 1 the idea, 2 the equation or the step to take,
3 the shape of the code (never the code itself). The answer is in answers.py, shown only by solution(name).
"""
HINTS = {
    # notebook 01
    "sigmoid_grad": [
        "The slope of the sigmoid can be written with the sigmoid's own value: no new exp is needed.",
        "sigma'(z) = sigma(z) (1 - sigma(z)). At z = 0 that is 0.5 * 0.5 = 0.25, its largest value.",
        "Two lines: compute the sigmoid of z once (network.sigmoid) and keep it in a name; return that value times "
        "one minus it, elementwise (NumPy's * on arrays)."],
    "backward": [
        "Go from the output back with the chain rule: first the error at z2, then push it back through W2 and the "
        "hidden sigmoid to get the error at z1. Each weight's gradient is the layer's input, transposed, times the "
        "error of the layer it feeds.",
        "delta_2 = (y_hat - y) * sigma'(z2), with sigma'(z2) = y_hat (1 - y_hat); "
        "delta_1 = (delta_2 W2^T) * a1 (1 - a1); "
        "dL/dW2 = a1^T delta_2, dL/dW1 = X^T delta_1; a bias gradient is its delta summed over the N examples.",
        "Shape: take X, a1 and y_hat out of cache; one line for d_out (N, 1); one for d_hid (N, H), with a matrix "
        "product by params['W2'] transposed; a dict with 'dW1' (2, H) and 'dW2' (H, 1); when 'b1' is in params, add "
        "'db1' (1, H) and 'db2' (1, 1), each a sum over axis 0 that keeps two dimensions; return the dict."],
    "gradient_step": [
        "Gradient descent moves every parameter a little downhill, against its own gradient, and leaves the "
        "parameters it was given as they were.",
        "For each name (W1, b1, W2, b2): new value = old value - lr * (the gradient stored under 'd' + name).",
        "Shape: start an empty dict; loop over the names and arrays of params; compute each new array from the old "
        "one and grads['d' + name] with - and * (never -=, which changes the old array); store it under the same "
        "name; return the new dict."],
    "lr_five": [
        "The lr = 0.5 run first sits for a long time on a plateau near MSE 0.25, where the gradient is small. "
        "What do ten times longer steps do on a flat stretch?",
        "Each step moves the weights by lr times the gradient. Ask two things: does the flat start get crossed "
        "sooner, and can a step of that size overshoot so far that the loss ends above where it started or far "
        "above its best (the notebook's meaning of 'diverged')?",
        "One line: lr5_prediction = one of the strings \"faster\", \"slower\", \"same\", \"stuck\", \"diverges\". "
        "The explorer above lets you try learning rates up to 10 first."],
    # notebook 02
    "and_weights": [
        "The unit says 1 where w1 x1 + w2 x2 + b > 0. AND is 1 on (1,1) only: the line must cut that corner off "
        "from the other three.",
        "Write one inequality per corner: (0,0): b < 0; (0,1): w2 + b < 0; (1,0): w1 + b < 0; (1,1): w1 + w2 + b > 0. "
        "All strict: a corner exactly on the line gives 0.5, neither class.",
        "Shape: and_weights = (w1, w2, b), three numbers that satisfy all four inequalities. Equal positive weights "
        "and a negative b make it easy: how negative must b be?"],
    "or_weights": [
        "The unit says 1 where w1 x1 + w2 x2 + b > 0. OR is 0 on (0,0) only: the line must cut that corner off "
        "from the other three.",
        "Write one inequality per corner: (0,0): b < 0; (0,1): w2 + b > 0; (1,0): w1 + b > 0; (1,1): w1 + w2 + b > 0. "
        "All strict: a corner exactly on the line gives 0.5, neither class.",
        "Shape: or_weights = (w1, w2, b), three numbers that satisfy all four inequalities. Equal positive weights "
        "and a small negative b make it easy: how small must b be?"],
    "violated": [
        "Each inequality says on which side of the line one corner must be. Compute each left-hand side and compare "
        "it with 0.",
        "The left-hand sides are b, w2 + b, w1 + b and w1 + w2 + b; (1) and (4) must be < 0, (2) and (3) > 0. One "
        "that is not strictly true (including exactly 0) is broken.",
        "Shape: start an empty list; four if-statements, one per inequality, each appending its number (1 to 4) "
        "when the inequality does NOT hold; return the list."],
    # notebook 03
    "success_rate": [
        "Each row of y_hat is one network. A network counts only when all four of its outputs are on the right side "
        "of 0.5; the rate is the fraction of rows that count.",
        "Steps: class = 1 where the output is above 0.5 (exactly 0.5 is class 0); a point is right when its class "
        "equals its target; a row succeeds when all four points are right; rate = successes / number of rows.",
        "Shape: compare y_hat > 0.5 with y > 0.5 to get an (S, 4) array of True/False; reduce each row with .all "
        "along the axis that runs across a row (the one of length 4); return the mean of the S results."],
    "h2_prediction": [
        "Two hidden units can represent XOR (notebook 04 builds such a net by hand), but gradient descent has to "
        "find those weights from a random start, and not every start leads there.",
        "Without biases every hidden unit outputs exactly 0.5 at the input (0, 0), whatever its weights, so the "
        "output there depends only on W2, which must also get the other three corners right.",
        "Sample it: in notebook 01's explorer set hidden = 2, biases off, and count how many of ten seeds get 4 of 4 "
        "right. Write that fraction as h2_prediction = a number between 0 and 1."],
    # notebook 04
    "gate_names": [
        "A unit's gate is its truth table: on which of the four inputs is it on (activation above 0.5)?",
        "Read each column of the printed activations from top to bottom, (0,0), (0,1), (1,0), (1,1); write 1 where "
        "it is above 0.5, else 0; look the four bits up in gates.GATE_NAMES (for example (0, 1, 1, 1) is OR).",
        "Shape: gate_names = a list of strings, one per hidden unit in column order, each a name from GATE_NAMES."],
    "xor_by_hand": [
        "XOR(x1, x2) = AND(OR(x1, x2), NAND(x1, x2)): two hidden gates, then one output gate that ANDs them.",
        "A unit is on where its weighted sum plus bias is > 0. OR: b < 0 and each weight + b > 0. NAND: b > 0, "
        "each weight + b > 0, both weights + b < 0. AND of the hidden units: b2 < 0, each W2[j] + b2 < 0, "
        "W2[0] + W2[1] + b2 > 0. Large numbers (tens) keep every sigmoid near 0 or 1.",
        "Shape: a dict of float arrays: 'W1' (2, 2) with column 0 OR's two input weights and column 1 NAND's, "
        "'b1' (1, 2), 'W2' (2, 1), 'b2' (1, 1). Scale the numbers up until every hidden activation is within 0.01 "
        "of 0 or 1."],
    # notebook 06
    "mul_backward": [
        "If out = a * b, how much does out move when a moves a little? And when b does?",
        "d(a b)/da = b and d(a b)/db = a; the chain rule multiplies each by the gradient arriving from above, "
        "out.grad.",
        "Shape: two lines, one per input, each ADDING (not assigning) to that input's .grad the product of its local "
        "derivative (read from the other input's .data) and out.grad; no return."],
    "sigmoid_backward": [
        "The slope of the sigmoid can be written with the sigmoid's own value, and the forward pass has already "
        "computed that value.",
        "sigma'(x) = sigma(x) (1 - sigma(x)), and sigma(x) is out.data; the chain rule multiplies it by out.grad.",
        "Shape: one line that adds to x.grad (never assigns) the slope built from out.data alone, times out.grad; "
        "no return."],
    "add_backward": [
        "Run the buggy version on x + x by hand: what is x.grad after the first line, and after the second?",
        "A Value used twice must receive both shares: each line must add to .grad, not replace it.",
        "Shape: two lines, one per input, each adding to its .grad the local derivative of + (a constant) times "
        "out.grad; no return."],
    "fan_out": [
        "List the paths from f back to a: a is an input of a * b and of a + c.",
        "Along one path, multiply the local derivatives: df/d(a b) * d(a b)/da, and df/d(a + c) * d(a + c)/da. "
        "Then add the paths.",
        "The local derivatives at a = 2, b = -3, c = 4: df/d(a b) is the other factor, a + c; d(a b)/da is b; "
        "df/d(a + c) is the other factor, a b; d(a + c)/da is 1. Shape: fan_out_prediction = one number."],
}
