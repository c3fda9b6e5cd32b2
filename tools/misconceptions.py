"""What the class got wrong: the catalogued mistakes in a course's autograded notebooks, for the instructor.

    python tools/misconceptions.py COURSE [--out DIR] [--top N]

COURSE is an nbgrader course folder (tools/nbgrader_course.py, then nbgrader autograde). Every verdict a
check shows carries its mistake's id in the output's metadata (helpers/exercises/engine.py, record()):
{"backprop_lab": {"exercise", "status", "mistake", "earlier"}}, where "earlier" lists the mistakes the same
check named before, in the same kernel. This reads, for every student and assignment,
  - COURSE/autograded/STUDENT/ASSIGNMENT/*.ipynb: nbgrader's run of the final answers, one verdict per check;
  - COURSE/submitted/STUDENT/ASSIGNMENT/*.ipynb: the outputs the student's own kernel left, whose last
    verdict of each check lists the mistakes that check named earlier in that session.
A student MADE a mistake when the autograded verdict names it, or the student's own last run of that check
recorded it (then or earlier in the session). A student THEN GOT IT RIGHT when they made it and the autograded
verdict of that exercise is Correct, or, for a prediction (never marked wrong: status "recorded"), when their
final recorded prediction agrees with the measurement ("agrees" in the record). Earlier runs in a kernel
that was restarted since, or outputs the student cleared, leave no trace: those mistakes are not counted.
The class of a notebook is every student with an autograded submission of it.

Writes to DIR (default COURSE/misconceptions): misconceptions.csv (notebook, exercise, mistake, description,
students, class_size, share, then_right, section), NN_name.png per notebook (the most common mistakes as
horizontal bars) with NN_name.txt beside it (the same counts in words), and announcement.txt (the most common
mistakes in sentences to paste, each naming the notebook section to revisit). Prints the texts.
"""
import argparse
import csv
import sys
import textwrap
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from helpers.exercises import CATALOGUE, EXERCISES  # noqa: E402 (after the path to the repository)

COLUMNS = ["notebook", "exercise", "mistake", "description", "students", "class_size", "share", "then_right",
           "section"]


def records(path: Path) -> list:
    """Every verdict record a notebook's outputs hold, in order."""
    nb = nbformat.read(path, as_version=4)
    return [o["metadata"]["backprop_lab"] for cell in nb.cells if cell.cell_type == "code"
            for o in cell.get("outputs", []) if "backprop_lab" in o.get("metadata", {})]


def last_by_exercise(found: list) -> dict:
    return {r["exercise"]: r for r in found}


def right(found: dict) -> bool:
    """A final verdict's record that counts as right: Correct, or a Recorded prediction that agreed."""
    return found.get("status") == "correct" or (found.get("status") == "recorded" and bool(found.get("agrees")))


def read_course(course: Path) -> dict:
    """{notebook: {"students": set, "made": {mistake: set of students}, "right": {mistake: set}}}."""
    course, seen = Path(course), {}
    for graded in sorted(course.glob("autograded/*/*/*.ipynb")):
        student, assignment = graded.parts[-3], graded.parts[-2]
        final = last_by_exercise(records(graded))
        own = course / "submitted" / student / assignment / graded.name
        session = last_by_exercise(records(own)) if own.exists() else {}
        counts = seen.setdefault(assignment, {"students": set(), "made": {}, "right": {}})
        counts["students"].add(student)
        for exercise in set(final) | set(session):
            mine = session.get(exercise, {})
            made = set(mine.get("earlier", [])) | {mine.get("mistake"), final.get(exercise, {}).get("mistake")}
            for key in made - {None}:
                counts["made"].setdefault(key, set()).add(student)
                if right(final.get(exercise, {})):
                    counts["right"].setdefault(key, set()).add(student)
    return seen


def rows(seen: dict) -> list:
    """The CSV's rows, most common mistake first within each notebook."""
    out = []
    for notebook, counts in sorted(seen.items()):
        size = len(counts["students"])
        for key, students in sorted(counts["made"].items(), key=lambda kv: (-len(kv[1]), kv[0])):
            m = CATALOGUE[key]
            out.append({"notebook": notebook, "exercise": m.exercise, "mistake": key, "description": m.summary,
                        "students": len(students), "class_size": size, "share": round(len(students) / size, 3),
                        "then_right": len(counts["right"].get(key, ())), "section": EXERCISES[m.exercise].section})
    return out


def heading(section: str) -> str:
    return section.lstrip("#").strip()


def sentence(row: dict) -> str:
    """One line of the announcement, e.g. "12 of 40 forgot sigma' in the output delta: revisit ..."."""
    right = f" ({row['then_right']} of them then got it right)" if row["then_right"] else ""
    return (f"{row['students']} of {row['class_size']} {row['description']} ({row['exercise']}){right}: revisit "
            f"notebook {row['notebook'][:2]}'s section '{heading(row['section'])}'.")


def describe(notebook: str, shown: list) -> str:
    """The picture's words: what it shows, from the same counts."""
    if not shown:
        return f"Notebook {notebook}: no catalogued mistake in any submission."
    lines = [f"Notebook {notebook}, {shown[0]['class_size']} students: the {len(shown)} most common catalogued "
             "mistakes, one bar each, its length the number of students who made it (the hatched part: those who "
             "then got the exercise right)."]
    lines += [f"{i}. {r['description']} ({r['exercise']}): {r['students']} of {r['class_size']} "
              f"({100 * r['share']:.0f}%), {r['then_right']} then right." for i, r in enumerate(shown, 1)]
    return "\n".join(lines)


def figure(notebook: str, shown: list):
    """A horizontal bar chart of `shown` (rows, most common first), sized so that every label reads at 10 pt."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    labels = ["\n".join(textwrap.wrap(f"{r['description']} ({r['exercise']})", 44)) for r in shown]
    height = 1.2 + sum(0.28 + 0.18 * label.count("\n") for label in labels)
    fig = Figure(figsize=(8.5, max(height, 2.0)), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    y = range(len(shown))[::-1]
    size = shown[0]["class_size"] if shown else 1
    ax.barh(y, [r["students"] for r in shown], color="#b0c4de", edgecolor="#30475e", label="made it")
    ax.barh(y, [r["then_right"] for r in shown], color="none", edgecolor="#30475e", hatch="///",
            label="then got it right")
    for yi, r in zip(y, shown):
        ax.text(r["students"] + size * 0.01, yi, f"{r['students']} of {r['class_size']}", va="center", fontsize=10)
    ax.set_yticks(list(y), labels, fontsize=10)
    ax.set_xlim(0, size * 1.18)
    ax.set_xlabel("students", fontsize=10)
    ax.tick_params(axis="x", labelsize=10)
    ax.set_title(f"Notebook {notebook}: the most common mistakes", fontsize=11, loc="left")
    fig.legend(fontsize=10, loc="outside lower center", ncols=2, frameon=False)
    return fig


def report(course: Path, out: Path = None, top: int = 8) -> str:
    """Write the CSV, the pictures with their words, and the announcement; return all the text."""
    course = Path(course)
    out = Path(out or course / "misconceptions")
    out.mkdir(parents=True, exist_ok=True)
    table = rows(read_course(course))
    with open(out / "misconceptions.csv", "w", newline="") as fh:
        writer = csv.DictWriter(fh, COLUMNS)
        writer.writeheader()
        writer.writerows(table)
    texts = []
    for notebook in sorted({r["notebook"] for r in table}):
        shown = [r for r in table if r["notebook"] == notebook][:top]
        figure(notebook, shown).savefig(out / f"{notebook}.png")
        texts.append(describe(notebook, shown))
        (out / f"{notebook}.txt").write_text(texts[-1] + "\n")
    common = sorted(table, key=lambda r: (-r["share"], r["notebook"], r["mistake"]))[:5]
    announcement = "\n".join(["What the class got wrong most often:"] + [f"- {sentence(r)}" for r in common])
    (out / "announcement.txt").write_text(announcement + "\n")
    return "\n\n".join(texts + [announcement])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("course", type=Path, help="the nbgrader course folder (after nbgrader autograde)")
    parser.add_argument("--out", type=Path, help="where to write (default COURSE/misconceptions)")
    parser.add_argument("--top", type=int, default=8, help="bars per picture (the most common mistakes)")
    args = parser.parse_args(argv)
    if not (args.course / "autograded").is_dir():
        parser.error(f"course: {args.course} has no autograded/ folder: run nbgrader autograde first")
    if args.top < 1:
        parser.error(f"--top: must be at least 1, got {args.top}")
    print(report(args.course, args.out, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
