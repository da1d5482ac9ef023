"""Helper package for the teaching collection *Diplomatic Engagement in Peace Operations*.

The core sits at the top of the package (:mod:`peaceops.data`, :mod:`peaceops.charts`,
:mod:`peaceops.widgets`, :mod:`peaceops.controls`, :mod:`peaceops.exercises`,
:mod:`peaceops.analysis`, :mod:`peaceops.sources`); :mod:`peaceops.lessons` holds one module per
lesson and :mod:`peaceops.workshop` the facilitator tools. ``src/peaceops/README.md`` is the tour.
"""

import sys

# Speed: plotly's display code imports nbformat, nbformat imports jsonschema, and jsonschema's
# format checkers import rfc3987-syntax, which compiles dozens of IRI grammars on import: about
# 2 seconds in every lesson's kernel (jsonschema issue #1428). No lesson validates IRIs, so the
# kernel skips that optional checker: jsonschema treats it as not installed. Only if jsonschema
# is not imported yet, so nothing already loaded changes.
if "jsonschema" not in sys.modules:
    sys.modules.setdefault("rfc3987_syntax", None)

from peaceops.data import DataError, load  # noqa: E402

__all__ = ["DataError", "load", "setup"]
__version__ = "0.1.0"


def setup() -> None:
    """Prepare a lesson: the chart theme and renderer, and tables that show whole sentences."""
    import pandas as pd

    from peaceops.charts import use_theme

    use_theme()
    pd.set_option("display.max_colwidth", 400)
    pd.set_option("display.max_columns", 30)
