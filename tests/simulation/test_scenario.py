"""The scenario file: complete, consistent, labelled as fiction, and every damage named in a short message."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest

from peaceops.data import DataError
from peaceops.simulation import scenario as sc

ROOT = Path(__file__).resolve().parents[2]
RAW = json.loads((ROOT / "data" / sc.FILE).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def s():
    return sc.load()


def test_the_size_the_issue_asks_for(s):
    assert 5 <= len(s.parties) <= 6 and len(s.voters) == len(s.parties) - 1
    assert 5 <= len(s.issues) <= 6
    assert all(3 <= len(i.options) <= 4 for i in s.issues)
    assert s.size == 1728


def test_every_party_scores_every_option_and_every_option_is_named(s):
    for p in s.voters:
        for i in s.issues:
            assert set(p.scores[i.id]) == {o.id for o in i.options}, (p.id, i.id)
        assert sum(max(t.values()) for t in p.scores.values()) == 100
    assert all(o.name.strip() for i in s.issues for o in i.options)
    mediators = [p for p in s.parties if not p.votes]
    assert len(mediators) == 1 and mediators[0].scores is None


def test_the_roles_the_issue_names(s):
    ids = {p.id for p in s.parties}
    assert ids == {"gov", "hlf", "rrb", "wpc", "das", "med"}
    assert s.party("rrb").spoiler and s.party("rrb").outside and s.party("rrb").batna is None
    assert set(s.rule["required"]) == {"gov", "hlf"}


def test_issues_come_from_the_pax_categories_the_collection_uses(s):
    header = (ROOT / "data" / "agreements.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    for issue in s.issues:
        assert issue.pax and set(issue.pax) <= set(header), issue.id


def test_the_fiction_is_labelled_and_uses_no_real_case_names(s):
    assert RAW["fictional"] is True and "FICTIONAL" in RAW["about"] and "teaching assumption" in RAW["about"]
    text = json.dumps(RAW)
    for real in ("Bosnia", "Sudan", "Colombia", "Cyprus", "Timor", "Ireland", "South Africa", "FARC", "IRA"):
        assert real not in text, f"a real name in the fictional scenario: {real}"


def test_spoiler_types_strategies_and_events_refer_to_real_parties(s):
    assert tuple(s.spoiler_types) == sc.SPOILER_TYPES and tuple(s.strategies) == sc.STRATEGIES
    assert s.spoiler_types["total"]["batna"] > 100, "a total spoiler wants more than anything on the table"
    assert s.strategies["socialisation"].rounds == 1
    for strategy in s.strategies.values():
        if strategy.id != "none":
            assert strategy.cost_text, f"{strategy.id}: every strategy states its cost"
    assert len({e.id for e in s.events}) == len(s.events)


def write(tmp_path: Path, raw) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    text = raw if isinstance(raw, str) else json.dumps(raw)
    (folder / sc.FILE).write_text(text, encoding="utf-8")
    return folder


def damaged(change):
    raw = copy.deepcopy(RAW)
    change(raw)
    return raw


@pytest.mark.parametrize("change, words", [
    (lambda r: r["parties"][0]["scores"]["power"].pop("autonomy"), "scores no points for autonomy"),
    (lambda r: r["parties"][1]["scores"]["ddr"].update(disband=3), "an option that does not exist: disband"),
    (lambda r: r["parties"][0]["scores"]["women"].update(silent=9), "worth 104 points"),
    (lambda r: r["parties"][3].pop("batna"), "needs a 'batna'"),
    (lambda r: r["issues"][2]["options"].pop(), "an option that does not exist: integration"),
    (lambda r: r["outlook"]["factors"][1].update(party="nobody"), "names 'nobody'"),
    (lambda r: r["outlook"]["factors"][3].update(options=["un_tanks"]), "'un_tanks'"),
    (lambda r: r["rule"]["others"].append("med"), "'med' is not a voting party"),
    (lambda r: r.update(fictional=False), "never pass for a real country"),
    (lambda r: r["events"][0]["batna"].update(xyz=1), "'xyz', which is not a voting party"),
    (lambda r: r["issues"][0]["options"][1].update(name=""), "'name' is missing"),
])
def test_a_damaged_scenario_gives_a_short_message_naming_the_fix(tmp_path, change, words):
    with pytest.raises(DataError) as err:
        sc.load(write(tmp_path, damaged(change)))
    text = str(err.value)
    assert words in text and "git checkout data/simulation.json" in text and text.count("\n") <= 1, text


def test_a_file_that_is_not_json_or_missing(tmp_path):
    with pytest.raises(DataError, match="line 1"):
        sc.load(write(tmp_path, "{ not json"))
    with pytest.raises(DataError, match="is missing"):
        sc.load(tmp_path / "nowhere")


def test_the_loader_reads_a_copy_and_caches_until_it_changes(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(ROOT / "data" / sc.FILE, folder / sc.FILE)
    assert sc.load(folder) is sc.load(folder)
