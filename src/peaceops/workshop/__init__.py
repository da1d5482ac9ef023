"""Facilitator tools built on the lessons and the core: workshop agendas from the lessons'
metadata (``python -m peaceops.workshop.agenda``) and offline HTML handouts
(``python -m peaceops.workshop.handouts``). The mediation simulation, the worksheets, the
pre/post check and the completion record belong here (or in ``peaceops.simulation``) when
they come. Tests are in ``tests/workshop/``.
"""
