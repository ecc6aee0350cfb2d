"""``export agenda --db PATH --from JALALI --to JALALI --out FILE.ics``: the calendar as iCalendar.

Registered in the ``export`` sub-command (``KIND`` = ``agenda``); the list options of
``export`` that do not apply (``--country``, ``--status``…) are refused, as for the lists.
Dates are Jalali in any digits, like every date option of the command line.
"""

from __future__ import annotations

import argparse
from typing import Any

from qazvin_diplomacy.cli.sign_in import SIGN_IN_DESTS
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.formatting import format_count
from qazvin_diplomacy.core.jalali import parse_jalali

KIND = "agenda"

# ``export`` options an agenda takes (and signing in, and a server's password file); any
# other one given is refused.
_TAKES = {"command", "kind", "db", "db_password_file", "out", "date_from", "date_to", "lang"}
_TAKES |= SIGN_IN_DESTS


def _refuse_other_options(args: argparse.Namespace) -> None:
    for dest, value in vars(args).items():
        if dest not in _TAKES and value not in (None, False, ""):
            option = "--" + dest.replace("_", "-")
            raise KnownError(
                f"گزینهٔ {option} برای «{KIND}» به کار نمی‌رود؛ فقط ‎--from، ‎--to و ‎--out.",
                f"{option} does not apply to '{KIND}'; it takes --from, --to and --out.",
            )


def export_agenda(db: Any, args: argparse.Namespace) -> int:
    """Write the agenda of ``--from`` … ``--to`` to ``--out`` (.ics); print how many entries."""
    from qazvin_diplomacy.services.agenda_ics import export_agenda as write_agenda

    _refuse_other_options(args)
    if not args.date_from or not args.date_to:
        raise KnownError(
            "برای خروجی تقویم هر دو گزینهٔ ‎--from و ‎--to (تاریخ شمسی) لازم است.",
            "The agenda export needs both --from and --to (Jalali dates).",
        )
    start, end = parse_jalali(args.date_from), parse_jalali(args.date_to)
    count = write_agenda(db, path=args.out, start=start, end=end)
    print(f"{args.out}: {count} entries — {format_count(count)} مورد")
    return 0
