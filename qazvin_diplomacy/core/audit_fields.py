"""Names of the recorded fields in the audit trail, in Persian and English.

The trail keeps each change under its column name (``title_en``, ``country_id``); these are
what the audit page and the printed trail show instead.  A column is named by its stem
(``country`` for ``country_id``, ``chair`` for ``chair_text`` and ``chair_person_id``) with
«(فارسی)» / «(انگلیسی)» for the ``_fa`` / ``_en`` variants; a column named nowhere here is
shown as it is stored (``tests/services/test_services_audit.py`` fails for an audited one).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from typing import Any

from qazvin_diplomacy.core.audit import ENTITY_LABELS, entity_label
from qazvin_diplomacy.core.clock import to_local
from qazvin_diplomacy.core.jalali import format_jalali, format_jalali_datetime
from qazvin_diplomacy.core.labels import LabelledEnum
from qazvin_diplomacy.core.text import to_persian_digits

#: Persian name of each stem (a column name without its ``_id``/``_person_id``/``_text``/
#: ``_fa``/``_en`` ending, or the whole name where the ending is part of the meaning).
FIELD_LABELS_FA: dict[str, str] = {
    "activity": "فعالیت",
    "address": "نشانی",
    "addressee": "گیرنده",
    "agenda_item": "بند دستور جلسه",
    "agreement": "موافقت‌نامه",
    "annual_capacity": "ظرفیت سالانه",
    "approved_at": "زمان تصویب",
    "approved_by": "تصویب‌کننده",
    "archived_at": "زمان بایگانی",
    "area": "مساحت",
    "area_unit": "واحد مساحت",
    "at": "زمان",
    "attachments_note": "یادداشت پیوست‌ها",
    "attendance": "حضور",
    "attended": "حاضر شد",
    "auto_renew": "تمدید خودکار",
    "axis": "محور",
    "barriers": "موانع",
    "biography": "زندگی‌نامه",
    "body": "متن",
    "budget_notes": "یادداشت بودجه",
    "capacity": "ظرفیت",
    "capacity_unit": "واحد ظرفیت",
    "cc": "رونوشت",
    "chair": "رئیس جلسه",
    "changed_at": "زمان تغییر",
    "changed_by": "تغییردهنده",
    "checked_in_at": "زمان ثبت حضور",
    "city": "شهر",
    "cleared": "مجاز به دیدن موارد محرمانه",
    "closed_on": "تاریخ بستن",
    "closing_note": "یادداشت پایانی",
    "companions": "همراهان",
    "company": "شرکت",
    "conflict_key": "کلید هم‌زمانی",
    "conflict_reason": "دلیل هم‌زمانی",
    "confidential": "محرمانه",
    "contact_org": "دستگاه رابط",
    "correction_reason": "دلیل اصلاح",
    "country": "کشور",
    "county": "شهرستان",
    "created_at": "زمان ثبت",
    "criteria": "شرط",
    "currency": "ارز",
    "date": "تاریخ",
    "day": "روز",
    "deadline": "مهلت",
    "delegation": "هیئت",
    "delegation_name": "نام هیئت",
    "demand_notes": "نیازهای بازار",
    "description": "شرح",
    "description_key": "کلید شرح",
    "diplomatic_rank": "رتبهٔ دیپلماتیک",
    "direction": "جهت",
    "disabled": "غیرفعال",
    "display_name": "نام نمایشی",
    "duration_months": "مدت (ماه)",
    "email": "رایانامه",
    "end_at": "زمان پایان",
    "end_date": "تاریخ پایان",
    "end_time": "ساعت پایان",
    "entry_date": "تاریخ ثبت",
    "event": "رویداد",
    "expires_on": "تاریخ انقضا",
    "failed_attempts": "تلاش‌های ناموفق",
    "first_number": "نخستین شماره",
    "frequency": "تناوب",
    "from_status": "وضعیت پیشین",
    "functions_started_at": "آغاز مأموریت",
    "gift_date": "تاریخ هدیه",
    "head": "سرپرست",
    "holiday_key": "کلید تعطیلی",
    "honorific": "عنوان احترام",
    "host": "میزبان",
    "host_seat": "جای میزبان",
    "hs_code": "کد تعرفه (HS)",
    "id": "شناسه",
    "info_date": "تاریخ اطلاعات",
    "interpreter": "مترجم",
    "interpreter_for": "مترجم برای",
    "interval": "فاصله",
    "investment": "سرمایه‌گذاری",
    "invitation_channel": "شیوهٔ ارسال دعوت‌نامه",
    "invitation_sent_on": "تاریخ ارسال دعوت‌نامه",
    "is_target": "کشور هدف",
    "iso2": "کد دوحرفی کشور",
    "iso3": "کد سه‌حرفی کشور",
    "item": "قلم",
    "item_key": "کلید قلم",
    "jalali_year": "سال",
    "jobs": "اشتغال",
    "key": "کلید",
    "kind": "نوع",
    "label": "برچسب",
    "languages": "زبان‌ها",
    "last_login_at": "آخرین ورود",
    "last_seq": "آخرین شماره",
    "legal_opinion": "نظر حقوقی",
    "legal_review_date": "تاریخ بررسی حقوقی",
    "legal_reviewer": "بررسی‌کنندهٔ حقوقی",
    "legal_verdict": "نتیجهٔ بررسی حقوقی",
    "letter_date": "تاریخ نامه",
    "letter_number": "شمارهٔ نامه",
    "link": "پیوند",
    "link_kind": "نوع پیوند",
    "locality": "محل",
    "locked_until": "قفل تا",
    "login": "نام کاربری",
    "login_key": "کلید نام کاربری",
    "manual_precedence": "تقدم دستی",
    "market": "بازار هدف",
    "media_type": "نوع پرونده",
    "meeting": "جلسه",
    "meeting_date": "تاریخ جلسه",
    "minutes_version": "نسخهٔ صورت‌جلسه",
    "name": "نام",
    "new_deadline": "مهلت جدید",
    "new_status": "وضعیت جدید",
    "new_value": "مقدار جدید",
    "note": "یادداشت",
    "notes": "یادداشت‌ها",
    "nth": "چندمین",
    "number": "شماره",
    "objectives": "اهداف",
    "occurrence": "نوبت",
    "old_deadline": "مهلت پیشین",
    "old_status": "وضعیت پیشین",
    "old_value": "مقدار پیشین",
    "organization": "سازمان",
    "organizer": "برگزارکننده",
    "original_name": "نام اصلی پرونده",
    "outcome": "نتیجه",
    "owner": "مسئول",
    "owner_kind": "نوع مالک",
    "parent": "سازمان مادر",
    "party": "طرف",
    "password_hash": "گذرواژه",
    "person": "شخص",
    "person_in_charge": "مسئول پیگیری",
    "phone": "تلفن",
    "place": "مکان",
    "position": "سمت",
    "presenter": "ارائه‌دهنده",
    "priority": "اولویت",
    "product": "محصول",
    "publishable": "قابل انتشار",
    "purpose": "هدف",
    "rank_order": "ترتیب رتبه",
    "reason": "دلیل",
    "recorded_at": "زمان ثبت",
    "recurrence_day": "روز تکرار",
    "recurrence_kind": "نوع تکرار",
    "recurrence_month": "ماه تکرار",
    "recurrence_nth": "نوبت تکرار",
    "recurrence_weekday": "روز هفتهٔ تکرار",
    "reference_number": "شمارهٔ مرجع",
    "region": "منطقه",
    "remark": "توضیح",
    "remarks": "توضیحات",
    "renewal_months": "مدت تمدید (ماه)",
    "represented_by": "نماینده",
    "resolution": "مصوبه",
    "responsible": "مسئول",
    "responsible_org": "دستگاه مسئول",
    "role": "نقش",
    "rows": "ردیف‌ها",
    "rsvp": "پاسخ دعوت",
    "rsvp_on": "تاریخ پاسخ دعوت",
    "search_key": "کلید جست‌وجو",
    "seat_behind": "صندلی پشت سر",
    "seat_manual": "صندلی دستی",
    "seat_no": "شمارهٔ صندلی",
    "secretary": "دبیر",
    "sector": "بخش",
    "seq": "ردیف",
    "series": "سلسله‌جلسات",
    "session_number": "شمارهٔ جلسه",
    "sha256": "چکیدهٔ پرونده",
    "shape": "شکل",
    "side": "سمت",
    "signing_date": "تاریخ امضا",
    "signing_place": "محل امضا",
    "size": "اندازه",
    "snapshot": "متن ثبت‌شده",
    "sort_order": "ترتیب",
    "source_event": "رویداد مبدأ",
    "source": "مبدأ",
    "source_key": "کلید مبدأ",
    "source_kind": "نوع مبدأ",
    "sources": "منابع",
    "speaker": "سخنران",
    "start_at": "زمان آغاز",
    "start_date": "تاریخ آغاز",
    "start_time": "ساعت آغاز",
    "state": "وضعیت",
    "status": "وضعیت",
    "status_changed_at": "زمان تغییر وضعیت",
    "subject": "موضوع",
    "summary": "خلاصه",
    "table_no": "شمارهٔ میز",
    "target": "مقصد پیوند",
    "target_kind": "نوع مقصد پیوند",
    "text": "متن",
    "time_text": "زمان",
    "title": "عنوان",
    "title_key": "کلید عنوان",
    "to_status": "وضعیت جدید",
    "transport": "وسیلهٔ نقلیه",
    "updated_at": "زمان ویرایش",
    "uuid": "شناسهٔ یکتا",
    "value": "مقدار",
    "value_usd": "ارزش (دلار)",
    "venue": "محل برگزاری",
    "venue_key": "کلید محل برگزاری",
    "version": "نسخه",
    "visit": "دیدار",
    "website": "وبگاه",
    "weekday": "روز هفته",
}

#: Fields every record has, left out where a change is summed up (the entry's own time says it).
ROUTINE_FIELDS = ("created_at", "updated_at", "version", "id", "uuid")
#: A changed field in Persian: «from … to …» reads right to left whatever the values are.
CHANGED_FA = "{field}: از «{before}» به «{after}»"

_LANGUAGE = {"_fa": ("فارسی", "Persian"), "_en": ("انگلیسی", "English")}
#: Endings that name the same thing as the stem: a linked record or its free-text stand-in.
_SAME = ("_person_id", "_id", "_text")


def _stem(name: str) -> tuple[str, str]:
    """(stem, ``_fa``/``_en`` or "") of a column name."""
    language = name[-3:] if name[-3:] in _LANGUAGE else ""
    base = name[: -len(language)] if language else name
    if base not in FIELD_LABELS_FA:
        for ending in _SAME:
            if base.endswith(ending) and base[: -len(ending)] in FIELD_LABELS_FA:
                return base[: -len(ending)], language
    return base, language


def field_label(name: str, language: str = "fa") -> str:
    """A recorded field's name for people: Persian (``language="fa"``) or English, e.g.
    ``title_en`` → «عنوان (انگلیسی)» / "Title (English)"; unknown names stay as stored."""
    stem, variant = _stem(name)
    if language == "fa":
        if stem not in FIELD_LABELS_FA:
            return name
        label = FIELD_LABELS_FA[stem]
    else:
        label = stem.replace("_", " ").capitalize()
    if variant:
        label += f" ({_LANGUAGE[variant][0 if language == 'fa' else 1]})"
    return label


def is_labelled(name: str) -> bool:
    """True when ``field_label`` has a Persian name for the column ``name``."""
    return _stem(name)[0] in FIELD_LABELS_FA


#: Fields holding a code of one of the application's enums (``status``, ``kind``…): shown by
#: the code's label.  Other text is shown as typed, even where it happens to spell a code.
_CODED = re.compile(
    r"(^|_)(status|kind|role|direction|axis|sector|rsvp|attendance|state|frequency|shape"
    r"|side|channel|verdict|rank|transport|priority|region|item_key)$"
)
#: Fields holding a table's name (an attachment's owner, a link's target): shown by its name.
_ENTITY = re.compile(r"^(owner|target)_kind$")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?")


@cache
def _code_labels() -> dict[str, tuple[str, str]]:
    """Every enum code with its (Persian, English) label; where two enums name one code
    differently, the shorter Persian label (e.g. «باز» over «همهٔ باز»)."""
    import importlib
    import pkgutil

    import qazvin_diplomacy.core as core

    for module in pkgutil.iter_modules(core.__path__):  # every enum declared
        importlib.import_module(f"{core.__name__}.{module.name}")
    labels: dict[str, tuple[str, str]] = {}
    pending = list(LabelledEnum.__subclasses__())
    while pending:
        enum_type = pending.pop()
        pending.extend(enum_type.__subclasses__())
        for member in enum_type:  # type: ignore[attr-defined]
            known = labels.get(member.value)
            if known is None or len(member.label_fa) < len(known[0]):
                labels[member.value] = (member.label_fa, member.label_en)
    return labels


def value_text(name: str, value: Any, language: str = "fa") -> str:
    """A recorded value for people: «—» for none, yes/no, Jalali dates (moments in Tehran
    time), an enum code by its label, numbers in Persian digits in Persian; text as it is."""
    fa = language == "fa"
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return ("بله" if value else "خیر") if fa else ("yes" if value else "no")
    if isinstance(value, int | float):
        return to_persian_digits(value) if fa else str(value)
    if not isinstance(value, str):
        return str(value)
    if _MOMENT.fullmatch(value) or _DATE.fullmatch(value):
        return _jalali(value, language) or value  # typed text that only looks like a date
    if _ENTITY.match(name) and value in ENTITY_LABELS:
        return entity_label(value, language)
    if _CODED.search(name) and value in _code_labels():
        return _code_labels()[value][0 if fa else 1]
    if _is_document(value):  # e.g. approved minutes kept whole: too long to be read here
        size = to_persian_digits(len(value)) if fa else str(len(value))
        return f"(سند ثبت‌شده، {size} نویسه)" if fa else f"(stored document, {size} characters)"
    return value


def _jalali(value: str, language: str) -> str | None:
    """An ISO date or moment (UTC moments in Tehran time) in Jalali; None when not a real one."""
    digits = "fa" if language == "fa" else "latin"
    try:
        if _DATE.fullmatch(value):
            return format_jalali(dt.date.fromisoformat(value), digits=digits, lang=language)
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        if moment.tzinfo is not None:
            moment = to_local(moment)
        return format_jalali_datetime(moment, digits=digits, lang=language)
    except (ValueError, OverflowError):
        return None


def _is_document(value: str) -> bool:
    """True for a JSON object or list stored as text."""
    if not value.startswith(("{", "[")):
        return False
    try:
        return isinstance(json.loads(value), dict | list)
    except ValueError:
        return False
