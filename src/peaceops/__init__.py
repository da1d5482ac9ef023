"""Helper package for the teaching collection *Diplomatic Engagement in Peace Operations*.

Modules:

- :mod:`peaceops.data`: load a table from ``data/`` and validate it against ``data/datapackage.json``;
- :mod:`peaceops.charts`: the shared plotly theme (colour-blind-safe palette, integer year axes,
  a source line under each figure) and the figure builders;
- :mod:`peaceops.widgets`: the interactive explorers, which update their figure in place;
- :mod:`peaceops.exercises`: self-check widgets with instant feedback.
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
