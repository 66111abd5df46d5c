"""The read policy: which visibilities each role reads, and the kinds it never reads."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passerelle.domain.circles import Circle
from passerelle.domain.circles import Visibility as CirclesVisibility
from passerelle.domain.visibility import (
    HIDDEN_CIRCLES,
    NEVER,
    Kind,
    ReadRefusedError,
    Role,
    UnknownRoleError,
    Visibility,
    may_read,
    readable,
    require,
    role_of,
    values,
    visible,
)

P, T, B = Visibility.PRIVATE, Visibility.TEAM, Visibility.BUSINESS

# The table of docs/visibility.md, written out: (role, kind) -> what it reads.
TABLE: dict[Role, dict[Kind, frozenset[Visibility]]] = {
    Role.OWNER: {kind: frozenset({P, T, B}) for kind in Kind},
    Role.MEMBER: {
        kind: frozenset()
        if kind in (Kind.TRUST, Kind.NOTE, Kind.REVIEW, Kind.BACKUP)
        else frozenset({T, B})
        for kind in Kind
    },
    Role.STAKEHOLDER: {
        kind: frozenset()
        if kind
        in (
            Kind.TRUST,
            Kind.ASK,
            Kind.ANSWER,
            Kind.INTERACTION,
            Kind.NOTE,
            Kind.REVIEW,
            Kind.BACKUP,
        )
        else frozenset({B})
        for kind in Kind
    },
}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("kind", list(Kind))
def test_the_table(role: Role, kind: Kind) -> None:
    assert visible(role, kind) == TABLE[role][kind]
    assert values(role, kind) == tuple(sorted(v.value for v in TABLE[role][kind]))


def test_the_store_column_values_are_unchanged() -> None:
    assert [v.value for v in Visibility] == ["private", "team", "business"]
    assert CirclesVisibility is Visibility  # one enum, still importable where it always was


def test_hidden_circles_are_real_circles() -> None:
    circles = {c.value for c in Circle}
    assert all(hidden <= circles for hidden in HIDDEN_CIRCLES.values())
    assert HIDDEN_CIRCLES[Role.STAKEHOLDER] == {"mentor", "peer"}
    assert not HIDDEN_CIRCLES[Role.OWNER]


def test_the_owner_never_is_refused() -> None:
    assert not NEVER[Role.OWNER]
    for kind in Kind:
        require(Role.OWNER, kind)


@pytest.mark.parametrize(
    ("role", "kind"),
    [
        (Role.MEMBER, Kind.TRUST),
        (Role.MEMBER, Kind.BACKUP),
        (Role.STAKEHOLDER, Kind.TRUST),
        (Role.STAKEHOLDER, Kind.ASK),
        (Role.STAKEHOLDER, Kind.REVIEW),
    ],
)
def test_refused_kinds_raise_a_named_error(role: Role, kind: Kind) -> None:
    with pytest.raises(ReadRefusedError) as caught:
        require(role, kind)
    assert caught.value.kind is kind
    assert "refusée" in caught.value.fr and "refused" in caught.value.en


def test_role_names() -> None:
    assert role_of(" Stakeholder ") is Role.STAKEHOLDER
    with pytest.raises(UnknownRoleError, match="owner, member, stakeholder"):
        role_of("ceo")


def test_a_stakeholder_never_reads_mentors_or_peers() -> None:
    assert not may_read(Role.STAKEHOLDER, Kind.PERSON, "business", circle="mentor")
    assert not may_read(Role.STAKEHOLDER, Kind.PERSON, "business", circle="peer")
    assert may_read(Role.STAKEHOLDER, Kind.PERSON, "business", circle="ceo")
    assert may_read(Role.MEMBER, Kind.PERSON, "team", circle="mentor")


def test_an_unknown_visibility_value_is_the_owners_only() -> None:
    assert may_read(Role.OWNER, Kind.DECISION, "secret")
    assert not may_read(Role.MEMBER, Kind.DECISION, "secret")
    assert not may_read(Role.STAKEHOLDER, Kind.DECISION, "secret")


kinds = st.sampled_from(list(Kind))
visibilities = st.sampled_from(list(Visibility))
circles = st.none() | st.sampled_from([c.value for c in Circle])


@given(kinds, visibilities, circles)
def test_a_stakeholder_never_reads_private_or_team(
    kind: Kind, visibility: Visibility, circle: str | None
) -> None:
    if visibility in (P, T):
        assert not may_read(Role.STAKEHOLDER, kind, visibility.value, circle=circle)
    assert visibility.value in values(Role.STAKEHOLDER, kind) or not may_read(
        Role.STAKEHOLDER, kind, visibility.value, circle=circle
    )


@given(kinds, visibilities, circles)
def test_a_member_never_reads_private(
    kind: Kind, visibility: Visibility, circle: str | None
) -> None:
    if visibility is P:
        assert not may_read(Role.MEMBER, kind, visibility.value, circle=circle)


@given(kinds, visibilities, circles)
def test_the_owner_reads_everything(kind: Kind, visibility: Visibility, circle: str | None) -> None:
    assert may_read(Role.OWNER, kind, visibility.value, circle=circle)


@given(st.sampled_from(list(Role)), kinds, visibilities)
def test_roles_are_nested(role: Role, kind: Kind, visibility: Visibility) -> None:
    """Whatever a stakeholder reads a member reads, and whatever a member reads the owner does."""
    if may_read(Role.STAKEHOLDER, kind, visibility.value):
        assert may_read(Role.MEMBER, kind, visibility.value)
    if may_read(Role.MEMBER, kind, visibility.value):
        assert may_read(Role.OWNER, kind, visibility.value)
    assert visible(role, kind) <= readable(role)
