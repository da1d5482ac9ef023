"""peaceops.controls: accessible sliders that behave as ipywidgets' IntSlider and IntRangeSlider.

What the page does with them (names a screen reader announces, the keyboard, ends that cannot
cross, no axe-core violation) is checked in a real browser by tests/test_browser.py.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
from pathlib import Path

import ipywidgets
import plotly.graph_objects as go
import pytest
import traitlets

from peaceops import controls, widgets
from peaceops.controls import RangeSlider, Slider

PACKAGE = Path(controls.__file__).parent


def test_the_same_traits_as_ipywidgets_sliders():
    for ours, theirs in ((Slider, ipywidgets.IntSlider), (RangeSlider, ipywidgets.IntRangeSlider)):
        for name in ("value", "min", "max", "step", "description", "disabled", "continuous_update", "readout",
                     "layout", "tooltip"):
            assert ours.class_traits().get(name) is not None, f"{ours.__name__} lacks {name}"
            assert theirs.class_traits().get(name) is not None  # the trait being replaced
            if name not in ("layout", "tooltip"):
                assert ours.class_traits()[name].metadata.get("sync"), f"{ours.__name__}.{name} is not sent to the page"


def test_every_slider_call_in_the_package_can_switch_without_changing_its_arguments():
    """The lead replaces ``ipywidgets.IntSlider(`` by ``controls.Slider(`` (and the range one) and
    nothing else: every keyword used in the package, before or after the switch, is understood by
    the controls, and every slider has a description."""
    single, double = set(Slider.class_trait_names()) | {"style"}, set(RangeSlider.class_trait_names()) | {"style"}
    accepted = {"IntSlider": single, "Slider": single, "IntRangeSlider": double, "RangeSlider": double}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "controls.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            if name not in accepted:
                continue
            where = f"{path.name}:{node.lineno}"
            assert not node.args, f"{where}: pass the slider's settings by keyword"
            keywords = {k.arg for k in node.keywords}
            unknown = sorted(keywords - accepted[name])
            assert not unknown, f"{where}: {unknown} not understood by peaceops.controls"
            assert "description" in keywords, f"{where}: a slider needs a description (its label and accessible name)"


def test_a_slider_is_built_as_the_lessons_build_theirs():
    window = Slider(value=5, min=1, max=10, step=1, description="Years either side of signature",
                    style={"description_width": "initial"}, layout=ipywidgets.Layout(width="420px"),
                    continuous_update=False)
    assert (window.value, window.min, window.max, window.step) == (5, 1, 10, 1)
    assert window.description == "Years either side of signature"
    assert window.description_width == "initial" and window.layout.width == "420px"
    assert window.continuous_update is False and window.disabled is False
    state = window.get_state()
    assert state["description"] == "Years either side of signature" and state["value"] == 5


def test_style_may_also_be_an_ipywidgets_style():
    slider = Slider(value=1, description="Value", style=ipywidgets.SliderStyle(description_width="120px"))
    assert slider.description_width == "120px"
    slider.style = {}
    assert slider.description_width == ""


def test_value_is_clamped_to_the_bounds_as_intslider_does():
    ours = Slider(value=3, min=1, max=10, description="Window")
    theirs = ipywidgets.IntSlider(value=3, min=1, max=10, description="Window")
    for value in (12, -4, 7):
        ours.value = theirs.value = value
        assert ours.value == theirs.value
    ours.value = theirs.value = 2
    ours.min = theirs.min = 4
    assert ours.value == theirs.value == 4
    ours.max = theirs.max = 5
    ours.value = theirs.value = 9
    assert ours.value == theirs.value == 5
    with pytest.raises(traitlets.TraitError, match="min > max"):
        ours.min = 6
    with pytest.raises(traitlets.TraitError, match="max < min"):
        ours.max = 3
    with pytest.raises(traitlets.TraitError, match="step"):
        ours.step = 0


def test_a_range_is_clamped_and_cannot_cross():
    ours = RangeSlider(value=(1990, 2005), min=1945, max=2025, description="Years")
    theirs = ipywidgets.IntRangeSlider(value=(1990, 2005), min=1945, max=2025, description="Years")
    assert ours.value == theirs.value == (1990, 2005)
    ours.value = theirs.value = (1930, 2030)
    assert ours.value == theirs.value == (1945, 2025)
    ours.value = [1960, 1970]  # what the page sends: a list
    assert ours.value == (1960, 1970) and (ours.lower, ours.upper) == (1960, 1970)
    with pytest.raises(traitlets.TraitError, match="lower > upper"):
        ours.value = (2000, 1990)
    ours.upper = 1965
    ours.min = 1962
    assert ours.value == (1962, 1965)
    ours.max = 1963
    assert ours.value == (1962, 1963)


def test_a_range_without_a_value_starts_on_the_middle_half():
    assert RangeSlider(min=0, max=100, description="Share").value == \
        ipywidgets.IntRangeSlider(min=0, max=100).value == (25, 75)
    with pytest.raises(TypeError, match="pair"):
        RangeSlider(value=5, description="Years")


def test_the_page_setting_a_value_reaches_the_observers():
    """observe(handler, names="value") works as with ipywidgets; set_state is what a message from
    the page does."""
    years = RangeSlider(value=(1990, 2005), min=1945, max=2025, description="Years")
    seen = []
    years.observe(lambda change: seen.append((change["old"], change["new"])), names="value")
    years.set_state({"value": [1995, 2005]})
    years.set_state({"value": [1995, 2005]})  # no change, no call
    assert seen == [((1990, 2005), (1995, 2005))]


@pytest.mark.parametrize("description", [None, "", "   "])
def test_a_control_without_a_name_is_refused(description):
    kwargs = {} if description is None else {"description": description}
    with pytest.raises(ValueError, match="needs a description"):
        Slider(value=1, **kwargs)
    with pytest.raises(ValueError, match="needs a description"):
        RangeSlider(value=(1, 2), **kwargs)


def test_an_explorer_redraws_when_the_control_changes():
    class Doubler(widgets.Explorer):
        def __init__(self):
            self.slider = Slider(value=1, min=0, max=5, description="Value", continuous_update=False)
            self.range = RangeSlider(value=(1, 2), min=0, max=5, description="Range")
            super().__init__([self.slider, self.range], go.FigureWidget(data=[go.Scatter(x=[0], y=[1])]))

        def update(self):
            if self.slider.value == 0:
                raise widgets.InputError("Zero has nothing to show: choose 1 or more.")
            self.figure.data[0].y = [2 * self.slider.value + sum(self.range.value)]

    d = Doubler()
    d.slider.value = 3
    assert d.figure.data[0].y == (9,) and d.message.value == ""
    d.range.value = (2, 4)
    assert d.figure.data[0].y == (12,)
    d.slider.value = 0
    assert "Zero has nothing to show" in d.message.value and d.figure.data[0].y == (12,)


def test_the_page_code_is_inline_names_every_input_and_keeps_its_keys():
    esm = controls._ESM
    assert "import " not in esm and "http" not in esm and "fetch(" not in esm, "nothing may be fetched"
    assert 'setAttribute("aria-label"' in esm and 'setAttribute("aria-valuetext"' in esm
    assert "htmlFor" in esm, "each input has a visible <label for> as well"
    assert 'setAttribute("role", "group")' in esm and "aria-labelledby" in esm
    assert ["from", "to"] == ast.literal_eval(esm.split("const parts = isRange ? ")[1].split(" : ")[0])
    assert "stopPropagation" in esm and '"ArrowRight"' in esm, "JupyterLab must not take a slider's arrow keys"
    assert "export default { render }" in esm


@pytest.mark.skipif(not shutil.which("node"), reason="Node.js not installed: the page code's syntax is checked "
                    "in the browser test instead")
def test_the_page_code_parses(tmp_path):
    module = tmp_path / "controls.mjs"
    module.write_text(controls._ESM, encoding="utf-8")
    result = subprocess.run(["node", "--check", str(module)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_no_explorer_uses_an_unnamed_ipywidgets_slider():
    """ipywidgets' sliders cannot name their handles (axe-core: aria-input-field-name): use controls."""
    used = [f"{p.relative_to(PACKAGE)}:{n}" for p in sorted(PACKAGE.rglob("*.py")) if p.name != "controls.py"
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
            if re.search(r"\b(ipw|widgets)\.Int(Range)?Slider\(", line)]
    assert not used, f"use peaceops.controls.Slider or RangeSlider instead: {used}"
