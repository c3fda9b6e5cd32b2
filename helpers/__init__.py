"""Backprop Lab helpers: the small NumPy package the notebooks import.

Import the module you need, e.g. `from helpers import data, network, train, plots`.
Files import only downward: data -> network -> train -> gradcheck -> plots -> panels.
"""
