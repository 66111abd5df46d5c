"""The seven delegation levels, and who decides how at each one.

Subsidiarity (seed 004) means the people closest to the ground decide in their domain, inside a
frame the CTO sets: a vision, resources, standards. The seven levels below run from the CTO
deciding alone to the team deciding alone; each says who decides and how the other side is
involved. Input may name a level by its number, its English or French name, or a common
alternative name ("consensus", "conseiller", "level 5"...).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from passerelle.domain.circles import Bilingual

B = Bilingual


class Decider(StrEnum):
    """Who holds the final call at a level."""

    CTO = "cto"
    TOGETHER = "together"
    HOLDER = "holder"  # the team or person the area is delegated to


class DelegationLevel(IntEnum):
    TELL = 1
    SELL = 2
    CONSULT = 3
    AGREE = 4
    ADVISE = 5
    INQUIRE = 6
    DELEGATE = 7

    @property
    def info(self) -> LevelInfo:
        return LEVELS[self]

    def label(self, lang: str = "en") -> str:
        """``5 advise`` / ``5 conseiller``."""
        return f"{int(self)} {self.info.name.get(lang)}"


@dataclass(frozen=True, slots=True)
class LevelInfo:
    level: DelegationLevel
    name: Bilingual
    decider: Decider
    how: Bilingual  # a sentence with a ``{holder}`` placeholder
    aliases: tuple[str, ...]


LEVELS: dict[DelegationLevel, LevelInfo] = {
    DelegationLevel.TELL: LevelInfo(
        DelegationLevel.TELL,
        B("dire", "tell"),
        Decider.CTO,
        B(
            "le CTO tranche seul puis annonce la décision à {holder}, sans lui demander son avis",
            "the CTO makes the call alone and announces it to {holder}, without asking for views",
        ),
        ("announce", "impose", "dictate", "annoncer", "imposer", "informer"),
    ),
    DelegationLevel.SELL: LevelInfo(
        DelegationLevel.SELL,
        B("vendre", "sell"),
        Decider.CTO,
        B(
            "le CTO tranche, puis prend le temps d’expliquer ses raisons à {holder} "
            "pour obtenir son adhésion",
            "the CTO makes the call, then takes the time to explain the reasons to {holder} "
            "to win their support",
        ),
        ("convince", "persuade", "explain", "convaincre", "persuader", "expliquer"),
    ),
    DelegationLevel.CONSULT: LevelInfo(
        DelegationLevel.CONSULT,
        B("consulter", "consult"),
        Decider.CTO,
        B(
            "le CTO décide après avoir écouté {holder} ; le dernier mot reste au CTO",
            "the CTO decides after hearing out {holder}; the last word stays with the CTO",
        ),
        ("ask input", "gather input", "recueillir", "demander avis"),
    ),
    DelegationLevel.AGREE: LevelInfo(
        DelegationLevel.AGREE,
        B("s’accorder", "agree"),
        Decider.TOGETHER,
        B(
            "le CTO et {holder} décident ensemble ; rien n’avance tant que les deux ne sont "
            "pas d’accord",
            "the CTO and {holder} decide together; nothing moves until both agree",
        ),
        (
            "consensus",
            "decide together",
            "co-decide",
            "joint",
            "accord",
            "accorder",
            "decider ensemble",
            "codecider",
        ),
    ),
    DelegationLevel.ADVISE: LevelInfo(
        DelegationLevel.ADVISE,
        B("conseiller", "advise"),
        Decider.HOLDER,
        B(
            "{holder} décide après avoir demandé conseil au CTO ; ce conseil éclaire le choix "
            "sans le dicter",
            "{holder} decides after asking the CTO for advice; the advice informs the choice "
            "but does not dictate it",
        ),
        ("advice", "recommend", "counsel", "conseil", "recommander"),
    ),
    DelegationLevel.INQUIRE: LevelInfo(
        DelegationLevel.INQUIRE,
        B("s’enquérir", "inquire"),
        Decider.HOLDER,
        B(
            "{holder} décide seul, puis le CTO s’informe après coup de ce qui a été choisi "
            "et pourquoi",
            "{holder} decides alone; afterwards the CTO asks what was chosen and why",
        ),
        ("enquire", "ask", "follow up", "report back", "enquerir", "demander", "rendre compte"),
    ),
    DelegationLevel.DELEGATE: LevelInfo(
        DelegationLevel.DELEGATE,
        B("déléguer", "delegate"),
        Decider.HOLDER,
        B(
            "{holder} décide et agit entièrement ; le CTO n’a pas besoin d’en être informé",
            "{holder} decides and acts on its own; the CTO does not even need to be told",
        ),
        ("delegation", "empower", "autonomy", "full delegation", "delegation totale", "autonomie"),
    ),
}

DEFAULT_HOLDER = B("l’équipe", "the team")


class UnknownDelegationLevelError(ValueError):
    """Raised when a level cannot be read from the text given."""

    def __init__(self, value: object, reason: Bilingual | None = None) -> None:
        choices = ", ".join(lvl.label("en") for lvl in DelegationLevel)
        choix = ", ".join(lvl.label("fr") for lvl in DelegationLevel)
        self.value = value
        self.message = reason or B(
            f"niveau de délégation inconnu : {value!r} (attendu : {choix})",
            f"unknown delegation level: {value!r} (expected: {choices})",
        )
        super().__init__(self.message.en)


def _key(text: str) -> str:
    """Fold case, accents, apostrophes and punctuation so that names compare loosely."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9]+", bare))


def _name_table() -> dict[str, DelegationLevel]:
    table: dict[str, DelegationLevel] = {}
    for info in LEVELS.values():
        for name in (info.name.en, info.name.fr, *info.aliases):
            table[_key(name)] = info.level
            # French reflexive names are also accepted without their pronoun: "accorder".
            table.setdefault(_key(name).removeprefix("s "), info.level)
    return table


_NAMES = _name_table()
_PREFIX = re.compile(r"^(?:level|niveau|lvl|niv|l|n)\s*(?=\d)")
_NUMBERED = re.compile(r"^(\d+)\s*(.*)$")


def parse_level(value: str | int) -> DelegationLevel:
    """Read a level from ``5``, ``"5"``, ``"advise"``, ``"Conseiller"``, ``"level 5 advise"``.

    A number and a name that disagree (``"5 tell"``) are refused rather than guessed.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        if 1 <= value <= 7:
            return DelegationLevel(value)
        raise UnknownDelegationLevelError(value)
    if not isinstance(value, str):
        raise UnknownDelegationLevelError(value)
    key = _PREFIX.sub("", _key(value.replace("’", "'")))
    numbered = _NUMBERED.match(key)
    if numbered is None:
        if key in _NAMES:
            return _NAMES[key]
        raise UnknownDelegationLevelError(value)
    number, rest = int(numbered.group(1)), numbered.group(2)
    if not 1 <= number <= 7:
        raise UnknownDelegationLevelError(value)
    level = DelegationLevel(number)
    if rest and _NAMES.get(rest) is not level:
        raise UnknownDelegationLevelError(
            value,
            B(
                f"niveau de délégation ambigu : {value!r} (le numéro et le nom ne "
                "correspondent pas)",
                f"ambiguous delegation level: {value!r} (the number and the name disagree)",
            ),
        )
    return level


def who_decides(level: DelegationLevel, holder: str = "", lang: str = "en") -> str:
    """One sentence telling a new decision in an area who decides and how at its level."""
    name = holder or DEFAULT_HOLDER.get(lang)
    sentence = level.info.how.get(lang).format(holder=name)
    return sentence[:1].upper() + sentence[1:] + "."


def holder_decides(level: DelegationLevel) -> bool:
    """True from level 5 up: the team or person holds the final call, not the CTO."""
    return level.info.decider is Decider.HOLDER
