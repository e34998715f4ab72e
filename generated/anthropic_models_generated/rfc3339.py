# DO NOT EDIT: generated from openapi.yaml by `nox -s generate` (tools/generate.py).
# spec sha256 cb1e4d2b8113abd0c568db79b106b5961afaf376d1c50e6452560ca4dee26471
"""RFC 3339 date-times: the one rule of the package, for the decoders, the server and the kit.

A date-time is ``full-date "T" full-time`` of RFC 3339 section 5.6 (``t`` and ``z`` in either
case), digits ASCII only, and an offset required (``Z`` or ``+hh:mm``/``-hh:mm``); the fraction
may be any length (microseconds are kept). Standard library only.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

__all__ = ["format_datetime", "is_datetime", "parse_datetime"]

_DATETIME = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]+))?"
    r"(?:([Zz])|([+-])([0-9]{2}):([0-9]{2}))\Z"
)
# "2025-09-29T00:00:00Z": the usual form, read in C by datetime.fromisoformat the same way on
# every supported Python (3.9 reads no "Z", so it is given "+00:00"); hour 00-23 only.
_UTC_SECONDS = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T(?:[01][0-9]|2[0-3]):[0-9]{2}:[0-9]{2}Z\Z")
_fromisoformat = datetime.fromisoformat


def parse_datetime(text: str) -> datetime:
    """An RFC 3339 date-time as an aware datetime; ValueError (naming the text) if it is not one.

    >>> parse_datetime("2025-09-29T00:00:00Z").isoformat()
    '2025-09-29T00:00:00+00:00'
    >>> parse_datetime("2025-09-29T01:02:03.5-02:30").isoformat()
    '2025-09-29T01:02:03.500000-02:30'
    """
    if _UTC_SECONDS.match(text):
        try:
            return _fromisoformat(text[:19] + "+00:00")
        except ValueError:
            pass  # an impossible date: the message below names it
    match = _DATETIME.match(text)
    if match is None:
        if text[10:11] == " " and _DATETIME.match(f"{text[:10]}T{text[11:]}"):
            raise ValueError(f"not an RFC 3339 date-time with a 'T' separator: {text[:64]!r}")
        raise ValueError(f"not an RFC 3339 date-time: {text[:64]!r}")
    year, month, day, hour, minute, second, fraction, zulu, sign, off_h, off_m = match.groups()
    if zulu:
        tz = timezone.utc
    else:
        if int(off_h) > 23 or int(off_m) > 59:
            raise ValueError(f"offset out of range: {text[:64]!r}")
        offset = timedelta(hours=int(off_h), minutes=int(off_m))
        tz = timezone(-offset if sign == "-" else offset)
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    return datetime(
        int(year), int(month), int(day), int(hour), int(minute), int(second), micro, tzinfo=tz
    )


def is_datetime(text: object) -> bool:
    """Whether ``text`` is a string holding an RFC 3339 date-time :func:`parse_datetime` reads.

    >>> is_datetime("2025-09-29T00:00:00Z"), is_datetime("2025-09-29"), is_datetime("٢٠٢٥-09-29T00:00:00Z")
    (True, False, False)
    """
    if type(text) is not str:
        return False
    try:
        parse_datetime(text)
    except ValueError:
        return False
    return True


def format_datetime(value: datetime) -> str:
    """A datetime as RFC 3339: ``Z`` for UTC (a naive one is taken as UTC), microseconds if any.

    >>> format_datetime(parse_datetime("2025-09-29T00:00:00+00:00"))
    '2025-09-29T00:00:00Z'
    >>> format_datetime(parse_datetime("2025-09-29T01:02:03.5-02:30"))
    '2025-09-29T01:02:03.500000-02:30'
    """
    offset = value.utcoffset()
    text = value.replace(tzinfo=None).isoformat(
        timespec="microseconds" if value.microsecond else "seconds"
    )
    if offset is None or offset == timedelta(0):
        return text + "Z"
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{text}{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
