"""Helper package for the teaching collection *Diplomatic Engagement in Peace Operations*.

Modules:

- :mod:`peaceops.data`: load a table from ``data/`` and validate it against ``data/datapackage.json``;
- :mod:`peaceops.charts`: the shared plotly theme (colour-blind-safe palette, integer year axes,
  a source line under each figure) and the figure builders;
- :mod:`peaceops.widgets`: the interactive explorers, which update their figure in place;
- :mod:`peaceops.exercises`: self-check widgets with instant feedback.
"""

from peaceops.data import DataError, load

__all__ = ["DataError", "load", "setup"]
__version__ = "0.1.0"


def setup() -> None:
    """Prepare a lesson: the chart theme and renderer, and tables that show whole sentences."""
    import pandas as pd

    from peaceops.charts import use_theme

    use_theme()
    pd.set_option("display.max_colwidth", 400)
    pd.set_option("display.max_columns", 30)
