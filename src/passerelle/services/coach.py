"""The ask analyser seen from the workspace: its verdict reduced to what an ask keeps."""

from __future__ import annotations

from dataclasses import dataclass

from passerelle.domain.circles import Circle, for_analyser, from_analyser


@dataclass(frozen=True, slots=True)
class Route:
    circle: str  # the analyser's name: peers, mentors, team, ceo, experts
    score: float
    reason: str
    caution: str


@dataclass(frozen=True, slots=True)
class Coaching:
    lang: str
    quality: str
    score: float
    missing: tuple[str, ...]
    suggestions: tuple[str, ...]
    template: str
    urgency: str
    routes: tuple[Route, ...]
    fits: bool | None = None
    fit_reason: str = ""
    better: str | None = None
    fitting: tuple[str, ...] = ()  # the circles the analyser says fit, by its own verdict

    @property
    def circle(self) -> Circle | None:
        """The workspace circle the analyser recommends first."""
        return from_analyser(self.routes[0].circle) if self.routes else None


def coach(text: str, circle: str | None = None, lang: str | None = None) -> Coaching:
    """Run the ask analyser; ``circle`` (a workspace circle) asks whether it fits."""
    from passerelle.analysis.ask import CIRCLES, check_ask

    result = check_ask(text, circle=for_analyser(circle) if circle else None, lang=lang)
    fit = result.fit
    verdicts = (check_ask(text, circle=name, lang=result.lang).fit for name in CIRCLES)
    fitting = tuple(v.circle for v in verdicts if v is not None and v.fits)
    return Coaching(
        lang=result.lang,
        quality=result.quality,
        score=float(result.score),
        missing=tuple(result.missing),
        suggestions=tuple(result.suggestions),
        template=result.template,
        urgency=result.urgency,
        routes=tuple(Route(c.circle, c.score, c.reason, c.caution) for c in result.circles),
        fits=fit.fits if fit else None,
        fit_reason=fit.reason if fit else "",
        better=fit.better if fit else None,
        fitting=fitting,
    )
