"""nbgrader export, one row per student and exercise (nbgrader's own CSV has one row per assignment).

    PYTHONPATH=path/to/backprop-lab/tools nbgrader export --exporter=nbgrader_export.ExerciseCsv --to=exercises.csv

An exercise is one graded check cell: its grade_id is check_<exercise> (check_and_weights_or_weights
for notebook 02's cell that checks both). A student who submitted nothing gets 0 for every exercise.
"""
import csv

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.plugins import ExportPlugin

COLUMNS = ["student_id", "assignment", "exercise", "score", "max_score"]


class ExerciseCsv(ExportPlugin):
    """Every student's score on every graded cell of every assignment, to --to (default exercises.csv)."""

    def export(self, gradebook: Gradebook) -> None:
        with open(self.to or "exercises.csv", "w", newline="") as fh:
            out = csv.writer(fh)
            out.writerow(COLUMNS)
            for assignment in gradebook.assignments:
                for student in gradebook.students:
                    for notebook in assignment.notebooks:
                        for cell in notebook.grade_cells:
                            try:
                                score = gradebook.find_grade(cell.name, notebook.name, assignment.name,
                                                             student.id).score
                            except MissingEntry:
                                score = 0.0
                            name = cell.name.removeprefix("check_")
                            out.writerow([student.id, assignment.name, name, f"{score:g}", f"{cell.max_score:g}"])
