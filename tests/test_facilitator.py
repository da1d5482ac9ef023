"""The facilitator guide covers every lesson, with timings taken from the lessons' metadata."""

from __future__ import annotations

import json
import re

from conftest import ROOT

GUIDE = ROOT / "facilitator"


def lessons():
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        yield path, json.loads(path.read_text(encoding="utf-8"))["metadata"]["peaceops"]


def test_every_lesson_has_a_page_with_its_timing():
    readme = (GUIDE / "README.md").read_text(encoding="utf-8")
    for path, meta in lessons():
        page = GUIDE / f"{path.stem}.md"
        assert page.is_file(), f"facilitator/{page.name} is missing"
        first = page.read_text(encoding="utf-8").splitlines()[0]
        expected = (f"**Timing**: {meta['teaching_minutes']} min teaching · {meta['exercise_minutes']} min exercises"
                    f" · {meta['discussion_minutes']} min discussion · {meta.get('optional_minutes', 0)} min optional")
        assert first == expected, f"facilitator/{page.name}: timing {first!r} is not the lesson's {expected!r}"
        assert f"{path.stem}.md" in readme, f"facilitator/README.md does not link {path.stem}.md"


def test_every_discussion_question_has_a_model_answer():
    for path, _meta in lessons():
        nb = json.loads(path.read_text(encoding="utf-8"))
        discussion = next("".join(c["source"]) for c in nb["cells"]
                          if c["cell_type"] == "markdown" and "".join(c["source"]).startswith("## Discussion"))
        questions = len(re.findall(r"^\d+\.", discussion, re.M))
        page = (GUIDE / f"{path.stem}.md").read_text(encoding="utf-8")
        assert questions >= 2, f"{path.name}: fewer than two discussion questions"
        assert re.search(r"model answer", page, re.I), f"facilitator/{path.stem}.md has no model answers section"


def test_the_sizing_table_comes_from_the_measurement():
    readme = (GUIDE / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- sizing -->\n(.*?)<!-- /sizing -->", readme, re.S)
    assert block and "| 30 |" in block.group(1) and "| 200 |" in block.group(1), "run benchmarks/memory.py --update"
