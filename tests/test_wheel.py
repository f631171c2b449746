"""The wheel as built from the checkout: it holds every module and data file, and runs without the checkout.

Built offline (`pip wheel --no-build-isolation --no-index`, with the setuptools the test extra installs)
from a copy of the checkout, so nothing is written into it. CI also installs the wheel, with its
dependencies, into a fresh virtual environment (`.ci/wheel-check`).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOT_SHIPPED = ("tests", "bench")
"""Top-level packages that stay out of the wheel (pyproject.toml excludes them)."""

BUILD_LEFTOVERS = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "*.pyc",
                                         ".pytest_cache", ".hypothesis")

IMPORT_ALL = """
import pkgutil, sys
from pathlib import Path
root = Path(sys.argv[1]).resolve()
names = []
for top in sys.argv[2:]:
    package = __import__(top)
    names.append(top)
    names += [m.name for m in pkgutil.walk_packages(package.__path__, top + ".") if not m.name.endswith(".__main__")]
for name in names:
    module = __import__(name, fromlist=["_"])
    assert Path(module.__file__).resolve().is_relative_to(root), f"{name} imported from {module.__file__}"
print(len(names))
"""


def source_files() -> tuple[set[str], set[str]]:
    """The top-level packages of the checkout, and every file below them (bytecode aside), as wheel paths."""
    tops = {d.name for d in ROOT.iterdir() if (d / "__init__.py").is_file() and d.name not in NOT_SHIPPED}
    files = {
        path.relative_to(ROOT).as_posix()
        for top in tops
        for path in (ROOT / top).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }
    return tops, files


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from a copy of the checkout."""
    work = tmp_path_factory.mktemp("wheel")
    shutil.copytree(ROOT, work / "src", ignore=BUILD_LEFTOVERS)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--no-index",
                    "--wheel-dir", str(work / "dist"), str(work / "src")],
                   check=True, capture_output=True, timeout=300)
    [built] = (work / "dist").glob("fwbot-*.whl")
    return built


@pytest.fixture(scope="module")
def unpacked(wheel: Path) -> Path:
    """The wheel's files as an installer lays them out in site-packages."""
    target = wheel.parent / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    return target


def run_from(site: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Python with only the unpacked wheel (and the installed dependencies) to import fwbot from."""
    return subprocess.run([sys.executable, *args], cwd=tmp_path, env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, timeout=120)


def test_the_wheel_holds_every_module_and_data_file_of_the_source_tree(wheel: Path) -> None:
    tops, expected = source_files()
    assert {"bot", "corpus", "index"} <= tops
    assert {"bot/slack/__init__.py", "bot/data/router.json", "corpus/data/facts.toml"} <= expected
    with zipfile.ZipFile(wheel) as archive:
        shipped = {name for name in archive.namelist() if not name.split("/")[0].endswith(".dist-info")}
    assert sorted(expected - shipped) == [], "in the source tree but not in the wheel"
    assert sorted(shipped - expected) == [], "in the wheel but not in the source tree"


def test_the_entry_point_names_the_terminal_cli(unpacked: Path) -> None:
    [entry_points] = unpacked.glob("fwbot-*.dist-info/entry_points.txt")
    assert "fwbot = bot.terminal.cli:main" in entry_points.read_text(encoding="utf-8").splitlines()


def test_every_module_imports_from_the_unpacked_wheel(unpacked: Path, tmp_path: Path) -> None:
    tops, files = source_files()
    done = run_from(unpacked, tmp_path, "-c", IMPORT_ALL, str(unpacked), *sorted(tops))
    assert done.returncode == 0, done.stderr
    modules = [f for f in files if f.endswith(".py") and not f.endswith("__main__.py")]
    assert int(done.stdout) == len(modules)


def test_ask_and_slack_run_from_the_unpacked_wheel(unpacked: Path, tmp_path: Path) -> None:
    asked = run_from(unpacked, tmp_path, "-c", "import sys; from bot.terminal.cli import main; sys.exit(main(sys.argv[1:]))",
                     "ask", "which is faster, pytorch or keras?")
    assert asked.returncode == 0, asked.stderr
    assert "Sources:" in asked.stdout
    helped = run_from(unpacked, tmp_path, "-m", "bot.slack", "--help")
    assert helped.returncode == 0, helped.stderr
    assert helped.stdout.startswith("usage: fwbot slack")
