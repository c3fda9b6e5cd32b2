"""Open the lab, or run the tests, in this repository's own virtual environment.

    python3 tools/lab.py          # open JupyterLab at the repository's top folder, on notebooks/00_index.ipynb
    python3 tools/lab.py test     # run the whole test suite (python -m pytest), with any pytest arguments after it
    python3 tools/lab.py lite     # build the JupyterLite site (the lab in any browser) into _site/ (tools/lite.py)

Once (the first run, a few minutes): checks the Python version, makes `.venv` in the repository's top folder
and installs requirements.txt into it (for `test`, requirements-test.txt: the same plus the test tools).
Every time after that: starts at once; it installs again only when a requirements file has changed.
`lite` uses its own .venv-lite with requirements-lite.txt: the site's build tools stay out of the lab's .venv.
Written for any Python 3 (no f-strings), so that an old one gets the message below, not a syntax error.
"""
import hashlib
import os
import subprocess
import sys

OLDEST = (3, 10)  # pyproject.toml's requires-python; CI tests this version and the newest
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, ".venv")
LITE_VENV = os.path.join(ROOT, ".venv-lite")  # the JupyterLite site's build tools (requirements-lite.txt)
NEEDS = {"lab": "requirements.txt", "test": "requirements-test.txt", "lite": "requirements-lite.txt"}


def venv_python(venv=None):
    venv = venv or VENV
    if os.name == "nt":
        return os.path.join(venv, "Scripts", "python.exe")
    return os.path.join(venv, "bin", "python")


def requirements_hash(names=("requirements.txt", "requirements-test.txt")):
    """One hash of the requirements files (both of the lab's by default): a change to any means installing again."""
    digest = hashlib.sha256()
    for name in names:
        with open(os.path.join(ROOT, name), "rb") as f:
            digest.update(f.read())
    return digest.hexdigest()


def run(command):
    print("+ " + " ".join(command), flush=True)
    return subprocess.call(command, cwd=ROOT)


def prepare(need, venv=None):
    """Make the venv (.venv by default) and install `need` into it, unless that was done for these requirements."""
    venv = venv or VENV
    if not os.path.exists(venv_python(venv)):
        if run([sys.executable, "-m", "venv", venv]) != 0:
            sys.exit("Could not make the virtual environment {0}. On Debian or Ubuntu, install the venv module "
                     "first (sudo apt install python3-venv), delete the {0} folder, and run this again."
                     .format(os.path.basename(venv)))
    stamp = os.path.join(venv, "installed-" + need)
    wanted = requirements_hash() if venv == VENV else requirements_hash((need,))
    if os.path.exists(stamp) and open(stamp).read() == wanted:
        return
    if run([venv_python(venv), "-m", "pip", "install", "-r", os.path.join(ROOT, need)]) != 0:
        sys.exit("Installing {} failed (see pip's message above). Check your internet connection and "
                 "run this again; it starts over where it stopped.".format(need))
    with open(stamp, "w") as f:
        f.write(wanted)


def lab_command():
    """JupyterLab rooted at the repository (so helpers/ is in its file browser), opened on the index."""
    command = [venv_python(), "-m", "jupyterlab", "--ServerApp.root_dir=" + ROOT,
               os.path.join(ROOT, "notebooks", "00_index.ipynb")]
    if os.name != "nt" and os.geteuid() == 0:
        command.append("--allow-root")  # JupyterLab refuses to start as root (containers, cloud machines) without it
    return command


def main(argv):
    what = argv[0] if argv else "lab"
    if what not in NEEDS:
        sys.exit("usage: python3 tools/lab.py         (open the lab)\n"
                 "       python3 tools/lab.py test    (run the tests; pytest arguments may follow)\n"
                 "       python3 tools/lab.py lite    (build the JupyterLite site into _site/; --out DIR may follow)")
    if sys.version_info[:2] < OLDEST:
        sys.exit("Backprop Lab needs Python {}.{} or newer; this is Python {}. Install a newer Python "
                 "(python.org) and run this again with it.".format(OLDEST[0], OLDEST[1], sys.version.split()[0]))
    if what == "lite":
        prepare(NEEDS[what], LITE_VENV)
        return hand_over([venv_python(LITE_VENV), os.path.join(ROOT, "tools", "lite.py")] + argv[1:])
    prepare(NEEDS[what])
    if what == "test":
        return hand_over([venv_python(), "-m", "pytest"] + argv[1:])
    return hand_over(lab_command())


def hand_over(command):
    """Run the last command as if typed: Ctrl+C goes to it (JupyterLab asks before it stops), not to us."""
    print("+ " + " ".join(command), flush=True)
    os.chdir(ROOT)
    if os.name != "nt":
        os.execv(command[0], command)  # this process becomes the command; its exit code is ours
    process = subprocess.Popen(command)
    while True:
        try:
            return process.wait()
        except KeyboardInterrupt:
            pass  # Windows sends Ctrl+C to both of us: the command decides, we wait for it


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
