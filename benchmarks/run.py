"""The collection's benchmarks: print a table, fail only on a crash.

    python benchmarks/run.py            # or: make bench
    python benchmarks/run.py --only data,widgets

Measures, with the targets from the hardening issue:

1. nbval: every lesson under nbval, against the floor (the same number of notebooks that only
   import pandas, plotly and ipywidgets), in the same run. Target: ratio <= 1.3.
2. widgets: the in-kernel time of each lesson's main callback, from a control change to the
   updated figure, median and max over 50 changes. Target: median <= 30 ms.
3. data: loading and validating every table, cold (caches cleared). Target: <= 150 ms in all.
4. weight: the checkout without .git (<= 5 MB) and each committed notebook (<= 150 KB);
   each offline handout in build/handouts/ if built (`make handouts`).
6. simulation: the in-kernel time of each callback of lesson 13's solo game and room console
   (propose, caucus, back channel, strategy, breach, new game; record, draw an event), median
   and max over 20 scripted games. Target: median <= 30 ms each.
5. install: setup from scratch with the README command (`make .venv/.installed` in a fresh
   copy) and warm (run again). Slow and network-bound: only with --install.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
RESULTS: list[tuple[str, str, str, str]] = []  # (measure, value, target, verdict)


def record(measure: str, value: str, target: str = "", ok: bool | None = None) -> None:
    verdict = "" if ok is None else ("ok" if ok else "MISSED")
    RESULTS.append((measure, value, target, verdict))
    print(f"  {measure}: {value}" + (f"  (target {target}: {verdict})" if target else ""), flush=True)


# 1. nbval against the floor ------------------------------------------------------------------

FLOOR_CELL = "import pandas as pd\nimport plotly.graph_objects as go\nimport ipywidgets as widgets\n"


def _pytest_seconds(paths: list[str], cwd: Path) -> float:
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
           "--nbval-lax", "--nbval-current-env", *paths]
    started = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"pytest failed in {cwd}:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return elapsed


def bench_nbval() -> None:
    print("1. nbval against the floor", flush=True)
    import nbformat

    with tempfile.TemporaryDirectory() as tmp:
        floor = Path(tmp)
        for i in range(len(NOTEBOOKS)):
            nb = nbformat.v4.new_notebook()
            nb.cells = [nbformat.v4.new_code_cell(FLOOR_CELL)]
            nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
            nbformat.write(nb, floor / f"floor_{i:02d}.ipynb")
        lessons = _pytest_seconds([str(p.relative_to(ROOT)) for p in NOTEBOOKS], ROOT)
        floor_s = _pytest_seconds(sorted(p.name for p in floor.glob("*.ipynb")), floor)
    record(f"nbval, {len(NOTEBOOKS)} lessons", f"{lessons:.1f} s")
    record(f"nbval, {len(NOTEBOOKS)} floor notebooks", f"{floor_s:.1f} s")
    ratio = lessons / floor_s
    record("nbval ratio lessons / floor", f"{ratio:.2f}", "<= 1.3", ratio <= 1.3)


# 2. widget responsiveness --------------------------------------------------------------------

def _explorers_of(notebook: Path) -> list:
    """Run a lesson's code in an in-process IPython shell and collect the explorers it builds, in order."""
    import nbformat
    from IPython.core.interactiveshell import InteractiveShell

    from peaceops.widgets import Explorer

    shown: list = []
    original = Explorer.__init__

    def recording_init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        shown.append(self)

    Explorer.__init__ = recording_init
    shell = InteractiveShell.instance()
    cwd = os.getcwd()
    try:
        os.chdir(notebook.parent)
        for cell in nbformat.read(notebook, as_version=4).cells:
            if cell.cell_type == "code":
                result = shell.run_cell(cell.source, silent=True, store_history=False)
                if result.error_in_exec is not None:
                    raise result.error_in_exec
    finally:
        os.chdir(cwd)
        Explorer.__init__ = original
        InteractiveShell.clear_instance()
    return shown


def _values(control) -> list:
    """Values to cycle a control through."""
    import ipywidgets as w

    if isinstance(control, w.SelectMultiple):
        values = list(control._options_values)
        return [tuple(values[: i + 1]) for i in range(len(values))]
    if isinstance(control, w.IntRangeSlider):
        lo, hi = control.min, control.max
        return [(lo + k, hi - k) for k in range(0, max(1, (hi - lo) // 2 - 1), max(1, (hi - lo) // 20))]
    if isinstance(control, w.IntSlider | w.FloatSlider):
        step = control.step or 1
        return [control.min + k * step for k in range(int((control.max - control.min) / step) + 1)]
    if hasattr(control, "_options_values"):
        return list(control._options_values)
    return [control.value]


def bench_widgets(changes: int = 50) -> None:
    print(f"2. widget responsiveness ({changes} changes of each lesson's main control)", flush=True)
    import warnings

    warnings.simplefilter("ignore")
    medians = []
    for notebook in NOTEBOOKS:
        explorers = _explorers_of(notebook)
        if not explorers:
            record(f"{notebook.stem}", "no explorer")
            continue
        explorer = explorers[0]
        control = explorer.controls[0]
        values = [v for v in _values(control) if v != control.value] + [control.value]
        if len(values) < 2:
            record(f"{notebook.stem}", "control has a single value")
            continue
        times = []
        for i in range(changes):
            value = values[i % len(values)]
            if value == control.value:
                value = values[(i + 1) % len(values)]
            started = time.perf_counter()
            control.value = value  # the observer runs the callback synchronously, as in the kernel
            times.append((time.perf_counter() - started) * 1000)
        median, worst = statistics.median(times), max(times)
        medians.append(median)
        label = f"{notebook.stem} · {type(explorer).__name__}.{getattr(control, 'description', 'control')}"
        record(label, f"median {median:.1f} ms, max {worst:.1f} ms", "median <= 30 ms", median <= 30)


# 3. data loading -----------------------------------------------------------------------------

def bench_data(repeats: int = 5) -> None:
    print("3. data loading and validation (cold: caches cleared before each run)", flush=True)
    from peaceops import data

    runs = []
    for _ in range(repeats):
        data._load_checked.cache_clear()
        data._read_descriptor.cache_clear()
        started = time.perf_counter()
        for name in data.table_names():
            data.load(name)
        runs.append((time.perf_counter() - started) * 1000)
    best, median = min(runs), statistics.median(runs)
    record(f"load + validate all {len(data.table_names())} tables", f"median {median:.0f} ms (best {best:.0f} ms)",
           "<= 150 ms", median <= 150)


# 4. weight -----------------------------------------------------------------------------------

def bench_weight() -> None:
    print("4. weight", flush=True)
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True).stdout
    files = [ROOT / f for f in tracked.split("\0") if f]
    total = sum(f.stat().st_size for f in files if f.is_file())
    record("checkout without .git (tracked files)", f"{total / 1e6:.2f} MB", "<= 5 MB", total <= 5e6)
    biggest = max(NOTEBOOKS, key=lambda p: p.stat().st_size)
    sizes = [p.stat().st_size for p in NOTEBOOKS]
    record("largest committed notebook", f"{biggest.name} {max(sizes) / 1e3:.0f} KB", "<= 150 KB",
           max(sizes) <= 150e3)
    handouts = sorted((ROOT / "build" / "handouts").glob("[0-9][0-9]_*.html"))
    for handout in handouts:
        record(f"handout {handout.name}", f"{handout.stat().st_size / 1e6:.1f} MB")
    if not handouts:
        record("handouts", "not built (run `make handouts`)")


# 5. install ----------------------------------------------------------------------------------

def bench_install() -> None:
    print("5. install with the README command (make), from scratch and warm", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "collection"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(copy)], check=True)
        for label in ("from scratch", "warm"):
            started = time.perf_counter()
            subprocess.run(["make", ".venv/.installed", f"PYTHON={sys.executable if False else 'python3'}"],
                           cwd=copy, check=True, capture_output=True)
            record(f"setup {label}", f"{time.perf_counter() - started:.1f} s")


# 6. the mediation simulation's callbacks --------------------------------------------------------

def bench_simulation(games: int = 20) -> None:
    print(f"6. simulation callbacks ({games} scripted games, in the kernel's process)", flush=True)
    from peaceops.simulation import play

    play.Debrief.show = lambda self: self.summary() and self.figure()  # the debrief, computed but not displayed
    package = {"security": "un_observers", "power": "cabinet", "ddr": "phased", "elections": "two_years",
               "justice": "truth", "women": "quota"}
    times: dict[str, list[float]] = {}

    def timed(name, call, *args):
        started = time.perf_counter()
        call(*args)
        times.setdefault(name, []).append((time.perf_counter() - started) * 1000)

    solo = play.SoloPlay(seed=1)
    for seed in range(1, games + 1):
        timed("SoloPlay.new_game", solo.new_game, seed)
        timed("SoloPlay.ask (caucus)", solo.ask, "hlf")
        timed("SoloPlay.disclose (breach)", solo.disclose, "hlf", "das")  # after the caucus with the Front
        timed("SoloPlay.back_channel", solo.back_channel)
        timed("SoloPlay.use_strategy", solo.use_strategy, "coercion")
        while not solo.game.over:
            timed("SoloPlay.propose", solo.propose, package)
        room = play.RoomConsole(seed=seed)
        timed("RoomConsole.record", room.record, {**package, "power": "none"}, {"gov": True})
        timed("RoomConsole.draw_event", room.draw_event)
        timed("RoomConsole.record", room.record, package, {p: True for p in room.votes})
    for name, values in times.items():
        median = statistics.median(values)
        record(name, f"median {median:.1f} ms, max {max(values):.1f} ms (n={len(values)})", "median <= 30 ms",
               median <= 30)


BENCHES = {"nbval": bench_nbval, "widgets": bench_widgets, "data": bench_data, "weight": bench_weight,
           "simulation": bench_simulation, "install": bench_install}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated: " + ", ".join(BENCHES))
    parser.add_argument("--install", action="store_true", help="also time the install (slow, needs the network)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    args = parser.parse_args(argv)
    names = args.only.split(",") if args.only else [n for n in BENCHES if n != "install" or args.install]
    print(f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Linux {platform.release()}, "
          f"Python {platform.python_version()}\n")
    for name in names:
        BENCHES[name]()
    print("\n| Measure | Value | Target | |\n|---|---|---|---|")
    for row in RESULTS:
        print("| " + " | ".join(row) + " |")
    if args.json:
        args.json.write_text(json.dumps(RESULTS, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
