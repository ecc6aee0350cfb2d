"""Independent check of the leap rule against the astronomical definition of the calendar.

The official Iranian year starts on the day of the March equinox if the equinox falls
before noon Iran Standard Time (UTC+3:30, meridian 52.5° E), otherwise on the next day.
Here the equinox is computed with Meeus' algorithm (Astronomical Algorithms, 2nd ed.,
ch. 27: mean equinox plus 24 periodic terms, error about a minute), with no help from
jdatetime; the resulting year lengths must agree with ``is_leap`` for 1206–1499 and the
Nowruz dates with ``from_jalali`` for 1300–1499.
Years whose equinox lies within ``MARGIN`` of noon are too close to decide with this
accuracy and are skipped: only 1309.  Years with the equinox 3–11 minutes from noon
(1210, 1276, 1342, 1470) are decided here too, and agree.
"""

from __future__ import annotations

import datetime as dt
import math

from qazvin_diplomacy.core.jalali import from_jalali, is_leap

# Table 27.C: A, B (degrees), C (degrees per Julian century).
_TERMS = (
    (485, 324.96, 1934.136),
    (203, 337.23, 32964.467),
    (199, 342.08, 20.186),
    (182, 27.85, 445267.112),
    (156, 73.14, 45036.886),
    (136, 171.52, 22518.443),
    (77, 222.54, 65928.934),
    (74, 296.72, 3034.906),
    (70, 243.58, 9037.513),
    (58, 119.81, 33718.147),
    (52, 297.17, 150.678),
    (50, 21.02, 2281.226),
    (45, 247.54, 29929.562),
    (44, 325.15, 31555.956),
    (29, 60.93, 4443.417),
    (18, 155.12, 67555.328),
    (17, 288.79, 4562.452),
    (16, 198.04, 62894.029),
    (14, 199.76, 31436.921),
    (12, 95.39, 14577.848),
    (12, 287.11, 31931.756),
    (12, 320.81, 34777.259),
    (9, 227.73, 1222.114),
    (8, 15.45, 16859.074),
)
_J2000 = dt.datetime(2000, 1, 1, 12, 0)  # JD 2451545.0
MARGIN = dt.timedelta(minutes=3)
IRST = dt.timedelta(hours=3, minutes=30)


def march_equinox_utc(year: int) -> dt.datetime:
    """Instant of the March equinox of Gregorian ``year`` (years 1000–3000), as naive UTC."""
    y = (year - 2000) / 1000
    jde0 = 2451623.80984 + 365242.37404 * y + 0.05169 * y**2 - 0.00411 * y**3 - 0.00057 * y**4
    t = (jde0 - 2451545.0) / 36525
    w = math.radians(35999.373 * t - 2.47)
    dl = 1 + 0.0334 * math.cos(w) + 0.0007 * math.cos(2 * w)
    s = sum(a * math.cos(math.radians(b + c * t)) for a, b, c in _TERMS)
    jde = jde0 + 0.00001 * s / dl
    # Terrestrial Time to UT: ΔT is about 69 s now and of the same order over this range;
    # a rough quadratic (Morrison–Stephenson shape) is plenty given MARGIN.
    delta_t = -20 + 32 * ((year - 1820) / 100) ** 2
    return _J2000 + dt.timedelta(days=jde - 2451545.0, seconds=-delta_t)


def nowruz(jalali_year: int) -> tuple[dt.date, bool]:
    """(1 Farvardin of ``jalali_year`` by the noon rule, whether the equinox is near noon)."""
    local = march_equinox_utc(jalali_year + 621) + IRST
    noon = local.replace(hour=12, minute=0, second=0, microsecond=0)
    day = local.date() if local < noon else local.date() + dt.timedelta(days=1)
    return day, abs(local - noon) < MARGIN


def test_equinox_algorithm_matches_published_instants() -> None:
    # Published March equinoxes (UTC), to the minute.
    published = {
        2000: dt.datetime(2000, 3, 20, 7, 35),
        2024: dt.datetime(2024, 3, 20, 3, 6),
        2025: dt.datetime(2025, 3, 20, 9, 1),
        2026: dt.datetime(2026, 3, 20, 14, 46),
    }
    for year, instant in published.items():
        assert abs(march_equinox_utc(year) - instant) < dt.timedelta(minutes=2), year


def test_leap_years_and_nowruz_match_astronomy_1206_1499() -> None:
    near_noon: list[int] = []
    nowruz_by_year: dict[int, dt.date] = {}
    for year in range(1206, 1501):
        day, close = nowruz(year)
        if close:
            near_noon.append(year)
            continue
        nowruz_by_year[year] = day
        if 1300 <= year <= 1499:
            assert from_jalali(year, 1, 1) == day, year
    checked = 0
    for year in range(1206, 1500):
        if year in nowruz_by_year and year + 1 in nowruz_by_year:
            length = (nowruz_by_year[year + 1] - nowruz_by_year[year]).days
            assert is_leap(year) == (length == 366), year
            checked += 1
    # Only 1309 (equinox 1930-03-21 about 12:00 IRST) is too close to call at this accuracy.
    assert near_noon == [1309]
    assert checked == 294 - 2  # 1206–1499, less 1308 and 1309
