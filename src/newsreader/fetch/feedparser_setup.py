"""How Newsreader runs feedparser: a buffered reader, a faster table, lighter dicts.

feedparser is the slowest stage of a refresh (about three quarters of a parse
worker's time), and several of its costs come from how it is driven rather than
from what it does:

* **Text arrives in crumbs.**  expat reports character data a line (or an entity)
  at a time unless told to buffer it, and feedparser runs a Python method for every
  crumb.  feedparser asks ``xml.sax.make_parser`` for a reader, preferring the
  modules named in ``feedparser.api.PREFERRED_XML_PARSERS``; this module is such a
  reader module (it has ``create_parser``) and hands out the standard expat reader
  with ``buffer_text`` on.  Everything else about it (namespaces, no external
  entities, errors) is the standard reader's.
* **Every text value is translated through a dict.**  feedparser maps the C1
  control characters that windows-1252 publishers leave in their text (U+0080 to
  U+009F) to the characters they meant, with ``str.translate`` over a 27-entry
  dict.  For any text that is not pure ASCII (all Arabic, and English with a single
  curly quote) ``str.translate`` then looks up every character and fails,
  which costs more than parsing the XML.  The same mapping as a list indexed by
  code point gives the same result in less than half the time.  Characters beyond
  the table (above U+FFFF) are not in it and are left as they are, as before.
* **Every text element copies its parameters with** ``copy.deepcopy``.  Those are
  a small ``FeedParserDict`` of strings (type, language, base); the generic deep
  copy of a dict subclass goes through ``__reduce_ex__`` and rebuilds it item by
  item.  ``FeedParserDict`` gets a ``__deepcopy__`` that copies such a dict in one
  step, and does exactly what the generic copy does for anything else.

* **Every lookup in a** ``FeedParserDict`` **runs Python.**  Its ``__getitem__``
  first compares the key with five keys it answers specially (``category``,
  ``updated``...) and looks up an alias table; ``get``, ``in`` and
  ``setdefault`` call it and catch the ``KeyError`` of a missing key.  feedparser
  itself calls them about a hundred times per entry, nearly always with ordinary
  keys.  They get a front that sends ordinary keys straight to ``dict`` and every
  special or aliased key to feedparser's own method, so answers are unchanged.
* **Every text value is translated at all.**  Even through the list, ``translate``
  walks every character of every title and body (a tenth of a parse).  A
  document that holds no C1 character (no UTF-8 encoded U+0080 to U+009F, no
  character reference to one, decoded as UTF-8 or ASCII) has nothing to translate.
  For such documents, named with :func:`c1_controls_absent`, feedparser's own
  ``pop`` runs with its one ``output.translate(_cp1252)`` turned into
  ``output.removeprefix(...)`` of a string no parsed text can start with: the same
  function, minus the walk.  Base64 content, which could decode to anything, and
  every other document take feedparser's ``pop`` as it is.
* **Every start tag joins two empty URLs.**  Without a base URI or ``xml:base``,
  feedparser's ``_urljoin("", "")`` runs a regular expression and ``urljoin`` to
  get ``""``; that case is answered directly.

:func:`configure` applies all of these, once per process, and records what each
replaced; :func:`is_configured` tells whether they are in force, and
:func:`unconfigured` puts feedparser back as it comes for a while (to compare the
two).  With a feedparser that no longer has the expected table, the table is left
alone and parsing is merely slower.
"""

from __future__ import annotations

import contextlib
import contextvars
import copy
import dis
import itertools
import logging
import threading
import types
from collections.abc import Iterator, Mapping
from typing import Any
from xml.sax.expatreader import AttributesNSImpl, ExpatParser

import feedparser.api
import feedparser.datetimes
import feedparser.mixin
import feedparser.util

from newsreader.fetch.dates import parse_localized_date

log = logging.getLogger(__name__)

__all__ = [
    "c1_controls_absent",
    "configure",
    "create_parser",
    "is_configured",
    "original_table",
    "translation_table",
    "unconfigured",
]

#: Code points covered by the list table: the Basic Multilingual Plane.
TABLE_SIZE = 0x10000

_lock = threading.Lock()
#: Stands for an attribute that did not exist before :func:`configure` set it.
_ABSENT = object()
#: (owner, attribute name) → what was there before :func:`configure` replaced it.
_replaced: dict[tuple[Any, str], Any] = {}


#: The attributes of every element that has none (feedparser only reads them).
_NO_ATTRIBUTES = AttributesNSImpl({}, {})


def _name_pair(name: str) -> tuple[str | None, str]:
    """expat's "namespace localname [prefix]" as the SAX (namespace, localname) pair."""
    parts = name.split()
    if len(parts) == 1:
        return None, name
    return parts[0], parts[1]


class BufferedExpatReader(ExpatParser):
    """The standard SAX expat reader, delivering each run of text in one piece.

    Element names are split once per document rather than at every tag, and an
    element without attributes shares one empty attribute list; elements with
    attributes go through the standard reader's own handler.
    """

    def reset(self) -> None:
        self._pairs: dict[str, tuple[str | None, str]] = {}
        super().reset()
        parser: Any = self._parser  # type: ignore[attr-defined]  # made by reset()
        parser.buffer_text = True

    def _pair(self, name: str) -> tuple[str | None, str]:
        pair = self._pairs.get(name)
        if pair is None:
            pair = self._pairs[name] = _name_pair(name)
        return pair

    def start_element_ns(self, name: str, attrs: Mapping[str, str]) -> None:
        if attrs:
            super().start_element_ns(name, attrs)
        else:
            handler: Any = self._cont_handler  # type: ignore[attr-defined]
            handler.startElementNS(self._pair(name), None, _NO_ATTRIBUTES)

    def end_element_ns(self, name: str) -> None:
        handler: Any = self._cont_handler  # type: ignore[attr-defined]
        handler.endElementNS(self._pair(name), None)


def create_parser(*args: Any, **kwargs: Any) -> BufferedExpatReader:
    """The SAX driver entry point that ``xml.sax.make_parser`` calls."""
    return BufferedExpatReader(*args, **kwargs)


def translation_table(mapping: dict[int, Any]) -> list[int]:
    """*mapping* (code point → character or code point) as a list over the BMP."""
    table = list(range(TABLE_SIZE))
    for code, target in mapping.items():
        if not isinstance(code, int) or not 0 <= code < TABLE_SIZE:
            raise ValueError(f"unexpected key in the code-point table: {code!r}")
        if isinstance(target, str) and len(target) == 1:
            table[code] = ord(target)
        elif isinstance(target, int):
            table[code] = target
        else:
            raise ValueError(f"unexpected value in the code-point table: {target!r}")
    return table


_IMMUTABLE = (str, int, float, bool, bytes, type(None))


def _deepcopy_feedparser_dict(self: Any, memo: dict[int, Any]) -> Any:
    """``copy.deepcopy`` of a ``FeedParserDict``: one step when it holds only scalars."""
    cls = type(self)
    if all(isinstance(value, _IMMUTABLE) for value in dict.values(self)) and not vars(self):
        return cls(self)
    # What the generic deep copy does: a new instance, then each item copied and set.
    new = cls()
    memo[id(self)] = new
    new.__dict__.update(copy.deepcopy(vars(self), memo))
    for key, value in dict.items(self):
        new[copy.deepcopy(key, memo)] = copy.deepcopy(value, memo)
    return new


#: Keys that FeedParserDict answers by special rules, besides those in its keymap.
_SPECIAL_KEYS = frozenset({"category", "enclosures", "license", "updated", "updated_parsed"})
#: The FeedParserDict methods that get a front for ordinary keys.
_LOOKUP_METHODS = ("__getitem__", "get", "__contains__", "setdefault")


def _ordinary_key_methods(dict_class: Any) -> dict[str, Any]:
    """Lookup methods for *dict_class* that skip its aliasing for ordinary keys.

    Each sends a special or aliased key to the class's own method, and any other
    key straight to ``dict``, which is what the class's methods end up doing for
    such keys.
    """
    keymap = dict_class.keymap
    own = {name: getattr(dict_class, name) for name in _LOOKUP_METHODS}

    def getitem(self: Any, key: Any) -> Any:
        if key in _SPECIAL_KEYS or key in keymap:
            return own["__getitem__"](self, key)
        return dict.__getitem__(self, key)

    def get(self: Any, key: Any, default: Any = None) -> Any:
        if key in _SPECIAL_KEYS or key in keymap:
            return own["get"](self, key, default)
        return dict.get(self, key, default)

    def contains(self: Any, key: Any) -> bool:
        if key in _SPECIAL_KEYS or key in keymap:
            return bool(own["__contains__"](self, key))
        return dict.__contains__(self, key)

    def setdefault(self: Any, key: Any, default: Any) -> Any:
        if key in _SPECIAL_KEYS or key in keymap:
            return own["setdefault"](self, key, default)
        return dict.setdefault(self, key, default)

    methods = dict(zip(_LOOKUP_METHODS, (getitem, get, contains, setdefault), strict=True))
    for name, method in methods.items():
        method.__doc__ = own[name].__doc__
    return methods


def _urljoin_front(original: Any) -> Any:
    """feedparser's ``_urljoin`` with an answer for two empty URLs.

    Every start tag re-joins the base URI with the element's ``xml:base``; with
    no base and no ``xml:base`` (the usual case) that is ``""`` joined with
    ``""``, which is ``""``.
    """

    def urljoin(base: Any, uri: Any) -> Any:
        if base == "" and uri == "":
            return ""
        return original(base, uri)

    return urljoin


#: True while feedparser parses a document that holds no C1 control character.
_c1_free: contextvars.ContextVar[bool] = contextvars.ContextVar("c1_free", default=False)
#: The module global that stands in for the table in the translation-free ``pop``.
_NEVER_A_PREFIX_NAME = "_newsreader_never_a_prefix"
#: No parsed text starts with it: XML allows U+FFFF nowhere in a document.
NEVER_A_PREFIX = "\uffff"


def _without_translation(pop: Any) -> Any:
    """*pop* with ``output.translate(_cp1252)`` read as ``output.removeprefix(...)``.

    Only the two names change (the method, and the global the argument comes
    from); the code is feedparser's own.  None when *pop* does not make exactly
    that one call, as in a feedparser this was not written for.
    """
    code = pop.__code__
    instructions = list(dis.get_instructions(code))
    calls = [
        first
        for first, second in itertools.pairwise(instructions)
        if first.argval == "translate"
        and first.opname in ("LOAD_METHOD", "LOAD_ATTR")
        and second.opname == "LOAD_GLOBAL"
        and second.argval == "_cp1252"
    ]
    names = [i.argval for i in instructions if i.argval in ("translate", "_cp1252")]
    if len(calls) != 1 or len(names) != 2 or code.co_names.count("translate") != 1:
        return None
    renamed = tuple(
        "removeprefix"
        if name == "translate"
        else _NEVER_A_PREFIX_NAME
        if name == "_cp1252"
        else name
        for name in code.co_names
    )
    function = types.FunctionType(
        code.replace(co_names=renamed),
        pop.__globals__,
        pop.__name__,
        pop.__defaults__,
        pop.__closure__,
    )
    function.__qualname__ = pop.__qualname__
    function.__kwdefaults__ = pop.__kwdefaults__
    return function


def _pop_front(original: Any, without_translation: Any) -> Any:
    """A ``pop`` that skips the translation for documents known to need none."""

    def pop(self: Any, element: Any, strip_whitespace: Any = 1) -> Any:
        if _c1_free.get() and not self.contentparams.get("base64"):
            return without_translation(self, element, strip_whitespace)
        return original(self, element, strip_whitespace)

    pop.__doc__ = original.__doc__
    return pop


@contextlib.contextmanager
def c1_controls_absent(absent: bool = True) -> Iterator[None]:
    """Tell feedparser, in this thread, that the document it parses now holds no C1 character.

    ``absent=False`` says nothing (the translation runs as usual), so a caller can
    pass what it found out either way.
    """
    token = _c1_free.set(absent)
    try:
        yield
    finally:
        _c1_free.reset(token)


def _pop_changes() -> list[tuple[Any, str, Any]]:
    mixin_class = feedparser.mixin._FeedParserMixin
    original = mixin_class.pop
    without = _without_translation(original)
    if without is None:
        log.info("feedparser's pop is left as it is: it does not translate as expected")
        return []
    return [
        (feedparser.mixin, _NEVER_A_PREFIX_NAME, NEVER_A_PREFIX),
        (mixin_class, "pop", _pop_front(original, without)),
    ]


def _replacements() -> list[tuple[Any, str, Any]]:
    """(owner, attribute, new value) for every change, made from feedparser as it is now."""
    dict_class = feedparser.util.FeedParserDict
    changes: list[tuple[Any, str, Any]] = [
        (
            feedparser.api,
            "PREFERRED_XML_PARSERS",
            [__name__, *feedparser.api.PREFERRED_XML_PARSERS],
        ),
        (dict_class, "__deepcopy__", _deepcopy_feedparser_dict),
        *((dict_class, name, f) for name, f in _ordinary_key_methods(dict_class).items()),
        (feedparser.mixin, "_urljoin", _urljoin_front(feedparser.mixin._urljoin)),
        *_pop_changes(),
        # Tried last: only dates feedparser's own handlers could not read reach it.
        (
            feedparser.datetimes,
            "_date_handlers",
            [*feedparser.datetimes._date_handlers, parse_localized_date],
        ),
    ]
    current = getattr(feedparser.mixin, "_cp1252", None)
    if isinstance(current, dict):
        try:
            changes.append((feedparser.mixin, "_cp1252", translation_table(current)))
        except ValueError as exc:
            log.info("feedparser's code-point table is left as it is: %s", exc)
    return changes


def _set(owner: Any, name: str, value: Any) -> None:
    if value is _ABSENT:
        delattr(owner, name)
    else:
        setattr(owner, name, value)


def configure() -> None:
    """Apply every change to feedparser in this process (idempotent)."""
    with _lock:
        if _replaced:
            return
        for owner, name, value in _replacements():
            _replaced[owner, name] = vars(owner).get(name, _ABSENT)
            _set(owner, name, value)


def is_configured() -> bool:
    """Whether the changes are in force in this process."""
    return bool(_replaced) and __name__ in feedparser.api.PREFERRED_XML_PARSERS


@contextlib.contextmanager
def unconfigured() -> Iterator[None]:
    """feedparser as it comes while the block runs, then Newsreader's changes again."""
    with _lock:
        applied = {key: vars(key[0])[key[1]] for key in _replaced}
        for (owner, name), original in _replaced.items():
            _set(owner, name, original)
    try:
        yield
    finally:
        with _lock:
            for (owner, name), value in applied.items():
                setattr(owner, name, value)


def original_table() -> dict[int, Any] | None:
    """feedparser's own code-point table as it was before :func:`configure`."""
    original = _replaced.get((feedparser.mixin, "_cp1252"))
    return original if isinstance(original, dict) else None
