"""Notebook 03's exercises, one declaration each (read by engine.py; judged in nb03.py)."""
from helpers.exercises import nb03 as nb
from helpers.exercises.engine import Exercise, Mistake, fn
from helpers.exercises.variants import rate_variant

SUCCESS_RATE = Exercise(
    "success_rate", '## The question, and what counts as "solved"', nb.judge_success_rate,
    hints=(
        "Each row of y_hat is one network. A network counts only when all four of its outputs are on the right side "
        "of 0.5; the rate is the fraction of rows that count.",
        "Steps: class = 1 where the output is above 0.5 (exactly 0.5 is class 0); a point is right when its class "
        "equals its target; a row succeeds when all four points are right; rate = successes / number of rows.",
        "Shape: compare y_hat > 0.5 with y > 0.5 to get an (S, 4) array of True/False; reduce each row with .all "
        "along the axis that runs across a row (the one of length 4); return the mean of the S results."),
    answer='''def success_rate(y_hat, y):
    """Fraction of networks (rows of y_hat (S, 4)) with all four outputs on the right side of 0.5. y: (4,)."""
    right = (y_hat > 0.5) == (y > 0.5)
    return right.all(axis=1).mean()
''',
    mistakes=(
        Mistake("r_mean_points", "counted points right (accuracy), not nets",
                "That is the fraction of points classified right (accuracy); a net succeeds only when ALL four "
                "points are right: use .all(axis=1) before the mean.", fn(rate_variant, how="mean")),
        Mistake("r_any", "counted nets with any point right",
                "You counted nets with ANY point right; success needs all four: .all(axis=1), not .any.",
                fn(rate_variant, how="any")),
        Mistake("r_count", "returned a count, not a rate",
                "You returned how many nets succeeded; the rate is that count divided by the number of nets (use "
                ".mean()).", fn(rate_variant, how="count")),
        Mistake("r_axis0", "took .all over the wrong axis",
                "You took .all over axis 0 (over nets, for each point); each ROW is one net, so use .all(axis=1).",
                fn(rate_variant, how="axis0")),
        Mistake("r_ignore_y", "did not compare the outputs with y",
                "You tested y_hat > 0.5 without comparing with y: XOR's targets are 0 for (0,0) and (1,1), so a "
                "point is right when its class (above 0.5 or not) is its target's class.",
                fn(rate_variant, how="ignore_y")),
        Mistake("r_geq", "counted an output of exactly 0.5 as class 1",
                "You counted an output of exactly 0.5 as class 1 (>= 0.5, or np.where on it). In this lab an "
                "output of exactly 0.5 counts as class 0, whatever the target: only outputs above 0.5 are class 1.",
                fn(rate_variant, how="geq")),
        Mistake("r_confident", "asked for confident outputs, not the side of 0.5",
                "You asked for confident outputs, each within some margin of its target. A net with outputs 0.4 and "
                "0.6 on the right sides is right and succeeds: only the side of 0.5 counts (the loss < 0.01 column "
                "of the sweep is the stricter count).", fn(rate_variant, how="confident")),
    ),
    needs={"success_rate": "the answer cell of Exercise 1 (def success_rate)"},
)


H2_PREDICTION = Exercise(
    "h2_prediction", "## Where failed runs get stuck", nb.judge_h2_prediction,
    hints=(
        "Two hidden units can represent XOR (notebook 04 builds such a net by hand), but gradient descent has to "
        "find those weights from a random start, and not every start leads there.",
        "Without biases every hidden unit outputs exactly 0.5 at the input (0, 0), whatever its weights, so the "
        "output there depends only on W2, which must also get the other three corners right.",
        "Sample it: in notebook 01's explorer set hidden = 2, biases off, and count how many of ten seeds get 4 of "
        "4 right. Write that fraction as h2_prediction = a number between 0 and 1."),
    answer='''# two units can represent XOR, but without biases both hidden lines pass through the
# origin and most random starts stall; perhaps one start in five succeeds
h2_prediction = 0.2
''',
    mistakes=(
        Mistake("p_percent", "gave the rate as a percentage",
                "Give the rate as a fraction between 0 and 1, not as a percentage.", lambda: (30, 0.2)),
        Mistake("p_trusted_text", "trusted 'two hidden neurons are sufficient'",
                "You trusted 'two hidden neurons are sufficient'. Two units CAN represent XOR, but gradient descent "
                "finds such weights from few random starts without biases.", lambda: (1.0, 0.1)),
        Mistake("p_never", "predicted that two units never work",
                "You predicted it never works: that is true of ONE hidden unit. With two, XOR is representable and "
                "some starts do find it.", lambda: (0.0, 0.2)),
    ),
    needs={"h2_prediction": "the prediction cell under 'Predict first' near the top (h2_prediction = ...)",
           "tables": "the sweep cell under '## The sweep' (it defines runs and tables)"},
)

EXERCISES = [SUCCESS_RATE, H2_PREDICTION]
