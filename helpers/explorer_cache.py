"""Runs for the training explorer, trained a slider's worth at a time (notebook 01).

When a slider moves to a setting not seen before, the explorer trains that setting together
with its neighbours along the slider that moved -- the nearest positions of the learning-rate
slider, or a block of seeds -- as one stack of nets: `train.gradient_descent` trains a stack with the
same equations it uses for one net, and each net's numbers are bitwise those of `train.train`.
The next move along that slider is then a look-up.

Steps are a prefix: a stack keeps its parameters every 500 steps (the steps slider's step), so
a shorter run is a look-up, and a longer one continues the stack from where it stopped.

While the student looks at a picture, `prefetch` trains the stacks one move away (the other
bias setting, one more or one fewer hidden unit, the neighbours along the lr and seed sliders)
in a background thread, 500 steps at a time. The next move stops it first (`get` waits for the
500 steps under way, ~15 ms), and keeps whatever it finished: a stack trained part of the way
is continued, not restarted. The numbers are the same either way; only the waiting changes.
"""
import threading

import numpy as np

from helpers import data
from helpers.network import _forward, init_params
from helpers.panel import remember
from helpers.train import Run, gradient_descent, train

LR_GRID = tuple(10.0 ** (k / 10) for k in range(-20, 11))  # the lr slider: 10^-2 .. 10^1 in steps of 10^0.1
LR_WINDOW = 4         # lr positions trained on each side of a new one (a stack of 9 costs ~1.15x one net, all 31 ~1.6x)
SEED_BLOCK = 8        # seeds trained together when the seed slider moves: 0-7, 8-15, ...
SNAPSHOT_EVERY = 500  # the steps slider's step
MAX_STACKS = 16       # stacks kept; one of 9 nets at 50,000 steps holds ~4 MB of losses
MAX_RUNS = 256        # runs handed out, kept so a setting seen before is the same Run


def snap_lr(lr: float) -> float:
    """The slider position 10^(k/10) that lr stands for, or lr itself if it is not one.

    The browser computes the slider's value 10^x in its own arithmetic, which can differ from
    Python's 10.0 ** (k / 10) in the last bit; both mean the same position.
    """
    grid = 10.0 ** (round(10 * np.log10(lr)) / 10)
    return grid if abs(lr - grid) <= 1e-9 * grid else lr


class Stack:
    """B nets of one hidden size and bias setting, differing in (lr, seed), trained together.

    params: each parameter with a leading axis B; losses: (steps + 1, B);
    snapshots: {step: params} at every multiple of SNAPSHOT_EVERY and at the last step.
    """

    def __init__(self, hidden: int, bias: bool, members: list):
        self.hidden, self.bias = hidden, bias
        self.index = {member: i for i, member in enumerate(members)}  # (lr, seed) -> position in the stack
        self.lr = np.array([lr for lr, _ in members]).reshape(-1, 1, 1)  # (B, 1, 1): one lr per net
        starts = [init_params(hidden, seed, bias) for _, seed in members]
        self.params = {name: np.stack([p[name] for p in starts]) for name in starts[0]}
        self.snapshots = {0: self.params}
        self.losses = None
        self.steps = 0

    def has(self, lr: float, seed: int, steps: int) -> bool:
        """True if the run (lr, seed, steps) is in this stack, now or after training it further."""
        return (lr, seed) in self.index and (steps > self.steps or steps in self.snapshots)

    def train_to(self, steps: int) -> None:
        """Continue every net of the stack to `steps` updates (nothing to do if it is there already)."""
        if self.losses is not None and steps <= self.steps:
            return
        done = self.steps
        wanted = [s - done for s in range(done + 1, steps + 1) if s % SNAPSHOT_EVERY == 0 or s == steps]
        losses, self.params, snapshots = gradient_descent(self.params, data.X, data.y, self.lr, steps - done, wanted)
        self.snapshots.update({done + s: params for s, params in snapshots.items()})
        self.losses = losses if self.losses is None else np.concatenate([self.losses, losses[1:]])
        self.steps = steps

    def run(self, lr: float, seed: int, steps: int) -> Run:
        """The Run of one net of the stack after `steps` updates (a snapshot step)."""
        self.train_to(steps)
        i = self.index[(lr, seed)]
        params = {name: value[i].copy() for name, value in self.snapshots[steps].items()}
        return Run(hidden=self.hidden, lr=lr, steps=steps, seed=seed, bias=self.bias, init="random",
                   X=data.X, y=data.y, losses=self.losses[:steps + 1, i].copy(), params=params,
                   y_hat=_forward(params, data.X)[0])


class RunCache:
    """Runs by setting (hidden, lr, steps, seed, bias): handed out again, or read from a stack, or trained."""

    def __init__(self):
        self.stacks = []  # least recently used first
        self.runs = {}
        self.last = None  # how the last run was found: "seen", "stacked", "extended" or "trained"
        self.worker = None  # the prefetch thread, if one is running
        self.prefetch_error = None  # the last exception the prefetch thread met, if any
        self.stop = threading.Event()

    def get(self, hidden: int, lr: float, steps: int, seed: int, bias: bool, moved: str = "lr") -> Run:
        """The run for this setting. moved: the slider that changed ("seed" -> train a block of
        seeds, anything else -> every lr position), used only when the run is not found."""
        self.stop_prefetch()
        lr = snap_lr(lr)
        key = (hidden, lr, steps, seed, bias)
        if key in self.runs:
            self.last = "seen"
            return self.runs[key]
        stack = self._find(hidden, lr, seed, steps, bias)
        if stack is not None:
            self.last = "stacked" if steps <= stack.steps else "extended"
        elif steps % SNAPSHOT_EVERY == 0:
            stack = self._new_stack(hidden, lr, seed, bias, moved)
            self.last = "trained"
        if stack is None:  # a step count between snapshots (not on the slider): train just this run
            run = train(hidden=hidden, lr=lr, steps=steps, seed=seed, bias=bias)
            self.last = "trained"
        else:
            run = stack.run(lr, seed, steps)
        remember(self.runs, key, run, MAX_RUNS)
        return run

    def _find(self, hidden, lr, seed, steps, bias):
        for stack in reversed(self.stacks):
            if stack.hidden == hidden and stack.bias == bias and stack.has(lr, seed, steps):
                self.stacks.remove(stack)
                self.stacks.append(stack)  # used now: the last to be forgotten
                return stack
        return None

    def prefetch(self, hidden: int, lr: float, steps: int, seed: int, bias: bool) -> None:
        """Start training, in the background, the stacks a move away from this setting."""
        self.stop_prefetch()
        if steps % SNAPSHOT_EVERY:
            return
        lr = snap_lr(lr)
        k = round(10 * np.log10(lr)) + 20
        next_lr = LR_GRID[k + 1] if k + 1 < len(LR_GRID) else LR_GRID[k - 1]
        next_seed = seed + 1 if seed % SEED_BLOCK < SEED_BLOCK - 1 or seed == 99 else seed - 1
        jobs = [  # (setting the next move may ask for, how to train it), likeliest first
            ((hidden, next_lr, seed, bias), "lr"),
            ((hidden, lr, next_seed, bias), "seed"),
            ((hidden, lr, seed, not bias), "lr"),
            *[((h, lr, seed, bias), "lr") for h in (hidden + 1, hidden - 1) if 1 <= h <= 8],
            ((hidden, lr, min(seed + SEED_BLOCK - seed % SEED_BLOCK, 99), bias), "seed"),  # the next block
        ]
        self.stop = threading.Event()
        self.worker = threading.Thread(target=self._prefetch, args=(jobs, steps, self.stop), daemon=True)
        self.worker.start()

    def stop_prefetch(self) -> None:
        """Stop the prefetch thread after the 500 steps under way, and wait for it."""
        if self.worker is not None:
            self.stop.set()
            self.worker.join()
            self.worker = None

    def _prefetch(self, jobs: list, steps: int, stop: threading.Event) -> None:
        try:
            for (hidden, lr, seed, bias), moved in jobs:
                stack = self._find(hidden, lr, seed, steps, bias) or self._new_stack(hidden, lr, seed, bias, moved)
                for target in range(stack.steps + SNAPSHOT_EVERY, steps + 1, SNAPSHOT_EVERY):
                    if stop.is_set():
                        return
                    stack.train_to(target)
        except Exception as exc:  # noqa: BLE001 - only a head start is lost: the move itself trains
            self.prefetch_error = exc  # and shows any error in the panel; kept here for a look

    def _new_stack(self, hidden, lr, seed, bias, moved):
        if moved == "seed":
            first = seed - seed % SEED_BLOCK
            members = [(lr, s) for s in range(first, min(first + SEED_BLOCK, 100))]
        else:
            k = round(10 * np.log10(lr)) + 20  # the nearest slider position
            members = [(grid, seed) for grid in LR_GRID[max(0, k - LR_WINDOW):k + LR_WINDOW + 1]]
        if (lr, seed) not in members:  # an lr between slider positions, or a seed beyond 0..99
            members.append((lr, seed))
        stack = Stack(hidden, bias, members)
        if len(self.stacks) >= MAX_STACKS:
            self.stacks.pop(0)
        self.stacks.append(stack)
        return stack
