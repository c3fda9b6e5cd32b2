"""The panel base: the bounded run cache, and errors caught into the status line."""
from helpers.panel import Panel, remember


def test_remember_forgets_the_oldest_once_full():
    cache = {}
    for key in "abc":
        remember(cache, key, key.upper(), size=2)
    assert cache == {"b": "B", "c": "C"}
    remember(cache, "c", "C2", size=2)  # replacing a key forgets nothing
    assert cache == {"b": "B", "c": "C2"}


def test_safely_shows_the_error_and_recovers():
    panel = Panel(figsize=(2, 2))

    def fails():
        raise ValueError("lr must be a number in (0, 100], got -1.0")

    assert panel.safely(fails)() is None  # never raises out of a widget callback
    assert "ValueError" in panel.status.value and "lr must be a number" in panel.status.value
    assert isinstance(panel.error, ValueError)
    assert panel.safely(lambda: 42)() == 42
    assert panel.error is None
