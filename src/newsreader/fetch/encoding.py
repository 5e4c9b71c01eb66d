"""Bytes clean-up before feedparser: XML hardening and undeclared legacy encodings.

Two things go wrong with real feeds before parsing even starts:

* A document type declaration can define entities: nested ones that expand to
  gigabytes ("billion laughs") or external ones that read local files or make
  requests.  Such declarations are removed so nothing is ever expanded or resolved.
* Older Arabic sites serve windows-1256 without saying so anywhere.  Parsers then
  fall back to windows-1252 and the reader sees mojibake.  When no encoding is
  declared and the bytes are not UTF-8, the text is inspected to choose between
  windows-1256 and windows-1252 and handed on as UTF-8.

* A character reference to a lone UTF-16 surrogate (``&#xD800;``) or past the last
  code point (``&#x110000;``) makes feedparser raise on the whole document, losing
  every item for one bad character.  Such references become U+FFFD, the replacement
  character, before parsing.

Declared encodings are trusted and left to feedparser.
"""

from __future__ import annotations

import codecs
import re

__all__ = [
    "guess_legacy_encoding",
    "may_hold_c1_controls",
    "prepare_feed_bytes",
    "replace_surrogate_references",
    "strip_entity_declarations",
]

DEFAULT_CONTENT_TYPE = "application/xml"

# --- document type declarations ------------------------------------------------------

_DOCTYPE_START_RE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)

#: A whole declaration: name and external id (quoted literals may hold ``>`` or ``[``),
#: then an optional internal subset whose quoted literals and comments may hold ``]``.
_DOCTYPE_RE = re.compile(
    rb"<!DOCTYPE"
    rb"(?:[^\[>\"']++|\"[^\"]*+\"|'[^']*+')*+"
    rb"(?P<subset>\[(?:[^\]\"'<]++|\"[^\"]*+\"|'[^']*+'|<!--.*?-->|<)*+\])?"
    rb"\s*+>",
    re.IGNORECASE | re.DOTALL,
)
_ROOT_START_RE = re.compile(rb"<[A-Za-z_]")
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WIDE_MARKERS = (
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"\x00<\x00?", "utf-16-be"),
)


#: What may come before a document type declaration: white space, the XML
#: declaration and other processing instructions, comments.
_PROLOG_SKIP_RE = re.compile(rb"(?:\s++|<\?.*?\?>|<!--.*?-->)*+", re.DOTALL)


def _doctype_extent(data: bytes, start: int) -> tuple[int, bool]:
    """End of the declaration at *start*, and whether it must go.

    A declaration with a non-blank internal subset must go: that is where entities
    are declared.  So must one whose end cannot be found; it is removed up to the
    root element.
    """
    match = _DOCTYPE_RE.match(data, start)
    if match is None:
        root = _ROOT_START_RE.search(data, start)
        return (root.start() if root else len(data)), True
    subset = match.group("subset")
    return match.end(), subset is not None and bool(subset[1:-1].strip())


def strip_entity_declarations(data: bytes) -> bytes:
    """*data* without document type declarations that carry an internal subset.

    Only the prolog is examined, since a declaration anywhere else has no effect
    (and "<!DOCTYPE" inside an article about HTML must stay).  Works on the raw
    bytes of any ASCII-compatible encoding.  Plain declarations such as the RSS
    0.91 one are kept because they tell feed versions apart.
    """
    if b"<!" not in data:
        return data
    position = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    while True:
        skipped = _PROLOG_SKIP_RE.match(data, position)
        position = skipped.end() if skipped else position
        if not _DOCTYPE_START_RE.match(data, position):
            return data
        end, dangerous = _doctype_extent(data, position)
        if dangerous:
            data = data[:position] + data[end:]
        else:
            position = end


def _wide_encoding(data: bytes) -> str | None:
    """The UTF-16/32 variant of *data*, from its byte order mark or first character."""
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            return name
    for marker, name in _WIDE_MARKERS:
        if data.startswith(marker):
            return name
    return None


def _harden_wide(data: bytes, encoding: str) -> tuple[bytes, bool]:
    """Harden a UTF-16/32 document; if anything changes it comes back as UTF-8."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return data, False  # not really this encoding: feedparser will report it
    text = text.removeprefix("\ufeff")
    narrow = text.encode("utf-8")
    hardened = strip_entity_declarations(narrow)
    if hardened == narrow:
        return data, False
    return _set_declared_encoding(hardened.decode("utf-8")).encode("utf-8"), True


# --- encodings --------------------------------------------------------------------------

_XML_DECL_RE = re.compile(rb"^\s*<\?xml\b[^>]*?\?>")
_XML_DECL_ENCODING_RE = re.compile(rb"""\bencoding\s*=\s*["']\s*([A-Za-z0-9._:-]+)""")
_TEXT_XML_DECL_RE = re.compile(r"^\s*<\?xml\b(?P<attrs>[^>]*?)\s*\?>")
_CHARSET_RE = re.compile(r"""charset\s*=\s*["']?\s*([^"';\s]+)""", re.IGNORECASE)

_WORD_RE = re.compile(r"[^\W\d_]+")
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_LATIN_LETTER_RE = re.compile("[A-Za-z]")


def _http_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = _CHARSET_RE.search(content_type)
    return match.group(1) if match else None


def _xml_declared_encoding(data: bytes) -> str | None:
    declaration = _XML_DECL_RE.match(data)
    if declaration is None:
        return None
    match = _XML_DECL_ENCODING_RE.search(declaration.group(0))
    return match.group(1).decode("ascii") if match else None


def _encoding_is_declared(data: bytes, content_type: str | None) -> bool:
    """Whether the HTTP charset, a byte order mark or the XML declaration names one."""
    return bool(
        _http_charset(content_type)
        or data.startswith(codecs.BOM_UTF8)
        or _wide_encoding(data)
        or _xml_declared_encoding(data)
    )


def _is_utf8(data: bytes) -> bool:
    if data.isascii():
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def guess_legacy_encoding(data: bytes) -> str:
    """Choose between windows-1256 (Arabic) and windows-1252 (Latin) for *data*.

    Decoded as windows-1256, Arabic text forms whole words of Arabic letters, while
    Latin text with accents turns into Latin words with stray Arabic letters glued
    inside ("informaci" + an Arabic letter + "n").  The majority decides.
    """
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "cp1256"  # bytes undefined in windows-1252 are Arabic letters in 1256
    arabic_words = glued_words = 0
    for word in _WORD_RE.findall(data.decode("cp1256")):
        if not _ARABIC_LETTER_RE.search(word):
            continue
        if _LATIN_LETTER_RE.search(word):
            glued_words += 1
        elif len(word) > 1:
            arabic_words += 1
    return "cp1256" if arabic_words > glued_words else "cp1252"


# --- C1 control characters ---------------------------------------------------------

#: U+0080 to U+009F encoded in UTF-8.
_UTF8_C1_RE = re.compile(rb"\xc2[\x80-\x9f]")
#: A character reference to one of them: &#128; to &#159;, &#x80; to &#x9F;.
_C1_REFERENCE_RE = re.compile(rb"&#(?:0*(?:12[89]|1[3-5][0-9])|[xX]0*[89][0-9a-fA-F]);")
_UTF8_NAMES = frozenset({"utf-8", "utf8", "utf_8"})


def may_hold_c1_controls(data: bytes, content_type: str | None) -> bool:
    """Whether parsing *data* could yield a C1 control character (U+0080 to U+009F).

    False only when it certainly cannot: no NUL byte (so no UTF-16 or UTF-32), any
    encoding declared for non-ASCII bytes is UTF-8 and they are UTF-8, and neither
    an encoded C1 character nor a character reference to one occurs.  ASCII-only
    bytes decode alike in every ASCII-based encoding.
    """
    if b"\x00" in data:
        return True
    if b"&#" in data and _C1_REFERENCE_RE.search(data):
        return True
    if data.isascii():
        return False
    declared = {
        name.lower()
        for name in (_http_charset(content_type), _xml_declared_encoding(data))
        if name is not None
    }
    if not declared <= _UTF8_NAMES or not _is_utf8(data):
        return True
    return b"\xc2" in data and _UTF8_C1_RE.search(data) is not None


def _set_declared_encoding(text: str, encoding: str = "utf-8") -> str:
    """*text* with an XML declaration that names *encoding*."""
    declaration = f'<?xml version="1.0" encoding="{encoding}"?>'
    match = _TEXT_XML_DECL_RE.match(text)
    if match is None:
        return declaration + "\n" + text
    return declaration + text[match.end() :]


def _with_charset(content_type: str | None, charset: str) -> str:
    media_type = (content_type or "").split(";", 1)[0].strip() or DEFAULT_CONTENT_TYPE
    return f"{media_type}; charset={charset}"


#: A numeric character reference, hexadecimal or decimal.
_CHAR_REF_RE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
_REPLACEMENT_REF = b"&#xFFFD;"


def _surrogate_to_replacement(match: re.Match[bytes]) -> bytes:
    hexadecimal, decimal = match.groups()
    code = int(hexadecimal, 16) if hexadecimal else int(decimal)
    return _REPLACEMENT_REF if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF else match[0]


def replace_surrogate_references(data: bytes) -> bytes:
    """*data* with every reference to a lone surrogate or a non-character made U+FFFD."""
    if b"&#" not in data:
        return data
    return _CHAR_REF_RE.sub(_surrogate_to_replacement, data)


def prepare_feed_bytes(data: bytes, content_type: str | None) -> tuple[bytes, dict[str, str]]:
    """The bytes and response headers to hand feedparser for a fetched feed.

    Entity declarations are removed first, then an undeclared legacy encoding is
    converted to UTF-8 (and both the XML declaration and the returned content type
    say so).  Headers always carry a content type, because feedparser otherwise
    assumes ISO-8859-1 for documents without an XML declaration.
    """
    headers = {"content-type": content_type or DEFAULT_CONTENT_TYPE}
    wide = _wide_encoding(data)
    if wide:
        data, converted = _harden_wide(data, wide)
        if converted:
            headers["content-type"] = _with_charset(content_type, "utf-8")
        return data, headers
    data = replace_surrogate_references(strip_entity_declarations(data))
    if _encoding_is_declared(data, content_type) or _is_utf8(data):
        return data, headers
    encoding = guess_legacy_encoding(data)
    text = _set_declared_encoding(data.decode(encoding))
    headers["content-type"] = _with_charset(content_type, "utf-8")
    return text.encode("utf-8"), headers
