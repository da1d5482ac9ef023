"""Merge one lesson's questions into ``data/question_bank.json`` (authors' tool).

The bank is one file for the whole collection. To work on the questions of some lessons without
touching the others, write them to a file of your own (``{"items": [...]}``) and run::

    python scripts/merge_questions.py my_items.json

Every item of the lessons present in ``my_items.json`` is replaced by the file's items; the
other lessons are kept. Items are written in lesson and number order. The bank is validated
(``peaceops.exercises.bank``) before it is written, so a bad item stops the merge with a message.
"""

from __future__ import annotations

import fcntl
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BANK = ROOT / "data" / "question_bank.json"


def _key(item: dict) -> tuple:
    lesson, _, rest = str(item["id"]).partition(".")
    number = "".join(c for c in rest if c.isdigit())
    return (int(lesson), int(number or 0), str(item["id"]))


def merge(new_items: list[dict], bank_path: Path = BANK) -> int:
    from peaceops.exercises import _item, _lessons

    with open(bank_path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        bank = json.loads(bank_path.read_text(encoding="utf-8"))
        lessons = {i["lesson"] for i in new_items}
        kept = [i for i in bank["items"] if i["lesson"] not in lessons]
        merged = sorted(kept + new_items, key=_key)
        known = _lessons(bank_path.parent)
        ids = [i["id"] for i in merged]
        if len(ids) != len(set(ids)):
            raise SystemExit(f"duplicate ids: {sorted({i for i in ids if ids.count(i) > 1})}")
        for raw in merged:
            _item(raw, known)  # raises a DataError naming the item
        bank["items"] = merged
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=bank_path.parent, delete=False) as tmp:
            tmp.write(json.dumps(bank, indent=1, ensure_ascii=False) + "\n")
        Path(tmp.name).replace(bank_path)
    bank_path.with_suffix(".lock").unlink(missing_ok=True)
    return len(merged)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    items = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))["items"]
    print(f"{merge(items)} items in {BANK.relative_to(ROOT)}")
