"""Mark the first use of each glossary acronym in every lesson as ``<abbr title="Expansion">ACR</abbr>``.

JupyterLab renders ``<abbr>`` in markdown cells: a learner who hovers over the acronym sees its
expansion, and the full definition is on the glossary page (``docs/glossary.md``). The acronyms and
their expansions come from ``data/glossary.csv`` (rows with an ``expansion``).

For each notebook, the first use of each acronym in the lesson's prose is wrapped, once. Never
touched: code spans and fenced code, links (their text and their address), bare URLs, headings (their
text makes the anchor), HTML tags and what an existing ``<abbr>`` or ``<a>`` holds, and the
``## Sources`` cell (citations name publishers, not terms a learner must know). An acronym already
marked anywhere in a notebook is left alone, so a second run changes nothing.

    python scripts/mark_abbreviations.py            # mark every lesson in notebooks/
    python scripts/mark_abbreviations.py --check    # exit 1 and list the lessons that would change
    python scripts/mark_abbreviations.py notebooks/04_challenges.ipynb   # only these notebooks

The same module gives the tests their scanner: :func:`acronyms_in` lists the capitalised tokens of a
markdown text outside code, addresses and document symbols.
"""

from __future__ import annotations

import argparse
import csv
import html
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "data" / "glossary.csv"
NOTEBOOKS = ROOT / "notebooks"

UPPER = "A-ZÀ-ÖØ-Þ"
#: A capitalised token: two or more capitals or digits (``UNTSO``, ``G7``), or capitals joined by hyphens
#: or slashes (``FARC-EP``, ``R-ARCSS``, ``SPLM/A``, ``M-19``). A plural ``s`` may follow (``CLAs``).
TOKEN = re.compile(rf"(?<![\w])(?:[{UPPER}][{UPPER}0-9]*(?:[-/][{UPPER}0-9]+)+|[{UPPER}][{UPPER}0-9]+)(?=s?(?!\w))")

#: Document symbols and case numbers are identifiers, not acronyms: S/RES/1769 (2007), A/RES/79/1,
#: SC/16059, SG/SM/22713, A/54/549, S/2023/463, IT-98-33-A (an ICTY case), AG-008 (a UN archives fonds).
SYMBOL = re.compile(
    rf"(?<![\w/])(?:[{UPPER}]{{1,6}}/)+(?:[\w.()-]*/)*[\w.()-]*\d[\w.()-]*"  # anything with a slash and a digit
    # IT-98-33-A, AG-008 (but not M-19)
    rf"|(?<![\w-])(?:[{UPPER}]{{1,4}}(?:-\d+){{2,}}(?:-[{UPPER}]+)?|[{UPPER}]{{2,4}}-\d{{3,}})(?![\w-])"
    rf"|(?<![\w-])[{UPPER}]{{2,3}}-[{UPPER}]{{3}}-\d+"  # USAID document numbers such as PN-ACA-910
)

_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.MULTILINE | re.DOTALL)
_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_DETAILS = re.compile(r"<details\b.*?</details\s*>", re.DOTALL | re.IGNORECASE)
_ELEMENT = re.compile(r"<(abbr|a|code|kbd|pre|script|style)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_URL = re.compile(r"<?https?://[^\s<>]*[^\s<>.,;:!?'\")\]]")
# [text](target "title"), with one level of parentheses inside the target: (…/3068(XXVIII)).
_TARGET = r"\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)"
_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\](?:" + _TARGET + r"|\[[^\[\]]*\])")
_LINK_TARGET = re.compile(r"\](" + _TARGET + r"|\[[^\[\]]*\])")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+.*$", re.MULTILINE)
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t].*)?$", re.MULTILINE)


def _blank(text: str, pattern: re.Pattern, group: int = 0) -> str:
    """``text`` with every match of ``pattern`` (or of its ``group``) replaced by spaces of the same length."""
    def spaces(match: re.Match) -> str:
        start, end = match.span(group)
        whole = match.group(0)
        a, b = start - match.start(), end - match.start()
        return whole[:a] + re.sub(r"[^\n]", " ", whole[a:b]) + whole[b:]
    return pattern.sub(spaces, text)


def mask_for_scan(text: str) -> str:
    """The markdown ``text`` with code, HTML markup, addresses and document symbols blanked out.

    The visible words stay where they were (same length, same offsets), including link texts and
    headings: an acronym there must be in the glossary too.
    """
    for pattern in (_FENCE, _CODE, _COMMENT):
        text = _blank(text, pattern)
    text = _blank(text, _LINK_TARGET, 1)
    text = _blank(text, _REFERENCE)
    for pattern in (_TAG, _URL, SYMBOL):
        text = _blank(text, pattern)
    return text


def mask_for_marking(text: str, folded: bool = True) -> str:
    """The markdown ``text`` with everything :func:`mark` must never change blanked out: code, links
    (text and address), addresses, headings, HTML tags, what ``<abbr>`` or ``<a>`` hold, symbols.
    With ``folded=False`` the folded ``<details>`` blocks (solutions, points to raise) are blanked too."""
    patterns = [_FENCE, _CODE, _COMMENT, _ELEMENT, _LINK, _REFERENCE, _HEADING]
    if not folded:
        patterns.insert(3, _DETAILS)
    for pattern in (*patterns, _TAG, _URL, SYMBOL):
        text = _blank(text, pattern)
    return text


def acronyms_in(text: str, skip: Iterable[str] = ()) -> Iterator[str]:
    """The capitalised tokens of markdown ``text`` outside code, markup, addresses and symbols.

    ``skip`` lists glossary terms that are not plain tokens (``Geo-PKO``, ``Chapter VII``, ``DR Congo``):
    they are blanked out first, longest first, so their parts are not reported on their own.
    """
    masked = mask_for_scan(text)
    for term in sorted(skip, key=len, reverse=True):
        masked = re.sub(rf"(?<!\w){re.escape(term)}(?!\w)", lambda m: " " * len(m.group(0)), masked)
    for match in TOKEN.finditer(masked):
        token = match.group(0)
        if sum(ch.isupper() for ch in token) >= 2 or re.fullmatch(rf"[{UPPER}]-\d+", token):
            yield token


def read_glossary(path: Path = GLOSSARY) -> list[dict[str, str]]:
    with Path(path).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def abbreviations(rows: Iterable[dict[str, str]]) -> dict[str, str]:
    """Acronym -> expansion, for the glossary rows that are abbreviations."""
    return {row["term"]: row["expansion"] for row in rows if (row.get("expansion") or "").strip()}


def is_sources_cell(cell) -> bool:
    return cell.get("id") == "sources" or cell.source.lstrip().startswith("## Sources")


def prose_cells(nb) -> list:
    """The markdown cells of a lesson that carry its prose (every markdown cell but the Sources list)."""
    return [c for c in nb.cells if c.cell_type == "markdown" and not is_sources_cell(c)]


def _pattern(term: str) -> re.Pattern:
    # Not inside a longer token: FARC is not marked inside FARC-EP, nor UN inside UNTSO or non-UN;
    # "UN-led" and "CLAs" are (the acronym ends at a lower-case letter).
    return re.compile(rf"(?<![\w/-]){re.escape(term)}(?=s?(?!\w))(?![-/][{UPPER}0-9])")


def mark(nb, expansions: dict[str, str]) -> list[str]:
    """Wrap the first use of each acronym in ``nb``'s prose in ``<abbr>``; return the acronyms marked."""
    cells = prose_cells(nb)
    already = {m.group(1) for c in nb.cells if c.cell_type == "markdown"
               for m in re.finditer(r"<abbr\b[^>]*>\s*(.*?)\s*</abbr\s*>", c.source, re.DOTALL)}
    # Longest first, so that FARC-EP is decided before FARC and a longer term's span is never split.
    todo = [t for t in sorted(expansions, key=len, reverse=True) if t not in already]
    marked: list[str] = []
    for term in todo:
        pattern = _pattern(term)
        # The first use a reader sees: outside folded <details> if there is one, else inside.
        found = next(((cell, m) for folded in (False, True) for cell in cells
                      if (m := pattern.search(mask_for_marking(cell.source, folded)))), None)
        if found:
            cell, match = found
            start, end = match.span()
            wrapped = f'<abbr title="{_attribute(expansions[term])}">{term}</abbr>'
            cell.source = cell.source[:start] + wrapped + cell.source[end:]
            marked.append(term)
    return marked


def _attribute(text: str) -> str:
    """``text`` as the value of a double-quoted HTML attribute (apostrophes stay readable)."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def lessons(folder: Path = NOTEBOOKS) -> list[Path]:
    return sorted(Path(folder).glob("[0-9][0-9]_*.ipynb"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="lessons to mark (default: notebooks/NN_*.ipynb)")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a lesson would change")
    parser.add_argument("--glossary", type=Path, default=GLOSSARY, help="the glossary table (data/glossary.csv)")
    args = parser.parse_args(argv)
    expansions = abbreviations(read_glossary(args.glossary))
    changed = []
    for path in args.notebooks or lessons():
        nb = nbformat.read(path, as_version=4)
        marked = mark(nb, expansions)
        if not marked:
            continue
        changed.append(path)
        print(f"{path}: {'would mark' if args.check else 'marked'} {len(marked)}: {', '.join(sorted(marked))}")
        if not args.check:
            nbformat.write(nb, path)
    if args.check and changed:
        print(f"{len(changed)} lesson(s) would change: run `python scripts/mark_abbreviations.py`", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
