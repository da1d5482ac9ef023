"""One module per lesson: the explorers, figures and tables that only that lesson uses.

Each module is built on the core (``peaceops.data``, ``charts``, ``widgets``, ``controls``,
``exercises``, ``analysis``) and imports nothing from another lesson or from
``peaceops.workshop``; ``tests/test_architecture.py`` checks it. Tests for a module are in
``tests/lessons/test_<module>.py``.

:data:`LESSONS` maps each lesson to its module, so the lesson a module serves is never a guess.
"""

#: Lesson number -> (notebook, module in this package).
LESSONS: dict[int, tuple[str, str]] = {
    0: ("00_introduction.ipynb", "introduction"),
    1: ("01_historical_perspective.ipynb", "history"),
    2: ("02_principles.ipynb", "principles"),
    3: ("03_role_of_diplomats.ipynb", "mediation"),
    4: ("04_challenges.ipynb", "violence"),
    5: ("05_multi_track_diplomacy.ipynb", "tracks"),
    6: ("06_local_communities.ipynb", "referendums"),
    7: ("07_collaborative_efforts.ipynb", "coalitions"),
    8: ("08_success_stories.ipynb", "settlements"),
    9: ("09_resolved_conflicts.ipynb", "outcomes"),
    10: ("10_sustainable_peace.ipynb", "recovery"),
    11: ("11_future_trends.ipynb", "early_warning"),  # and ``inclusion`` (women in peace processes)
    12: ("12_conclusion.ipynb", "comparison"),
}
#: Lessons whose code is a subpackage of its own beside ``lessons`` (built on the core only):
#: lesson number -> (notebook, subpackage of peaceops).
PACKAGES: dict[int, tuple[str, str]] = {
    13: ("13_simulation.ipynb", "simulation"),
}
#: Modules that serve a lesson besides its main one.
ALSO = {11: ("inclusion",), 4: ("referendums",)}
