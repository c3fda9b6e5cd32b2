"""Backprop Lab helpers: the small NumPy package the notebooks import.

The house, from the ground up (imports only point down; tests/test_architecture.py checks it):

    data, network, train, gradcheck   the core: one 2-H-1 sigmoid net, written as the equations of
                                      notebook 01 (read these first; nothing in them exists for speed)
    validate                          the argument checks where a student calls in
    variants                          the net with other losses, activations, scales, momentum (05)
    batched, batched_loop             the one fast path: many nets at once along an array axis
                                      (notebooks 03 and 05), tested equal to train.train net by net
    autograd                          notebook 06's scalar Value
    analysis/                         one module per experiment: single_layer (02), sweep (03),
                                      hidden_layer and gates (04), explain and stepthrough (01),
                                      trajectory (a run a chunk at a time), fixes (05), autograd_net (06)
    pictures/                         plots (the one plane shading, the one loss curve), diagram,
                                      hidden_plots, sweep_plots, fixes_plots, graph_plot;
                                      words (each picture described from what it draws)
    panels/                           base (layout, sliders, drawing, errors, one lock: a callback at a time),
                                      live (Play, Step, Reset, speed) and one module per panel
    exercises/                        check, hint, solution: one declaration per exercise (declarations/),
                                      the engine that reads them, verdicts, one module of judges per notebook

The lab starts no thread and no process of its own: no Thread, Process, executor, multiprocessing,
concurrent.futures or subprocess here (tests/test_architecture.py). A panel's callbacks, which ipykernel
may call from two of its threads, take turns under one threading.RLock (panels/base.py).

Import what you need, e.g. `from helpers import data, network, train` or
`from helpers.pictures import plots`.
"""
