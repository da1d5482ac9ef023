"""Accessible sliders: drop-in replacements for ``ipywidgets.IntSlider`` and ``IntRangeSlider``.

ipywidgets 8.1 draws its sliders with noUiSlider, whose handles (``role="slider"``) get no
accessible name: a screen reader announces "slider, 3" and not what the slider sets (axe-core's
rule ``aria-input-field-name``), and ipywidgets offers no option to name them (its ``tooltip``
goes on the visible label, not on the handle). These controls are native
``<input type="range">`` elements instead, drawn by an anywidget whose JavaScript is inline
(nothing is fetched):

- each input is named by its description (``aria-label``, and a ``<label for>`` that shows it);
  a range slider is a labelled group of two inputs, "Years from" and "Years to", that cannot cross;
- ``aria-valuetext`` gives the value (with ``unit``, "3 years"), and the value is shown beside it;
- the keyboard works as on any native slider: arrow keys, Page Up/Down, Home and End.

In Python they behave as the ipywidgets sliders do: the same traits (``value``, ``min``, ``max``,
``step``, ``description``, ``disabled``, ``continuous_update``), the same clamping of ``value``
to ``[min, max]``, ``observe(handler, names="value")``, and ``style={"description_width": ...}``
and ``layout=`` accepted::

    years = RangeSlider(value=(1990, 2005), min=1945, max=2025, description="Years",
                        style={"description_width": "initial"}, continuous_update=False)
    years.observe(lambda change: print(change["new"]), names="value")
"""

from __future__ import annotations

import anywidget
import traitlets
from traitlets import Bool, CInt, Tuple, Unicode, validate

__all__ = ["RangeSlider", "Slider"]

# One module for both kinds (``_range`` tells which). Plain DOM, no imports: it runs offline.
_ESM = r"""
let counter = 0;
function uid(prefix) {
  counter += 1;
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}-${counter}`;
}

const SLIDER_KEYS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"]);

function render({ model, el }) {
  const isRange = model.get("_range");
  const parts = isRange ? ["from", "to"] : [null];
  el.classList.add("peaceops-control");

  const root = document.createElement("div");
  root.className = "peaceops-slider" + (isRange ? " peaceops-range-slider" : "");
  const label = document.createElement(isRange ? "span" : "label");
  label.className = "peaceops-control-label";
  label.id = uid("peaceops-label");
  const body = document.createElement("div");
  body.className = "peaceops-slider-body";
  root.append(label, body);

  const rows = parts.map((part) => {
    const row = document.createElement("div");
    row.className = "peaceops-slider-row";
    const input = document.createElement("input");
    input.type = "range";
    input.id = uid("peaceops-input");
    let partLabel = null;
    if (part) {
      partLabel = document.createElement("label");
      partLabel.className = "peaceops-slider-part";
      partLabel.htmlFor = input.id;
      partLabel.textContent = part;
      row.append(partLabel);
    }
    const readout = document.createElement("span");
    readout.className = "peaceops-readout";
    // The input itself tells assistive technology its value (aria-valuetext): not twice.
    readout.setAttribute("aria-hidden", "true");
    row.append(input, readout);
    body.append(row);
    return { input, readout, part };
  });
  if (isRange) {
    root.setAttribute("role", "group");
    root.setAttribute("aria-labelledby", label.id);
  } else {
    label.htmlFor = rows[0].input.id;
  }
  el.append(root);

  const current = () => (isRange ? [...model.get("value")] : [model.get("value")]);
  const valueText = (v) => {
    const unit = model.get("unit");
    return unit ? `${v} ${unit}` : String(v);
  };
  const show = (row, v) => {
    row.readout.textContent = String(v);
    row.input.setAttribute("aria-valuetext", valueText(v));
  };

  function draw() {
    const description = model.get("description");
    const width = model.get("description_width");
    label.textContent = description;
    label.style.width = width && width !== "initial" ? width : "";
    label.style.minWidth = width ? "0" : "";
    const disabled = model.get("disabled");
    root.classList.toggle("peaceops-disabled", disabled);
    const values = current();
    rows.forEach((row, i) => {
      const { input } = row;
      input.min = String(model.get("min"));
      input.max = String(model.get("max"));
      input.step = String(model.get("step"));
      input.value = String(values[i]);  // after min, max and step, which would re-snap it
      input.disabled = disabled;
      input.setAttribute("aria-label", row.part ? `${description} ${row.part}` : description);
      row.readout.hidden = !model.get("readout");
      show(row, values[i]);
    });
  }

  // A range's ends cannot cross: the end being moved stops at the other one.
  function holdApart(moved) {
    if (!isRange) return;
    const [lower, upper] = rows.map((r) => Number(r.input.value));
    if (lower > upper) rows[moved].input.value = String(moved === 0 ? upper : lower);
  }

  function commit() {
    const values = rows.map((r) => Number(r.input.value));
    const before = current();
    if (values.every((v, i) => v === before[i])) return;
    model.set("value", isRange ? values : values[0]);
    model.save_changes();
  }

  rows.forEach((row, i) => {
    // JupyterLab binds the arrow keys to moving between cells, and would cancel the slider's own
    // step: keys that move a slider stay with the focused slider (other shortcuts still work).
    row.input.addEventListener("keydown", (event) => {
      if (SLIDER_KEYS.has(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) event.stopPropagation();
    });
    row.input.addEventListener("input", () => {
      holdApart(i);
      show(row, Number(row.input.value));
      if (model.get("continuous_update")) commit();
    });
    row.input.addEventListener("change", () => {
      holdApart(i);
      show(row, Number(row.input.value));
      commit();
    });
  });

  const traits = ["value", "min", "max", "step", "description", "description_width", "disabled",
                  "readout", "unit"];
  traits.forEach((name) => model.on(`change:${name}`, draw));
  draw();
  return () => traits.forEach((name) => model.off(`change:${name}`, draw));
}

export default { render };
"""

_CSS = """
.peaceops-control {
  width: var(--jp-widgets-inline-width, 300px);
  max-width: 100%;
  box-sizing: border-box;
  margin: var(--jp-widgets-margin, 2px);
  margin-right: 12px; /* the value shown must not run into the next control's label */
}
.peaceops-slider {
  display: flex;
  align-items: flex-start;
  gap: 8px;
  width: 100%;
  font-family: var(--jp-ui-font-family, sans-serif);
  font-size: var(--jp-widgets-font-size, 13px);
  color: var(--jp-widgets-label-color, var(--jp-ui-font-color1, #000));
  line-height: var(--jp-widgets-inline-height, 28px);
}
.peaceops-control-label {
  flex: 0 0 auto;
  min-width: var(--jp-widgets-inline-label-width, 80px);
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
}
.peaceops-slider-body {
  flex: 1 1 auto;
  min-width: 0;
  display: flex;
  flex-direction: column;
}
.peaceops-slider-row {
  display: flex;
  align-items: center;
  gap: 6px;
  min-height: var(--jp-widgets-inline-height, 28px);
}
.peaceops-slider-row input[type="range"] {
  flex: 1 1 auto;
  min-width: 60px;
  margin: 0;
  accent-color: var(--jp-brand-color1, #1976d2);
  cursor: pointer;
}
.peaceops-slider-row input[type="range"]:disabled { cursor: not-allowed; }
.peaceops-slider-row input[type="range"]:focus-visible {
  outline: 2px solid var(--jp-brand-color1, #1976d2);
  outline-offset: 2px;
}
.peaceops-slider-part { min-width: 2.2em; }
.peaceops-readout {
  min-width: 4ch;
  text-align: left;
  font-variant-numeric: tabular-nums;
}
"""


class _Slider(anywidget.AnyWidget):
    """What both sliders share: bounds, step, the label and the flags of ipywidgets' sliders."""

    _esm = _ESM
    _css = _CSS
    _range = Bool(False).tag(sync=True)

    min = CInt(0, help="Lowest value").tag(sync=True)
    max = CInt(100, help="Highest value").tag(sync=True)
    step = CInt(1, help="Step of the arrow keys and of dragging").tag(sync=True)
    description = Unicode("", help="The visible label, and the accessible name").tag(sync=True)
    disabled = Bool(False, help="Shown but cannot be changed").tag(sync=True)
    continuous_update = Bool(True, help="Send the value while dragging, not only on release").tag(sync=True)
    readout = Bool(True, help="Show the value beside the slider").tag(sync=True)
    unit = Unicode("", help='Read after the value by screen readers, e.g. "years"').tag(sync=True)
    description_width = Unicode("", help='The label\'s width ("initial": as wide as its text)').tag(sync=True)
    style = traitlets.Any(None, allow_none=True, help='As in ipywidgets: {"description_width": "initial"}')

    def __init__(self, **kwargs):
        # Checked before the widget exists (and opens its channel to the page).
        if not str(kwargs.get("description", "")).strip():
            raise ValueError(
                f"{type(self).__name__} needs a description: it is the label learners see and the name "
                "a screen reader announces, e.g. description=\"Years either side\"."
            )
        super().__init__(**kwargs)

    @validate("step")
    def _validate_step(self, proposal):
        if proposal["value"] < 1:
            raise traitlets.TraitError(f"step must be a whole number of 1 or more, not {proposal['value']}")
        return proposal["value"]

    @traitlets.observe("style")
    def _style_changed(self, change):
        style = change["new"]
        width = style.get("description_width") if isinstance(style, dict) else getattr(style, "description_width", "")
        self.description_width = width or ""


class Slider(_Slider):
    """An integer slider with an accessible name: ``ipywidgets.IntSlider``'s traits and behaviour.

    >>> window = Slider(value=3, min=1, max=10, description="Years either side", unit="years")
    >>> window.value = 12   # clamped to max, as IntSlider does
    >>> window.value
    10
    """

    value = CInt(0, help="The value").tag(sync=True)

    def __init__(self, value=None, min=None, max=None, step=None, **kwargs):
        for name, given in (("value", value), ("min", min), ("max", max), ("step", step)):
            if given is not None:
                kwargs[name] = given
        super().__init__(**kwargs)

    @validate("value")
    def _validate_value(self, proposal):
        return sorted((self.min, proposal["value"], self.max))[1]

    @validate("min")
    def _validate_min(self, proposal):
        new = proposal["value"]
        if new > self.max:
            raise traitlets.TraitError("setting min > max")
        if new > self.value:
            self.value = new
        return new

    @validate("max")
    def _validate_max(self, proposal):
        new = proposal["value"]
        if new < self.min:
            raise traitlets.TraitError("setting max < min")
        if new < self.value:
            self.value = new
        return new


class RangeSlider(_Slider):
    """Two labelled sliders, "<description> from" and "<description> to", that cannot cross:
    ``ipywidgets.IntRangeSlider``'s traits and behaviour (``value`` is a ``(lower, upper)`` tuple).

    >>> years = RangeSlider(value=(1990, 2005), min=1945, max=2025, description="Years")
    >>> years.value = (1930, 2030)   # each end clamped to [min, max]
    >>> years.value
    (1945, 2025)
    """

    _range = Bool(True).tag(sync=True)
    value = Tuple(CInt(), CInt(), default_value=(0, 1), help="(lower, upper)").tag(sync=True)

    def __init__(self, value=None, min=None, max=None, step=None, **kwargs):
        for name, given in (("min", min), ("max", max), ("step", step)):
            if given is not None:
                kwargs[name] = given
        low, high = kwargs.get("min", 0), kwargs.get("max", 100)
        if value is None:  # as IntRangeSlider: the middle half of the range
            value = (int(0.75 * low + 0.25 * high), int(0.25 * low + 0.75 * high))
        try:
            kwargs["value"] = tuple(value)
        except TypeError:
            raise TypeError(f"A range slider's value is a pair (lower, upper), not {value!r}") from None
        super().__init__(**kwargs)

    @property
    def lower(self) -> int:
        return self.value[0]

    @lower.setter
    def lower(self, lower: int) -> None:
        self.value = (lower, self.value[1])

    @property
    def upper(self) -> int:
        return self.value[1]

    @upper.setter
    def upper(self, upper: int) -> None:
        self.value = (self.value[0], upper)

    @validate("value")
    def _validate_value(self, proposal):
        lower, upper = proposal["value"]
        if upper < lower:
            raise traitlets.TraitError("setting lower > upper")
        return (sorted((self.min, lower, self.max))[1], sorted((self.min, upper, self.max))[1])

    @validate("min", "max")
    def _validate_bounds(self, proposal):
        name, new = proposal["trait"].name, proposal["value"]
        if name == "min" and new > self.max:
            raise traitlets.TraitError("setting min > max")
        if name == "max" and new < self.min:
            raise traitlets.TraitError("setting max < min")
        lower, upper = self.value
        if name == "min":
            self.value = (max(new, lower), max(new, upper))
        else:
            self.value = (min(new, lower), min(new, upper))
        return new
