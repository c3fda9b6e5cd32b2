"""tools/lab.py, the README's two commands: the Python check, install once, the lab's command line."""
import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("lab_launcher", ROOT / "tools" / "lab.py")
lab = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lab)


@pytest.fixture
def fake(tmp_path, monkeypatch):
    """A launcher whose .venv is a temporary folder and whose commands are recorded, not run."""
    calls = []
    monkeypatch.setattr(lab, "VENV", str(tmp_path / ".venv"))

    def run(command):
        calls.append(command)
        if command[1:3] == ["-m", "venv"]:  # make the venv's python appear
            Path(lab.venv_python()).parent.mkdir(parents=True)
            Path(lab.venv_python()).write_text("")
        return 0

    monkeypatch.setattr(lab, "run", run)
    monkeypatch.setattr(lab, "hand_over", lambda command: calls.append(command) or 0)
    return calls


def test_the_lab_opens_at_the_top_folder_on_the_index(fake):
    assert lab.main([]) == 0
    command = fake[-1]
    assert command[1:3] == ["-m", "jupyterlab"]
    assert f"--ServerApp.root_dir={ROOT}" in command  # so helpers/ is in the file browser
    assert os.path.join(str(ROOT), "notebooks", "00_index.ipynb") in command


@pytest.mark.skipif(os.name == "nt", reason="no root on Windows")
@pytest.mark.parametrize("uid, allowed", [(0, True), (1000, False)])
def test_allow_root_only_for_root(monkeypatch, uid, allowed):
    monkeypatch.setattr(os, "geteuid", lambda: uid)
    assert ("--allow-root" in lab.lab_command()) is allowed


def test_installs_once_and_again_only_when_requirements_change(fake, monkeypatch):
    lab.main(["test", "-q"])
    installs = [c for c in fake if "pip" in c]
    assert fake[0][1:3] == ["-m", "venv"] and len(installs) == 1
    assert installs[0][-1].endswith("requirements-test.txt") and fake[-1][-3:] == ["-m", "pytest", "-q"]
    fake.clear()
    lab.main(["test"])
    assert [c for c in fake if "pip" in c or "venv" in c] == []  # every time after: no pip, no venv
    lab.main([])  # the lab needs requirements.txt: installed once too
    assert sum("pip" in c for c in fake) == 1
    monkeypatch.setattr(lab, "requirements_hash", lambda: "changed")
    fake.clear()
    lab.main([])
    assert sum("pip" in c for c in fake) == 1


def test_an_old_python_gets_a_plain_message(monkeypatch, fake):
    monkeypatch.setattr(sys, "version_info", (3, 9, 18, "final", 0))
    with pytest.raises(SystemExit, match="needs Python 3.10 or newer"):
        lab.main([])
    assert fake == []


def test_an_unknown_word_shows_the_usage(fake):
    with pytest.raises(SystemExit, match="usage"):
        lab.main(["serve"])


def test_lite_builds_the_site_with_its_own_venv_and_leaves_the_labs_alone(fake, monkeypatch, tmp_path):
    monkeypatch.setattr(lab, "LITE_VENV", str(tmp_path / ".venv-lite"))
    (tmp_path / ".venv-lite").mkdir()  # (the fake venv command makes only the lab's .venv)
    assert lab.main(["lite", "--out", "site"]) == 0
    lite_python = lab.venv_python(lab.LITE_VENV)
    assert fake[0] == [sys.executable, "-m", "venv", lab.LITE_VENV]
    assert [c for c in fake if "pip" in c] == [[lite_python, "-m", "pip", "install", "-r",
                                                 os.path.join(str(ROOT), "requirements-lite.txt")]]
    assert fake[-1] == [lite_python, os.path.join(str(ROOT), "tools", "lite.py"), "--out", "site"]
