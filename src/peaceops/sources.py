"""Which source addresses the collection refuses: encyclopaedias, mirrors, aggregators, raw IP addresses.

The collection cites producers and authoritative publishers only (``../shared/STYLE.md`` §7): a UN
document by its symbol and official address, a mission's or commission's own page, a dataset's
release, peer-reviewed work, reputable reporting. This module is the one place that says what is
refused. ``tests/test_sources.py`` applies it to every curated table, descriptor, lesson, facilitator
page and user-facing string of the package.

From a shell, ``python -m peaceops.sources [FILE ...]`` lists the refused addresses in the given files
(by default the whole collection), one per line with its file and line number.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

#: Why each kind of host is refused. Each host pattern below is a regular expression matched
#: against the whole host name (lower case, without a trailing dot), so ``wikipedia\.org`` also
#: refuses ``en.m.wikipedia.org`` and ``ms.m.wikipedia.org.``.
ENCYCLOPAEDIA = "an encyclopaedia, a wiki, a dictionary or a copy of one"
MIRROR = "a mirror or document-sharing site: cite the original document"
AGGREGATOR = "an aggregator or secondary compilation: cite the producer"
RAW_IP = "a raw IP address, not a publisher's address"

DENYLIST: dict[str, str] = {
    # Every host with "wiki" in its name: Wikipedia in any language, Wikimedia, Wikisource,
    # Wikinews, Wikidata, Wiktionary, and their copies (wikimili, wikiwand, wikizero, wiki34 ...).
    r"(.*\.)?[^.]*wik[it][^.]*\..*": ENCYCLOPAEDIA,
    r"(.*\.)?dbpedia\.org": ENCYCLOPAEDIA,
    r"(.*\.)?dbkwik\.[a-z.]+|(.*\.)?webdatacommons\.org": ENCYCLOPAEDIA,
    r"(.*\.)?britannica\.com": ENCYCLOPAEDIA,
    r"(.*\.)?encyclopedia\.com": ENCYCLOPAEDIA,
    r"(.*\.)?newworldencyclopedia\.org": ENCYCLOPAEDIA,
    r"(.*\.)?worldhistory\.org": ENCYCLOPAEDIA,
    r"(.*\.)?infoplease\.com": ENCYCLOPAEDIA,
    r"(.*\.)?(en-)?academic\.(com|ru)": ENCYCLOPAEDIA,
    r"(.*\.)?knowledger\.de": ENCYCLOPAEDIA,
    r"(.*\.)?gujarativishwakosh\.org": ENCYCLOPAEDIA,
    r"(.*\.)?alchetron\.com": ENCYCLOPAEDIA,
    r"(.*\.)?piglix\.com": ENCYCLOPAEDIA,
    r"(.*\.)?memim\.com|(.*\.)?infosekolah\.net|(.*\.)?wiki2\.org|(.*\.)?abcdef\.[a-z.]+": ENCYCLOPAEDIA,
    r"(.*\.)?everybodywiki\.com|(.*\.)?justapedia\.org|(.*\.)?citizendium\.org": ENCYCLOPAEDIA,
    r"(.*\.)?(oxfordlearnersdictionaries|merriam-webster|dictionary|collinsdictionary)\.com": ENCYCLOPAEDIA,
    r"(.*\.)?thefreedictionary\.com|(.*\.)?definitions\.net": ENCYCLOPAEDIA,
    r"(.*\.)?studylib\.(net|es|fr)": MIRROR,
    r"(.*\.)?docslib\.org": MIRROR,
    r"(.*\.)?vdocuments?\.[a-z.]+": MIRROR,
    r"(.*\.)?pdfslide\.[a-z.]+|(.*\.)?fdocuments\.[a-z.]+|(.*\.)?dokumen\.[a-z.]+": MIRROR,
    r"(.*\.)?docplayer\.[a-z.]+|(.*\.)?yumpu\.com|(.*\.)?scribd\.com|(.*\.)?issuu\.com": MIRROR,
    r"(.*\.)?worddisk\.com": MIRROR,
    r"(.*\.)?lexploria\.com": MIRROR,
    r"(.*\.)?lawsdocbox\.com|(.*\.)?coursehero\.com|(.*\.)?pdfcoffee\.com": MIRROR,
    r"(.*\.)?oocities\.(org|com)|(.*\.)?geocities\.(ws|com)": MIRROR,
    r"cain\.el7\.digital": MIRROR,
    r"staging\.[a-z0-9.-]+": MIRROR,
    r"bbc\.adactio\.com": MIRROR,
    r"archive\.(ph|today|is|li|md)": MIRROR,
    r"(.*\.)?fakti\.bg": AGGREGATOR,
    r"(.*\.)?todayshistory\.org|(.*\.)?onthisday\.com": AGGREGATOR,
    r"(.*\.)?hotbot\.com": AGGREGATOR,
    r"(.*\.)?indexmundi\.com": AGGREGATOR,
    r"(.*\.)?unjobnet\.org": AGGREGATOR,
    r"(.*\.)?drishtiias\.com": AGGREGATOR,
    r"(.*\.)?menafn\.com": AGGREGATOR,
    r"(.*\.)?jawawa\.id": AGGREGATOR,
    r"(.*\.)?cdc\.univ-lille\.fr": AGGREGATOR,
    r"(.*\.)?unscr\.com": AGGREGATOR,
    r"(.*\.)?globalsecurity\.org": AGGREGATOR,
    r"(.*\.)?ahuizote\.com": AGGREGATOR,
}

#: Loopback addresses are the local JupyterLab server (``make lab``), never a source.
LOOPBACK = {"127.0.0.1", "localhost", "0.0.0.0"}

_URL = re.compile(r"https?://([^/\s\"'<>)\]|;,]+)", re.IGNORECASE)
_IP = re.compile(r"\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\]", re.IGNORECASE)
_DENY = [(re.compile(pattern), reason) for pattern, reason in DENYLIST.items()]


@dataclass(frozen=True)
class Hit:
    """One refused address: where it is, the address, and why it is refused."""

    where: str
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.url} ({self.reason})"


def host_of(netloc: str) -> str:
    """The host name of a URL's network location, lower case, without user, port or trailing dot."""
    host = netloc.rsplit("@", 1)[-1].lower()
    if not host.startswith("["):
        host = host.split(":", 1)[0]
    return host.rstrip(".")


def refusal(url: str) -> str | None:
    """Why ``url`` may not be cited, or None if its host is not refused."""
    match = _URL.match(url.strip())
    if not match:
        return None
    host = host_of(match.group(1))
    if host in LOOPBACK:
        return None
    if _IP.fullmatch(host):
        return RAW_IP
    for pattern, reason in _DENY:
        if pattern.fullmatch(host):
            return reason
    return None


def urls_in(text: str) -> Iterator[str]:
    """Every http(s) address in ``text``, up to the first space, quote or bracket."""
    for match in re.finditer(r"https?://[^\s\"'<>)\]|]+", text, flags=re.IGNORECASE):
        yield match.group(0).rstrip(".,;:")


def refused_in(text: str, where: str = "") -> list[Hit]:
    """The refused addresses in ``text``; ``where`` names the place for the message (file, line)."""
    return [Hit(where, url, reason) for url in urls_in(text) if (reason := refusal(url))]


def refused_in_files(paths: Iterable[Path]) -> list[Hit]:
    """The refused addresses in each file, line by line."""
    hits: list[Hit] = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            hits.extend(refused_in(line, f"{path}:{number}"))
    return hits


def collection_files(root: Path) -> list[Path]:
    """The files whose sources must be clean: tables, descriptors, lessons, guide, package, README."""
    patterns = (
        "data/*.csv", "data/*.json", "data/descriptors/*.json", "data/*.md", "notebooks/*.ipynb",
        "facilitator/*.md", "src/peaceops/**/*.py", "src/peaceops/**/*.j2", "src/peaceops/**/*.csv",
        "src/peaceops/**/*.json", "src/peaceops/**/*.yml", "src/peaceops/**/*.yaml", "*.md", "docs/*.md",
    )
    found = {p for pattern in patterns for p in root.glob(pattern) if p.is_file()}
    return sorted(p for p in found if p.name != "sources.py" and ".ipynb_checkpoints" not in p.parts)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = Path.cwd()
    paths = [Path(a) for a in args] if args else collection_files(root)
    hits = refused_in_files(paths)
    for hit in hits:
        print(hit)
    print(f"{len(hits)} refused address(es) in {len(paths)} file(s)", file=sys.stderr)
    return 1 if hits else 0


if __name__ == "__main__":
    raise SystemExit(main())
