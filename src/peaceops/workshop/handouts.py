"""Offline handouts: every lesson executed and exported to one self-contained HTML file.

    python -m peaceops.workshop.handouts                      # all lessons -> build/handouts/
    python -m peaceops.workshop.handouts --out DIR notebooks/04_challenges.ipynb

Each handout keeps the text, the code, the tables and the figures, which stay interactive
(hover, zoom) because plotly.js is written into the file; nothing is loaded from the network,
so a handout opens in any browser without a kernel and without internet. Controls cannot run
without a kernel: explorers show their figure as first drawn, with a note naming the settings,
and self-checks show their answer folded away. With lesson 13, the simulation's printable
briefs, public briefing, outcome form and scoring sheet go beside the handouts, in
``simulation-briefs/``, linked from the index. ``make handouts`` runs this.
"""

from __future__ import annotations

import argparse
import html
import os
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parents[3]
TEMPLATES = Path(__file__).resolve().parent / "templates"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = ("<p><i>An interactive widget is here. Open this lesson in JupyterLab (see the README) "
               "to use it.</i></p>")


def strip_widgets(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Replace live-widget outputs, which need a kernel, by a short note, and drop widget state."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        outputs = []
        for out in cell.get("outputs", []):
            if WIDGET_VIEW in out.get("data", {}):
                outputs.append(nbformat.v4.new_output("display_data", data={"text/html": WIDGET_NOTE}))
            else:
                outputs.append(out)
        cell.outputs = outputs
    nb.metadata.pop("widgets", None)
    return nb


def export(notebook: Path, out_dir: Path, timeout: int = 600) -> Path:
    """Execute ``notebook`` in handout mode and write ``out_dir/<name>.html``."""
    nb = nbformat.read(notebook, as_version=4)
    previous = os.environ.get("PEACEOPS_HANDOUT")
    os.environ["PEACEOPS_HANDOUT"] = "1"  # the kernel inherits it
    try:
        NotebookClient(nb, timeout=timeout, kernel_name="python3",
                       resources={"metadata": {"path": str(notebook.parent)}}).execute()
    finally:
        if previous is None:
            os.environ.pop("PEACEOPS_HANDOUT", None)
        else:
            os.environ["PEACEOPS_HANDOUT"] = previous
    exporter = HTMLExporter(template_name="handout", extra_template_basedirs=[str(TEMPLATES)])
    body, _ = exporter.from_notebook_node(strip_widgets(nb))
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{notebook.stem}.html"
    target.write_text(body, encoding="utf-8")
    return target


SIMULATION = "13_simulation"
BRIEFS = "simulation-briefs"


def write_briefs(out_dir: Path) -> Path:
    """The simulation's printable materials in ``out_dir/simulation-briefs/``; returns their index."""
    from peaceops.simulation import briefs

    briefs.build(out_dir / BRIEFS)
    return out_dir / BRIEFS / "index.html"


def write_index(paths: list[Path], out_dir: Path, extra: list[tuple[str, Path]] | None = None) -> Path:
    items = "".join(f'<li><a href="{html.escape(p.name)}">{html.escape(p.stem)}</a></li>' for p in paths)
    items += "".join(f'<li><a href="{html.escape(p.relative_to(out_dir).as_posix())}">{html.escape(label)}</a></li>'
                     for label, p in (extra or []))
    page = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Diplomatic Engagement in "
            "Peace Operations: handouts</title></head><body><h1>Diplomatic Engagement in Peace Operations</h1>"
            f"<p>Offline handouts: open any lesson in a browser, no internet needed.</p><ul>{items}</ul></body></html>")
    index = out_dir / "index.html"
    index.write_text(page, encoding="utf-8")
    return index


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m peaceops.workshop.handouts", description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="lessons to export (default: all)")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "handouts", help="output folder")
    args = parser.parse_args(argv)
    notebooks = args.notebooks or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    missing = [str(p) for p in notebooks if not Path(p).is_file()]
    if missing:
        parser.error(f"not found: {', '.join(missing)}")
    written = []
    started = time.monotonic()
    for notebook in notebooks:
        t0 = time.monotonic()
        target = export(Path(notebook), args.out)
        written.append(target)
        print(f"{target}  {target.stat().st_size / 1e6:.1f} MB  {time.monotonic() - t0:.1f} s")
    extra = []
    if any(Path(n).stem == SIMULATION for n in notebooks):
        extra.append(("13 · simulation: printable briefs, public briefing, outcome form, scoring sheet",
                      write_briefs(args.out)))
    write_index(written, args.out, extra)
    print(f"{len(written)} handouts in {time.monotonic() - started:.0f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
