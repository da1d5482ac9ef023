"""Self-check widgets: the learner answers, and gets immediate feedback with an explanation."""

from __future__ import annotations

import html
from dataclasses import dataclass

import ipywidgets as widgets


@dataclass(frozen=True)
class Question:
    """A multiple-choice question. ``feedback`` maps each option to its explanation."""

    prompt: str
    options: tuple[str, ...]
    answer: str
    feedback: dict[str, str]

    def __post_init__(self) -> None:
        if self.answer not in self.options:
            raise ValueError(f"The answer {self.answer!r} is not one of the options {self.options!r}.")
        missing = [o for o in self.options if o not in self.feedback]
        if missing:
            raise ValueError(f"Feedback is missing for option(s) {missing!r}.")

    def check(self, choice: str | None) -> tuple[bool | None, str]:
        """(correct?, explanation). ``None`` when nothing valid is chosen yet."""
        if choice is None or choice == "":
            return None, "Choose an answer first."
        if choice not in self.options:
            return None, f"{choice!r} is not one of the options."
        correct = choice == self.answer
        prefix = "Correct. " if correct else "Not quite. "
        return correct, prefix + self.feedback[choice]


class SelfCheck:
    """A labelled set of radio buttons with a Check button and an immediate explanation."""

    def __init__(self, question: Question, label: str = "Your answer"):
        self.question = question
        self.prompt = widgets.HTML(f"<b>{html.escape(question.prompt)}</b>")
        self.choice = widgets.RadioButtons(
            options=list(question.options), value=None, description=label,
            style={"description_width": "initial"}, layout=widgets.Layout(width="max-content"),
        )
        self.button = widgets.Button(description="Check", button_style="primary", tooltip="Check your answer")
        self.feedback = widgets.HTML()
        self.button.on_click(lambda _b: self.check())
        self.widget = widgets.VBox([self.prompt, self.choice, self.button, self.feedback])

    def check(self, choice: str | None = None) -> bool | None:
        if choice is not None:
            self.choice.value = choice
        correct, text = self.question.check(self.choice.value)
        colour = {True: "#006d2c", False: "#a00000", None: "#8a4b00"}[correct]
        self.feedback.value = f'<div role="status" style="color:{colour}">{html.escape(text)}</div>'
        return correct

    def handout_html(self) -> str:
        """The question for a kernel-less handout: the options, and the answer folded away."""
        options = "".join(f"<li>{html.escape(o)}</li>" for o in self.question.options)
        _, explanation = self.question.check(self.question.answer)
        return (f"<div><b>{html.escape(self.question.prompt)}</b><ul>{options}</ul>"
                f"<details><summary>Answer</summary><p>{html.escape(explanation)}</p></details></div>")

    def _ipython_display_(self) -> None:
        from IPython.display import HTML, display

        from peaceops.charts import handout_mode

        display(HTML(self.handout_html()) if handout_mode() else self.widget)
