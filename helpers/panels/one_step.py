"""The step-through panel of notebook 01: one training step, stage by stage, with the real numbers.

    from helpers.panels.one_step import step_through
    step_through()                          # the reference program's initial weights
    step_through(run=some_run, step=2000)   # any run's weights at a recorded step

Pick an input (one of the four, or all four as one batch) and walk through the stages with
Previous / Next or the stage slider. Each stage shows its equation, the helpers line that
computes it, the numbers with their shapes (gradients beside their central-difference
estimates), and the network diagram with the parts that stage involves highlighted.
"""
import html

import ipywidgets as widgets
import numpy as np

from helpers import data
from helpers.analysis import stepthrough
from helpers.network import check_params, init_reference
from helpers.panels.base import Panel
from helpers.panels.setting import Code, as_code
from helpers.pictures.diagram import draw_network
from helpers.train import MAX_LR, Run
from helpers.validate import check_float, check_int, check_Xy


def _all(n: int) -> str:
    return "all four" if n == 4 else f"all {n}"


def _fmt(value: np.ndarray) -> str:
    """A small array as text, 4 decimals, aligned."""
    value = np.asarray(value, dtype=float)
    if value.ndim == 0:
        return f"{float(value):.4f}"
    return np.array2string(value, formatter={"float_kind": lambda v: f"{v: .4f}"}, max_line_width=100)


def format_values(stage: stepthrough.Stage) -> str:
    """The stage's numbers as HTML: each array with its shape; gradients entry by entry
    beside their numerical estimates."""
    lines = []
    for name, value in stage.values.items():
        value = np.asarray(value)
        if name in stage.numeric:
            lines.append(f"{name} {value.shape}:   backprop      numerical")
            for index in np.ndindex(value.shape):
                where = ",".join(str(i) for i in index)
                lines.append(f"  {name}[{where}]  {value[index]: .6f}   {stage.numeric[name][index]: .6f}")
        elif value.ndim == 0:
            lines.append(f"{name} = {_fmt(value)}")
        else:
            body = _fmt(value).replace("\n", "\n    ")
            lines.append(f"{name} {value.shape} =\n    {body}")
    return "<pre style='font-size:12px; line-height:1.3'>" + html.escape("\n".join(lines)) + "</pre>"


def edge_numbers(stage: stepthrough.Stage, params: dict) -> tuple:
    """What the diagram's lines show at this stage: (edges for draw_network, their name, a title part).

    The gradients at dW2 and dW1 (their sign and size, not the weights'), the change each weight
    makes at the update (about lr * gradient: too small to see as a change of width), the
    weights otherwise.
    """
    if stage.key in ("dW2", "dW1"):
        layer = stage.key[-1]
        grads = {name[1:]: stage.values[name] for name in (f"dW{layer}", f"db{layer}") if name in stage.values}
        return grads, "gradients", f"lines: dL/dW{layer}"
    if stage.key == "update":
        change = {name: stage.values[name + " after"] - stage.values[name] for name in params}
        return change, "change", "lines: the change of each weight"
    if stage.key == "loss_after":
        return None, "weights", "weights after the update"
    return None, "weights", "lines: weights"


def _origin(run: Run, step: int) -> dict:
    """A run as step_through's arguments for the setting line: the train(...) call that makes it again
    (a run made by train: its seed and settings say it all), else its weights at `step`, written out."""
    if run.init not in ("random", "reference"):
        return None
    xy = {} if np.array_equal(run.X, data.X) and np.array_equal(run.y, data.y) else {"X": run.X, "y": run.y}
    snapshots = {} if step == run.steps else {"snapshot_steps": [step]}
    arguments = {"hidden": run.hidden, "lr": run.lr, "steps": run.steps, "seed": run.seed, "bias": run.bias,
                 "init": run.init, **xy, **snapshots}
    return {"run": Code("train(" + ", ".join(f"{k}={as_code(v)}" for k, v in arguments.items()) + ")"),
            "step": step}


class StepPanel(Panel):
    """Input choice, Previous/Next, stage slider -> equation, code, numbers, diagram.

    Attributes: example (ToggleButtons), prev and next (Buttons), stage (IntSlider), equation
    (HTMLMath), code and numbers (HTML), status, image; stages (the list on show), current (a Stage).
    """

    def __init__(self, params: dict, X=None, y=None, lr: float = 0.5, example="all", stage: int = 1,
                 source: str = "given weights", origin: dict = None):
        self.params = check_params(params)
        # where the weights came from, as step_through's arguments for the setting line ({}: the reference's)
        self.origin = {"params": self.params} if origin is None else origin
        self.X, self.y = check_Xy(data.X if X is None else X, data.y if y is None else y)
        self.lr = check_float("lr", lr, 0.0, MAX_LR, lo_open=True)
        stepthrough.select(self.X, self.y, example)  # rejects a bad example before any widget exists
        last = len(stepthrough.STAGE_KEYS)
        stage = check_int("stage", stage, 1, last)  # counted from 1, as the status line counts
        self.source = source
        super().__init__(figsize=(4.6, 3.9), dpi=100)  # 100 dpi: 9-pt labels are 9 pt on the screen
        options = [(str(row.astype(int)) if np.all(row == np.round(row)) else str(row), i)
                   for i, row in enumerate(self.X)] + [(_all(len(self.X)), stepthrough.ALL)]
        self.example = widgets.ToggleButtons(options=options, value=example, description="input",
                                             style={"button_width": "70px"})
        self.prev = widgets.Button(description="< Previous", layout=widgets.Layout(width="110px"))
        self.next = widgets.Button(description="Next >", layout=widgets.Layout(width="110px"))
        self.stage = widgets.IntSlider(value=stage, min=1, max=last, description="stage", continuous_update=False)
        self.equation = widgets.HTMLMath(value="")
        self.code = widgets.HTML(value="")
        self.numbers = widgets.HTML(value="")
        controls = widgets.VBox([self.example, widgets.HBox([self.prev, self.next, self.stage])])
        text = widgets.VBox([self.equation, self.code, self.numbers], layout=widgets.Layout(width="560px"))
        self.layout(controls, body=widgets.HBox([self.image, text]))
        self.ax = self.fig.add_axes([0.02, 0.1, 0.96, 0.76])  # room for a two-line title and caption
        self._stages = {}
        self.update = self.safely(self._update)
        self.prev.on_click(self.safely(lambda button: self.go(-1)))
        self.next.on_click(self.safely(lambda button: self.go(+1)))
        self.stage.observe(self.update, names="value")
        self.example.observe(self.update, names="value")
        self.update()

    def call(self) -> tuple:
        data_xy = {} if np.array_equal(self.X, data.X) and np.array_equal(self.y, data.y) else {"X": self.X,
                                                                                               "y": self.y}
        return "step_through", {**self.origin, "example": self.example.value, "stage": self.stage.value,
                                "lr": self.lr, **data_xy}

    @property
    def imports(self) -> tuple:
        return (("helpers.train", "train"),) if "run" in self.origin else ()

    def stages_for(self, example) -> list:
        """The stages for one input choice, computed once."""
        if example not in self._stages:
            self._stages[example] = stepthrough.stages(self.params, self.X, self.y, self.lr, example)
        return self._stages[example]

    def go(self, delta: int) -> None:
        """Move delta stages, clamped to the first and last (the buttons are disabled there too)."""
        self.stage.value = min(max(self.stage.value + delta, self.stage.min), self.stage.max)

    def _update(self, change=None):
        example, k = self.example.value, self.stage.value
        self.stages = self.stages_for(example)
        self.current = stage = self.stages[k - 1]
        self.prev.disabled = k == self.stage.min
        self.next.disabled = k == self.stage.max
        self.equation.value = stage.equation
        code = "\n".join(html.escape(line) for line in stage.code)
        self.code.value = (f"<pre style='font-size:12px; margin:2px 0'>{code}</pre>"
                           f"<span style='color:dimgray; font-size:11px'>{html.escape(stage.where)}</span>")
        self.numbers.value = format_values(stage)
        after = stage.key in ("update", "loss_after")  # from the update on, the diagram shows the new weights
        shown = self.stages[-2].values if after else self.params
        net = {name: shown[name + " after" if after else name] for name in self.params}
        x = None if example == stepthrough.ALL else self.X[example]
        self.ax.clear()
        edges, edge_name, shows = edge_numbers(stage, self.params)
        draw_network(self.ax, net, x=x, highlight=stage.parts, edges=edges, edge_name=edge_name)
        where = "all inputs (pick one for node values)" if x is None else f"input {self.example.label}"
        # the stage is named in the picture too: some stages highlight the same parts
        self.ax.set_title(f"stage {k} of {len(self.stages)}: {stage.title}\n{shows}, {where}", fontsize=9)
        self.show()
        chosen = f"{_all(len(self.X))} inputs" if x is None else f"input {self.example.label}"
        self.status.value = (f"{html.escape(self.source)} &middot; {chosen} &middot; stage <b>{k} of "
                             f"{len(self.stages)}</b>: <b>{stage.key}</b> ({stage.title})")


def step_through(params: dict = None, run: Run = None, step: int = None, example="all", stage: int = 1,
                 lr: float = None, X=None, y=None) -> StepPanel:
    """Show the step-through panel; returns it.

    With no arguments: the reference program's initial weights (network.init_reference()),
    lr 0.5, XOR. params: any net to start from. run + step: that run's weights after `step`
    updates (a step in run.snapshots, or run.steps for its final weights), its lr and data.
    example: "all" or an input index; stage: 1..11, the stage to open at.
    """
    if run is not None:
        if params is not None:
            raise ValueError("give params or run (with step), not both")
        if not isinstance(run, Run):
            raise TypeError(f"run must be a Run from helpers.train, got {type(run).__name__}")
        recorded = sorted(set(run.snapshots) | {run.steps})
        if step not in recorded:
            raise ValueError(f"step must be one of the run's recorded steps {recorded}, got {step!r}; "
                             "record more with train(..., snapshot_steps=[...])")
        params = run.params if step == run.steps and step not in run.snapshots else run.snapshots[step]
        source = f"{run.label()}, weights after step {step}"
        return StepPanel(params, run.X if X is None else X, run.y if y is None else y,
                         run.lr if lr is None else lr, example, stage, source, _origin(run, step))
    if step is not None:
        raise ValueError("step needs a run: step_through(run=..., step=...)")
    source, origin = "given weights", None
    if params is None:
        params, source, origin = init_reference(), "reference initial weights", {}
    return StepPanel(params, X, y, 0.5 if lr is None else lr, example, stage, source, origin)
