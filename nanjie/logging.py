"""A logging filter that keeps residents' phone numbers and names out of every log line (PIPL).

Logs are read by more people (and kept longer) than the database is. The filter is attached to the handler,
not to a logger, so it also sees records that propagate from Django's loggers ("Not Found: /path",
"Internal Server Error", the dev server's request lines) and the tracebacks they carry.

It masks:
- every mainland mobile number (with or without +86 and separators) and every landline with an area code;
- the value given to any name field (resident_name=张三, 'contact_name': '张三', Key (name)=(张三) …)
  wherever it appears as key=value: query strings, dict and QueryDict reprs, database error details;
- the value of every search box (?q=%E5%BC%A0%E4%B8%89): workers search households by a resident's name;
- phones written URL-encoded in a query string (q=138+1234+5678, 138%201234%205678), matched once decoded;
- the secret keys to one resident's matter: /track/<token>/ and /bookings/<token>/ in a path (request lines,
  "Bad Request: /track/…/rate/") and a photo's ?t=<token>: whoever reads the log could open the matter.
A name written into free prose cannot be told from other Chinese text: never log names, log primary keys.
"""

import logging
import re
from urllib.parse import unquote_plus

from nanjie.masking import PHONE

MASK = "***"

# Field names whose values are a person's name (or a phone, in case it is written unusually).
NAME_FIELDS = (
    "resident_name", "contact_name", "full_name", "real_name", "person_name", "name",
    "resident_phone", "contact_phone", "phone", "mobile",
)
# Free-text search parameters (django-filter's and the admin's ?q=): what is typed there is often a name.
SEARCH_FIELDS = ("q", "search", "query", "keyword")
_FIELD = r"(?:[\w.]*_)?(?:" + "|".join(NAME_FIELDS) + r")"
_KEY = rf"(?:{_FIELD}|(?:" + "|".join(SEARCH_FIELDS) + r"))"
NAME_VALUE = [
    # resident_name=%E5%BC%A0%E4%B8%89&… or name=张三 (query strings, form bodies, key=value logs)
    re.compile(rf"(?P<key>\b{_KEY}=)(?P<value>[^&\s'\",;)]+)"),
    # 'resident_name': '张三'  /  "name": ["张三"]  (dict, QueryDict and JSON reprs)
    re.compile(rf"(?P<key>['\"]{_KEY}['\"]\s*:\s*\[?\s*)(?P<value>'[^']*'|\"[^\"]*\")"),
    # Key (name)=(张三) / (contact_name, micro_grid_id)=(张三, 12)  (PostgreSQL integrity error details)
    re.compile(rf"(?P<key>\((?:[\w, ]*?){_FIELD}(?:[\w, ]*?)\)=)(?P<value>\([^)]*\))"),
]
# The secret in a path segment after /track/ or /bookings/ (kept: the slash and what follows it), and ?t=.
SECRET_PATH = re.compile(r"(?P<key>/(?:track|bookings)/)(?P<value>[^/?#\s'\"]+)")
SECRET_PARAM = re.compile(r"(?P<key>[?&;]t=)(?P<value>[^&\s'\",;)#]+)")
# A run without spaces or quotes that a URL encoder may have written (%20, + for a space).
_URL_ENCODED = re.compile(r"[^\s'\"]*[%+][^\s'\"]*")


def _mask_encoded_phone(match):
    # Only a run that hides a phone is rewritten (decoded, masked); any other run is logged as it came.
    decoded = unquote_plus(match.group())
    return PHONE.sub(MASK, decoded) if PHONE.search(decoded) else match.group()


def mask_text(text):
    """The text with every phone number, every named person's value and every tracking key replaced by ***."""
    if not text:
        return text
    text = PHONE.sub(MASK, text)
    for pattern in (*NAME_VALUE, SECRET_PATH, SECRET_PARAM):
        text = pattern.sub(lambda match: match.group("key") + MASK, text)
    # Last: decoding turns + into a space, which would end a name's value (name=张+三) before it was masked.
    return _URL_ENCODED.sub(_mask_encoded_phone, text)


class MaskPersonalData(logging.Filter):
    """Rewrites the record in place (message, traceback, stack) with personal data masked; never drops it."""

    _formatter = logging.Formatter()

    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # a broken %-format must not lose the record; log what we have, masked
            message = f"{record.msg!r} {record.args!r}"
        record.msg, record.args = mask_text(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_text(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_text(record.stack_info)
        return True
