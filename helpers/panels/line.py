"""The line panel of notebook 02: drive a single unit's line yourself and try to separate XOR.

    from helpers.panels.line import drive_a_line
    drive_a_line()

Sliders w1, w2, b set the line w1 x1 + w2 x2 + b = 0. The side where w1 x1 + w2 x2 + b > 0 is
where the unit answers 1 (shaded orange), the other side 0 (shaded blue). Each corner is marked
right or wrong, and a counter keeps the best score so far for each target. On XOR the best is
3 of 4, and the panel says so when you get there.
"""
import html

import ipywidgets as widgets
import numpy as np
from matplotlib.lines import Line2D

from helpers import data
from helpers.analysis.single_layer import NO_LINE, VIEW, check_target, line_in_box, line_sides
from helpers.panels.base import Panel
from helpers.pictures import plots
from helpers.validate import check_float, check_int

SHADE_N = 201  # grid points per side for the two half-planes


class LinePanel(Panel):
    """Sliders -> one line over the unit square, scored against XOR, AND or OR.

    Attributes: w1, w2, b (FloatSliders), target (ToggleButtons), status (HTML), image (PNG),
    correct (this line's score), best {target: best score so far}.
    """

    def __init__(self, w1: float = 0.0, w2: float = 0.0, b: float = 0.0, target: str = "XOR",
                 limit: float = 10.0, best: int = 0):
        limit = check_float("limit", limit, 1.0, 100.0)
        best = check_int("best", best, 0, 4)
        w1 = check_float("w1", w1, -limit, limit)
        w2 = check_float("w2", w2, -limit, limit)
        b = check_float("b", b, -limit, limit)
        check_target(target)
        super().__init__(figsize=(4.6, 4.2), dpi=100)  # 100 dpi: 10-pt labels are 9.4 pt on the screen
        style = {"description_width": "30px"}
        # redraw on release: a PNG per pixel of drag would lag on Colab
        self.w1, self.w2, self.b = (
            widgets.FloatSlider(value=v, min=-limit, max=limit, step=0.05, description=name,
                                readout_format=".2f", continuous_update=False, style=style)
            for name, v in (("w1", w1), ("w2", w2), ("b", b)))
        self.target = widgets.ToggleButtons(options=list(data.TARGETS), value=target, description="target")
        self.layout(widgets.VBox([self.target, widgets.HBox([self.w1, self.w2, self.b])]))
        self.best = {name: 0 for name in data.TARGETS}
        self.best[target] = best  # a setting line's count so far, for the target it opens on
        self.correct = 0
        self._build_figure()
        self.update = self.safely(self._update)
        for control in (self.w1, self.w2, self.b, self.target):
            control.observe(self.update, names="value")
        self.update()

    def _build_figure(self):
        ax = self.fig.subplots()
        G, _, _ = data.grid(SHADE_N)
        self.G = G
        # two flat tones, not the full colours: the unit's answer on each side, the points stay readable
        self.shade = plots.shade_plane(ax, np.zeros((SHADE_N, SHADE_N)), alpha=0.35, interpolation="nearest")
        ax.plot([0, 1, 1, 0, 0], [0, 0, 1, 1, 0], color="gray", lw=0.8, ls=":")  # the unit square
        (self.line,) = ax.plot([], [], color="black", lw=2)
        self.points = ax.scatter(data.X[:, 0], data.X[:, 1], s=140, edgecolors="black", linewidths=1.5, zorder=3)
        self.crosses = ax.scatter([], [], marker="x", s=260, color="black", linewidths=3, zorder=4)
        self.labels = [ax.text(x1, x2 + 0.14, "", ha="center", fontsize=10, zorder=5) for x1, x2 in data.X]
        ax.set_xlim(-0.5, 1.5)
        ax.set_ylim(-0.5, 1.5)
        ax.set_aspect("equal")
        ax.set_xlabel("$x_1$")
        ax.set_ylabel("$x_2$")
        ax.set_xticks([0, 1])
        ax.set_yticks([0, 1])
        ax.set_title(" \n ")  # two lines, as in _update, so the layout leaves room
        # what the markers mean (the colours say it twice: shapes for a reader who cannot tell them apart)
        ax.legend(handles=[Line2D([], [], ls="", marker="o", ms=9, mfc=plots.BLUE, mec="black", label="target 0"),
                           Line2D([], [], ls="", marker="s", ms=9, mfc=plots.ORANGE, mec="black", label="target 1"),
                           Line2D([], [], ls="", marker="x", ms=9, mew=2.5, color="black", label="wrong")],
                  loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3, fontsize=9, frameon=False)
        self.ax = ax
        self.fig.tight_layout()

    optional = ("limit", "best")  # limit: the sliders' range; best: said only when above this line's score

    def call(self) -> tuple:
        return "drive_a_line", {"w1": float(self.w1.value), "w2": float(self.w2.value), "b": float(self.b.value),
                                "target": self.target.value, "limit": float(self.w1.max),
                                "best": self.best[self.target.value] if self.best[self.target.value] > self.correct
                                else 0}

    def _update(self, change=None):
        w1, w2, b, target = float(self.w1.value), float(self.w2.value), float(self.b.value), self.target.value
        y = check_target(target).ravel()
        sides = line_sides(w1, w2, b)
        right = sides == y
        self.correct = int(right.sum())
        self.best[target] = max(self.best[target], self.correct)

        # 1 on the side where w1 x1 + w2 x2 + b > 0 (orange), 0 on the other (blue)
        plane = (self.G @ np.array([w1, w2]) + b > 0).astype(float).reshape(SHADE_N, SHADE_N)
        self.shade.set_data(plane)
        self.line.set_data(*line_in_box((w1, w2), b, VIEW))
        plots.class_style(self.points, y)
        self.crosses.set_offsets(data.X[~right] if (~right).any() else np.empty((0, 2)))
        for label, ok in zip(self.labels, right):
            label.set_text("right" if ok else "wrong")
        # the equation in the picture too, so every slider move shows, even when the sides stay the same
        self.ax.set_title(f"${w1:.2f}\\,x_1 {w2:+.2f}\\,x_2 {b:+.2f} = 0$\n"
                          f"{self.correct} of 4 right on {target} · best so far: {self.best[target]} of 4")
        self.show()

        setting = f"w1 = {w1:.2f}, w2 = {w2:.2f}, b = {b:.2f}"
        self.status.value = (f"<code>{setting}</code> on <b>{target}</b> &rarr; <b>{self.correct} of 4</b> right; "
                             f"best so far: <b>{self.best[target]} of 4</b>. {html.escape(self._comment(w1, w2, b))}")

    def _comment(self, w1: float, w2: float, b: float) -> str:
        """One sentence for the student about where they are."""
        target = self.target.value
        if max(abs(w1), abs(w2)) < NO_LINE:
            side = "1 (orange)" if b > 0 else "0 (blue)"
            return f"With w1 = w2 = 0 there is no line: every point is on the same side and gets {side}."
        if target == "XOR" and self.correct == 3:
            return ("3 of 4 is as far as any line gets on XOR: 4 of 4 is impossible, "
                    "the four inequalities below contradict each other.")
        if self.correct == 4:
            return f"This line separates {target}: every corner is on its target's side."
        return "Move the line so each corner lands on the side of its colour."


def drive_a_line(w1: float = 0.0, w2: float = 0.0, b: float = 0.0, target: str = "XOR",
                 limit: float = 10.0, best: int = 0) -> LinePanel:
    """Show the line panel; returns it (its sliders are attributes). Sliders range over [-limit, limit];
    best: the best score so far on `target` to count from (the setting line under the panel says it)."""
    return LinePanel(w1=w1, w2=w2, b=b, target=target, limit=limit, best=best)
