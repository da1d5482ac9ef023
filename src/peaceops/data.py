"""Load the collection's tables and check them against their Frictionless descriptor.

Every table in ``data/`` is described in ``data/datapackage.json``: its fields and their
types, constraints, primary key and foreign keys. :func:`load` reads a table and checks it
against that description, so a learner who edits or damages a file gets a
:class:`DataError` that names the file, the column and the row, and says what to do,
instead of a bare ``KeyError`` deep in pandas.

>>> from peaceops.data import load
>>> cases = load("cases")
"""

from __future__ import annotations

import difflib
import json
import os
import re
import warnings
from functools import lru_cache
from pathlib import Path

import pandas as pd

__all__ = ["DataError", "DataWarning", "data_dir", "load", "resource", "table_names"]

RESTORE_HINT = (
    "Restore the shipped copy with `git checkout -- data/{path}` (or download the collection again); "
    "derived tables can also be rebuilt with `python scripts/build_data.py`."
)


class DataError(ValueError):
    """A table is missing or does not match its description. The message says what to do."""


class DataWarning(UserWarning):
    """Something unexpected but harmless in a table, such as an extra column."""


def data_dir() -> Path:
    """The folder holding ``datapackage.json``: ``$PEACEOPS_DATA``, else the collection's ``data/``."""
    env = os.environ.get("PEACEOPS_DATA")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "data"
        if (candidate / "datapackage.json").is_file():
            return candidate
    return here.parents[2] / "data"


def _descriptor(folder: Path) -> dict:
    path = folder / "datapackage.json"
    try:
        mtime = path.stat().st_mtime_ns
    except FileNotFoundError:
        raise DataError(
            f"{path}: the data descriptor is missing. Run the notebooks from the collection's folder "
            "(the one with README.md), or set PEACEOPS_DATA to the folder that holds datapackage.json."
        ) from None
    return _read_descriptor(str(path), mtime)


@lru_cache(maxsize=8)
def _read_descriptor(path: str, mtime: int) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DataError(
            f"{path}: not valid JSON ({exc}). Restore it with `git checkout -- data/datapackage.json` "
            "or regenerate it with `python scripts/build_datapackage.py`."
        ) from None


def table_names(folder: Path | None = None) -> list[str]:
    """The names of every table described in the data package."""
    return [r["name"] for r in _descriptor(Path(folder or data_dir()))["resources"]]


def resource(name: str, folder: Path | None = None) -> dict:
    """The Frictionless resource descriptor of table ``name``."""
    folder = Path(folder or data_dir())
    resources = {r["name"]: r for r in _descriptor(folder)["resources"]}
    if name not in resources:
        close = difflib.get_close_matches(str(name), resources, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise DataError(
            f"There is no table called {name!r} in {folder / 'datapackage.json'}.{hint} "
            f"Known tables: {', '.join(sorted(resources))}."
        )
    return resources[name]


def load(name: str, folder: Path | None = None) -> pd.DataFrame:
    """Read table ``name`` from ``data/``, check it against its schema and return typed columns.

    Integer fields become ``Int64`` (missing values stay missing), numbers ``float64``,
    dates ``datetime64``, booleans ``boolean`` and strings ``str``. Raises :class:`DataError`
    naming the file, the column, the row and the fix when the table does not match.
    The result is a fresh copy: changing it does not change what later calls return.
    """
    folder = Path(folder or data_dir())
    res = resource(name, folder)
    path = folder / res["path"]
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise DataError(
            f"{path}: file not found (table {name!r}). " + RESTORE_HINT.format(path=res["path"])
        ) from None
    frame = _load_checked(name, str(folder), stat.st_mtime_ns, stat.st_size)
    return frame.copy()


@lru_cache(maxsize=64)
def _load_checked(name: str, folder: str, mtime: int, size: int) -> pd.DataFrame:
    folder_path = Path(folder)
    res = resource(name, folder_path)
    path = folder_path / res["path"]
    schema = res.get("schema", {})
    fields = schema.get("fields", [])
    frame = _read_typed(path, fields)
    if frame is None:
        # Slow path: something does not parse. Read everything as text and convert column by
        # column, so that the error names the file, the column, the line and the value.
        raw = _read_raw(path, res)
        _check_columns(path, raw, fields)
        frame = pd.DataFrame(index=raw.index)
        for field in fields:
            frame[field["name"]] = _convert(path, raw, field)
        for extra in [c for c in raw.columns if c not in frame.columns]:
            frame[extra] = raw[extra]
    else:
        _check_columns(path, frame, fields)
        for field in fields:
            if field.get("constraints"):
                _check_constraints(path, field["name"], frame[field["name"]], field["constraints"])
        names = [f["name"] for f in fields]
        frame = frame[names + [c for c in frame.columns if c not in names]]
    _check_primary_key(path, frame, schema.get("primaryKey"))
    for fk in schema.get("foreignKeys", []):
        _check_foreign_key(path, frame, fk, folder_path)
    _check_uncertainty(path, frame)
    return frame


_FAST_TYPES = {"integer": "Int64", "number": "float64", "boolean": "boolean", "string": str}


def _read_typed(path: Path, fields: list[dict]) -> pd.DataFrame | None:
    """Fast path for a valid file: the CSV parser types every column in one pass. Returns None
    when anything does not parse (or the file is empty), so the slow path can say exactly what."""
    dtypes = {f["name"]: _FAST_TYPES.get(f.get("type", "string"), str) for f in fields if f.get("type") != "date"}
    dates = [f["name"] for f in fields if f.get("type") == "date"]
    try:
        frame = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""], encoding="utf-8-sig",
                            parse_dates=dates, date_format="%Y-%m-%d")
    except (ValueError, TypeError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError):
        return None
    if frame.empty or any(not pd.api.types.is_datetime64_any_dtype(frame[d]) for d in dates if d in frame):
        return None
    if any(f.get("type") in ("integer", "number") and f["name"] in frame and frame[f["name"]].dtype == object
           for f in fields):
        return None
    return frame


def _line(row: int) -> int:
    """The line in the CSV file of data row ``row`` (the header is line 1)."""
    return int(row) + 2


def _read_raw(path: Path, res: dict) -> pd.DataFrame:
    if path.stat().st_size == 0:
        raise DataError(f"{path}: the file is empty. " + RESTORE_HINT.format(path=res["path"]))
    try:
        raw = pd.read_csv(
            path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8-sig", on_bad_lines="error"
        )
    except UnicodeDecodeError as exc:
        raise DataError(
            f"{path}: not UTF-8 text (byte {exc.start} cannot be decoded). If you edited it in a "
            "spreadsheet, save it again as 'CSV UTF-8'. " + RESTORE_HINT.format(path=res["path"])
        ) from None
    except pd.errors.EmptyDataError:
        raise DataError(f"{path}: the file is empty. " + RESTORE_HINT.format(path=res["path"])) from None
    except pd.errors.ParserError as exc:
        raise DataError(
            f"{path}: not a valid CSV table ({exc}). Check the commas and quotes on that line. "
            + RESTORE_HINT.format(path=res["path"])
        ) from None
    if raw.empty:
        raise DataError(
            f"{path}: the file has a header row but no data rows. " + RESTORE_HINT.format(path=res["path"])
        )
    return raw


def _check_columns(path: Path, raw: pd.DataFrame, fields: list[dict]) -> None:
    expected = [f["name"] for f in fields]
    present = list(raw.columns)
    missing = [c for c in expected if c not in present]
    unexpected = [c for c in present if c not in expected]
    if missing:
        problems = []
        for column in missing:
            close = difflib.get_close_matches(column, unexpected, n=1, cutoff=0.6)
            if close:
                problems.append(f"column {column!r} is missing; the file has {close[0]!r}: is it misspelt?")
            else:
                problems.append(f"column {column!r} is missing")
        raise DataError(
            f"{path}: " + "; ".join(problems) + f". Expected columns: {', '.join(expected)}. "
            "Fix the header row, or restore the file with `git checkout -- data/" + path.name + "`."
        )
    if unexpected:
        warnings.warn(
            f"{path}: extra column(s) {', '.join(map(repr, unexpected))} not in the descriptor; kept as text.",
            DataWarning,
            stacklevel=4,
        )


_TRUE = {"true", "1", "yes"}
_FALSE = {"false", "0", "no"}


def _bad(path: Path, column: str, row: int, value: object, expected: str) -> DataError:
    return DataError(
        f"{path}, column {column!r}, line {_line(row)}: {value!r} is not {expected}. "
        f"Correct that cell, or restore the file with `git checkout -- data/{path.name}`."
    )


def _convert(path: Path, raw: pd.DataFrame, field: dict) -> pd.Series:
    name, kind = field["name"], field.get("type", "string")
    text = raw[name] if kind == "string" else raw[name].str.strip()
    present = text.notna()
    constraints = field.get("constraints", {})
    if kind == "integer":
        values = pd.to_numeric(text, errors="coerce")
        bad = present & (values.isna() | (values % 1 != 0))
        if bad.any():
            row = int(bad.idxmax())
            raise _bad(path, name, row, raw[name][row], "a whole number")
        series = values.astype("Int64")
    elif kind == "number":
        values = pd.to_numeric(text, errors="coerce")
        bad = present & values.isna()
        if bad.any():
            row = int(bad.idxmax())
            raise _bad(path, name, row, raw[name][row], "a number")
        series = values.astype("float64")
    elif kind == "date":
        values = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
        bad = present & values.isna()
        if bad.any():
            row = int(bad.idxmax())
            raise _bad(path, name, row, raw[name][row], "a date written YYYY-MM-DD")
        series = values
    elif kind == "boolean":
        lowered = text.str.lower()
        bad = present & ~lowered.isin(_TRUE | _FALSE)
        if bad.any():
            row = int(bad.idxmax())
            raise _bad(path, name, row, raw[name][row], "true or false")
        series = lowered.map(lambda v: True if v in _TRUE else (False if v in _FALSE else pd.NA))
        series = series.astype("boolean")
    else:
        series = text
    _check_constraints(path, name, series, constraints)
    return series


def _check_constraints(path: Path, name: str, series: pd.Series, constraints: dict) -> None:
    if not constraints:
        return
    present = series.notna()
    if constraints.get("required") and not present.all():
        row = int(present.idxmin())
        raise DataError(
            f"{path}, column {name!r}, line {_line(row)}: the value is missing but required. "
            f"Fill it in, or restore the file with `git checkout -- data/{path.name}`."
        )
    if "enum" in constraints:
        allowed = constraints["enum"]
        bad = present & ~series.isin(allowed)
        if bad.any():
            row = int(bad.idxmax())
            close = difflib.get_close_matches(str(series[row]), [str(a) for a in allowed], n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            raise DataError(
                f"{path}, column {name!r}, line {_line(row)}: {series[row]!r} is not one of "
                f"{', '.join(map(str, allowed))}.{hint}"
            )
    for key, op, word in (("minimum", "lt", "below the minimum"), ("maximum", "gt", "above the maximum")):
        if key in constraints:
            limit = constraints[key]
            if pd.api.types.is_datetime64_any_dtype(series):
                limit = pd.Timestamp(limit)
            bad = present & getattr(series, op)(limit).fillna(False).astype(bool)
            if bad.any():
                row = int(bad.idxmax())
                raise DataError(
                    f"{path}, column {name!r}, line {_line(row)}: {series[row]} is {word} {limit} "
                    "allowed for this column. Check the value against the source named in data/README.md."
                )
    if "pattern" in constraints:
        pattern = re.compile(constraints["pattern"])
        matches = series[present].astype(str).map(lambda v: bool(pattern.fullmatch(v))).astype(bool)
        bad = present & ~matches.reindex(series.index, fill_value=True)
        if bad.any():
            row = int(bad.idxmax())
            raise DataError(
                f"{path}, column {name!r}, line {_line(row)}: {series[row]!r} does not have the expected "
                f"form ({constraints['pattern']})."
            )
    if constraints.get("unique"):
        dup = present & series.duplicated(keep="first")
        if dup.any():
            row = int(dup.idxmax())
            raise DataError(
                f"{path}, column {name!r}, line {_line(row)}: {series[row]!r} appears twice, "
                "but each value must be unique. Remove or correct the duplicate row."
            )


def _as_list(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _plain(value: object) -> object:
    """A numpy scalar as a plain Python value, so messages read 2002 rather than np.int64(2002)."""
    return value.item() if hasattr(value, "item") else value


def _check_primary_key(path: Path, frame: pd.DataFrame, key: str | list[str] | None) -> None:
    columns = _as_list(key)
    if not columns:
        return
    dup = frame.duplicated(subset=columns, keep="first")
    if dup.any():
        row = int(dup.idxmax())
        values = ", ".join(f"{c}={_plain(frame.at[row, c])!r}" for c in columns)
        raise DataError(
            f"{path}, line {_line(row)}: duplicate key ({values}); each row must have its own "
            f"{' + '.join(columns)}. Remove or correct the duplicate row."
        )


def _check_foreign_key(path: Path, frame: pd.DataFrame, fk: dict, folder: Path) -> None:
    columns = _as_list(fk["fields"])
    target = fk["reference"]["resource"]
    target_columns = _as_list(fk["reference"]["fields"])
    other = frame if target in ("", None) else _load_checked(target, str(folder), *_stamp(folder, target))
    keys = frame[columns].astype(str).agg("\x1f".join, axis=1) if len(columns) > 1 else frame[columns[0]].astype(str)
    known_keys = (other[target_columns].astype(str).agg("\x1f".join, axis=1) if len(target_columns) > 1
                  else other[target_columns[0]].astype(str))
    unknown = frame[columns].notna().all(axis=1) & ~keys.isin(set(known_keys))
    if not unknown.any():
        return
    row = int(unknown.idxmax())
    values = tuple(frame.loc[row, columns])
    options = sorted(set(known_keys)) if len(target_columns) == 1 else []
    close = difflib.get_close_matches(str(values[0]), options, n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    value = values[0] if len(values) == 1 else values
    known_text = f" Known ids: {', '.join(options)}." if options else ""
    raise DataError(
        f"{path}, column {', '.join(columns)}, line {_line(row)}: {value!r} is not a known "
        f"{target} id.{hint}{known_text} Correct the id, or add the {target} row first."
    )


def _stamp(folder: Path, name: str) -> tuple[int, int]:
    """The cache key parts (mtime, size) of a table's file; a missing file raises the usual error."""
    res = resource(name, folder)
    try:
        stat = (folder / res["path"]).stat()
    except FileNotFoundError:
        raise DataError(
            f"{folder / res['path']}: file not found (table {name!r}). " + RESTORE_HINT.format(path=res["path"])
        ) from None
    return stat.st_mtime_ns, stat.st_size


def _check_uncertainty(path: Path, frame: pd.DataFrame) -> None:
    """Wherever a table has ``X_low``, ``X_best`` and ``X_high`` columns, require low <= best <= high."""
    for column in frame.columns:
        if not column.endswith("_best"):
            continue
        stem = column[: -len("_best")]
        low, high = f"{stem}_low", f"{stem}_high"
        if low not in frame.columns or high not in frame.columns:
            continue
        bad = ((frame[low] > frame[column]) | (frame[column] > frame[high])).fillna(False).astype(bool)
        if bad.any():
            row = int(bad.idxmax())
            raise DataError(
                f"{path}, line {_line(row)}: {low}={frame.at[row, low]}, {column}={frame.at[row, column]}, "
                f"{high}={frame.at[row, high]}, but the estimates must satisfy low <= best <= high. "
                "Check that row against the source."
            )


#: What ``cases.conflict_period`` measures, as the table, the case card and the timeline label it:
#: the first and last years in which UCDP codes the government's armed conflict with the armed
#: opposition addressed by the key agreement as active (25 or more battle-related deaths). It is
#: not the length of the conflict: South Africa's ANC took up arms in 1961, Colombia's conflict
#: goes on with other groups, and UCDP codes no year below its threshold.
CONFLICT_YEARS_LABEL = "UCDP active years"
CONFLICT_YEARS_NOTE = (
    "The first and last years in which UCDP codes the case's main armed conflict (the government "
    "against the armed opposition addressed by the key agreement) as active, with 25 or more "
    "battle-related deaths in a year: not the whole length of the conflict, nor of the violence. "
    "Cyprus is the exception: its 1963–1964 is the intercommunal violence, dated from UNFICYP, "
    "which UCDP does not code; 1974 is UCDP's Cyprus–Turkey conflict."
)


def cases_overview(cases: pd.DataFrame | None = None) -> pd.DataFrame:
    """The seven cases at a glance: one row per case, the columns a reader needs first."""
    cases = load("cases") if cases is None else cases
    signed = cases["agreement_date"].dt.strftime("%Y-%m-%d").fillna("none")
    overview = pd.DataFrame(
        {
            "Case": cases["name"],
            CONFLICT_YEARS_LABEL: cases["conflict_period"],
            "Key agreement": cases["agreement_short"],
            "Signed": signed,
            "UN missions": cases["un_missions"].fillna("none").str.replace(";", ", "),
            "Situation today": cases["status_today"],
        }
    )
    return overview.set_index("Case")


#: How each ``human_cost.measure`` reads in a table for learners.
HUMAN_COST_MEASURES = {
    "deaths": "Deaths",
    "missing": "Missing",
    "displaced": "Displaced",
    "refugees": "Refugees",
    "crossed borders": "Fled abroad",
    "forcibly removed": "Forcibly removed",
}


def _estimate_text(low: object, best: object, high: object) -> str:
    """'102,800 (91,800–113,800)', '450,664 (up to 800,000)', or '97,207'."""
    def fmt(v: object) -> str | None:
        return None if v is None or pd.isna(v) else f"{int(v):,}"
    low, best, high = fmt(low), fmt(best), fmt(high)
    if low and high and (low, high) != (best, best):
        return f"{best} ({low}–{high})"
    if high and high != best:
        return f"{best} (up to {high})"
    if low and low != best:
        return f"{best} (at least {low})"
    return best or "no estimate"


def human_cost_overview(human_cost: pd.DataFrame | None = None, cases: pd.DataFrame | None = None) -> pd.DataFrame:
    """The human cost of each case as the producers counted it: one row per estimate, with what is
    counted, over which years, and who counted. Not UCDP battle-related deaths."""
    human_cost = load("human_cost") if human_cost is None else human_cost
    cases = load("cases") if cases is None else cases
    names = dict(zip(cases["case_id"], cases["name"], strict=True))
    order = {cid: i for i, cid in enumerate(cases["case_id"])}
    rows = human_cost.assign(_order=human_cost["case_id"].map(order)).sort_values("_order", kind="stable")
    overview = pd.DataFrame(
        {
            "Case": rows["case_id"].map(names),
            "Measure": rows["measure"].map(HUMAN_COST_MEASURES).fillna(rows["measure"]),
            "Period": rows["period"],
            "Estimate": [_estimate_text(*v) for v in zip(rows["value_low"], rows["value_best"], rows["value_high"],
                                                          strict=True)],
            "Counted by": rows["producer"],
            "What is counted": rows["scope"],
        }
    )
    return overview.set_index("Case")
