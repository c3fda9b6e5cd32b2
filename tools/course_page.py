"""The course page: notebooks/00_index.ipynb, written by tools/notebook_tools.py from docs/course.json.

For each numbered notebook, in the manner of lesson templates such as The Carpentries' (questions,
objectives, keypoints): the questions it answers, what a student needs first, its learning objectives
(the notebook's own "What you will learn" list, read from it, so they are written in one place), the time
it takes (computed from the notebook: minutes()), and the points to take away; then plans for a course of
one, two or three class meetings (docs/course.json), each meeting's time the sum of its notebooks'.
A notebook without an entry in docs/course.json is still listed, with its title, objectives and time.
"""
import ast
import json
import math
import re
from pathlib import Path

WORDS_PER_MINUTE = 100  # a careful read of technical text with equations
EXERCISE_MINUTES = 10  # an exercise: write, check, read the hint, fix
PANEL_MINUTES = 5  # an "## Explore" section: move the sliders, play a run
CHECK_CALL = re.compile(r"^check\.(\w+)\(", re.M)
EQUATIONS = "../docs/equations.md"  # from notebooks/, as JupyterLab and GitHub resolve it


def load(root: Path) -> dict:
    """docs/course.json under root, or an empty course (a repository without one still gets its index)."""
    path = root / "docs" / "course.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"notebooks": {}, "plans": []}


def objectives(nb) -> list:
    """The bullets of the notebook's "**What you will learn**" list, each joined onto one line."""
    for cell in nb.cells:
        if cell.cell_type == "markdown" and "**What you will learn**" in cell.source:
            text = cell.source.split("**What you will learn**", 1)[1]
            items = []
            for line in text.strip("\n").split("\n"):
                if line.startswith("- "):
                    items.append(line[2:].strip())
                elif line.startswith("  ") and items:
                    items[-1] += " " + line.strip()
                else:
                    break
            return items
    return []


def panel_functions(root: Path) -> set:
    """The public functions of helpers/panels/ (each opens a panel: explore_training, drive_a_line, ...)."""
    names = set()
    for path in sorted((root / "helpers" / "panels").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names |= {n.name for n in tree.body if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")}
    return names


def parts(nb, panels: set) -> dict:
    """What the time is computed from: words of text, exercises (check.name calls), panels (widget cells,
    marked NBVAL_IGNORE_OUTPUT, that call one of `panels`)."""
    text = " ".join(c.source for c in nb.cells if c.cell_type == "markdown")
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    calls = [{n.func.id for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Call) and
              isinstance(n.func, ast.Name)} for source in code if "NBVAL_IGNORE_OUTPUT" in source]
    return {"words": len(re.findall(r"[A-Za-z0-9]+", text)),
            "exercises": len(set(CHECK_CALL.findall("\n".join(code)))),
            "panels": sum(bool(called & panels) for called in calls)}


def minutes(p: dict) -> int:
    """The time a notebook with parts `p` takes, rounded up to 5 minutes: its text at WORDS_PER_MINUTE,
    EXERCISE_MINUTES per exercise, PANEL_MINUTES per panel."""
    raw = p["words"] / WORDS_PER_MINUTE + EXERCISE_MINUTES * p["exercises"] + PANEL_MINUTES * p["panels"]
    return 5 * math.ceil(raw / 5)


def how_long(p: dict) -> str:
    """'about 80 minutes (4 exercises, 2 panels)': what a course plan needs, and nothing that changes with every
    edit of the text (the rule is said once, in RULE)."""
    def count(n: int, what: str) -> str:
        return f"{n} {what}" + ("" if n == 1 else "s")
    counted = [count(p[key], what) for key, what in (("exercises", "exercise"), ("panels", "panel")) if p[key]]
    return f"about {minutes(p)} minutes" + (f" ({', '.join(counted)})" if counted else "")


RULE = (f"A notebook's time is estimated from the notebook itself: its text at {WORDS_PER_MINUTE} words a minute, "
        f"{EXERCISE_MINUTES} minutes per exercise, {PANEL_MINUTES} per panel to explore, rounded up to 5 minutes.")


def bullets(items: list) -> str:
    return "\n".join(f"- {item}" for item in items)


def entry(name: str, title: str, nb, course: dict, panels: set) -> str:
    """One notebook's cell: its questions, prerequisites, objectives, time and keypoints."""
    about = course["notebooks"].get(name[:2], {})
    p = parts(nb, panels)
    lines = [f"## {title.split(':')[0].strip()}", "", f"[{title}]({name}), {how_long(p)}.", ""]
    for label, items in (("Questions", about.get("questions")), ("You need first", about.get("prerequisites")),
                         ("Learning objectives: what you will learn", objectives(nb)),
                         ("Keypoints: what to take away", about.get("keypoints"))):
        if items:
            lines += [f"**{label}**", bullets(items), ""]
    return "\n".join(lines).rstrip()


def plans(names: list, titles: dict, books: dict, course: dict, panels: set) -> str:
    """The plans for one, two or three meetings, with the notebooks that exist, each meeting's time summed."""
    by_number = {name[:2]: name for name in names}
    time = {n: minutes(parts(books[name], panels)) for n, name in by_number.items()}

    def listed(numbers: list) -> str:
        here = [n for n in numbers if n in by_number]
        links = ", ".join(f"[{titles[by_number[n]].split(':')[0].strip()}]({by_number[n]})" for n in here)
        return f"{links} (about {sum(time[n] for n in here)} minutes)" if here else ""

    lines = ["## A course of one, two or three meetings", "",
             "Each meeting's time is the sum of its notebooks' estimates above; a class that works through the "
             "exercises together needs about that long, a class shown the notebooks by the instructor less. "
             "What is left goes home: every notebook runs on its own, in JupyterLab or Colab, and its checks and "
             "hints are there for a student working alone.", ""]
    for plan in course.get("plans", []):
        lines += [f"**{plan['name']}**: {plan['why']}.", ""]
        lines += [f"- Meeting {i}: {listed(m)}" for i, m in enumerate(plan["meetings"], 1) if listed(m)]
        for label, key in (("At home, after the meetings", "at home"), ("For those who want more", "optional")):
            if listed(plan.get(key, [])):
                lines.append(f"- {label}: {listed(plan[key])}")
        lines.append("")
    return "\n".join(lines).rstrip()
