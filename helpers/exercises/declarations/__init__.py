"""Every exercise as data: one module per notebook, one Exercise declaration per exercise (engine.py)."""
from helpers.exercises.declarations import nb01, nb02, nb03, nb04, nb05, nb06, nb07

NOTEBOOKS = {"01_xor_baseline": nb01.EXERCISES, "02_single_layer": nb02.EXERCISES,
             "03_hidden_size_sweep": nb03.EXERCISES, "04_hidden_representations": nb04.EXERCISES,
             "05_what_fixed_it": nb05.EXERCISES, "06_autograd_by_hand": nb06.EXERCISES,
             "07_depth": nb07.EXERCISES}  # in the notebooks' order
