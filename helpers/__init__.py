"""Backprop Lab helpers: the small NumPy package the notebooks import.

The house, from the ground up (imports only point down; tests/test_architecture.py checks it):

    data, network, train, gradcheck   the core: one 2-H-1 sigmoid net, written as the equations of
                                      notebook 01 (read these first; nothing in them exists for speed)
    validate                          the argument checks where a student calls in
    batched                           the one fast path: many nets at once along an array axis
                                      (notebooks 03 and 05), tested equal to train.train net by net
    analysis/                         one module per experiment: single_layer (02), sweep (03),
                                      hidden_layer and gates (04), explain and stepthrough (01)
    pictures/                         plots (the one plane shading, the one loss curve), diagram,
                                      hidden_plots, sweep_plots
    panels/                           base (layout, sliders, drawing, errors) and one module per panel
    exercises/                        check, hint: verdicts, the mistake catalogue and its variants,
                                      one module of checks per notebook

Import what you need, e.g. `from helpers import data, network, train` or
`from helpers.pictures import plots`.
"""
