"""The signed-in principal: roles, clearance, and the process/block scopes."""

from __future__ import annotations

import pytest

from qazvin_diplomacy.core import access, actor
from qazvin_diplomacy.core.access import Principal, Role


def test_without_users_everything_is_allowed() -> None:
    assert access.current_principal() is None
    assert access.sees_confidential() and access.may_edit() and access.is_admin()


@pytest.mark.parametrize(
    ("role", "cleared", "sees", "edits", "admin"),
    [
        (Role.VIEWER, False, False, False, False),
        (Role.VIEWER, True, True, False, False),
        (Role.EDITOR, False, False, True, False),
        (Role.EDITOR, True, True, True, False),
        (Role.ADMIN, False, True, True, True),
    ],
)
def test_roles(role: Role, cleared: bool, sees: bool, edits: bool, admin: bool) -> None:
    access.set_principal(Principal("sara", role, cleared))
    assert (access.sees_confidential(), access.may_edit(), access.is_admin()) == (
        sees,
        edits,
        admin,
    )
    assert actor.current_actor() == "sara"


def test_block_scope_wins_and_is_undone() -> None:
    access.set_principal(Principal("head", Role.ADMIN))
    with access.acting_for(Principal("clerk", Role.VIEWER)):
        assert not access.sees_confidential()
        assert actor.current_actor() == "clerk"
    assert access.sees_confidential()
    assert actor.current_actor() == "head"


def test_signing_out_gives_the_os_login_back() -> None:
    access.set_principal(Principal("sara", Role.EDITOR))
    access.set_principal(None)
    assert actor.current_actor() == actor.os_login()
