"""XML hardening and undeclared-encoding repair before feedparser."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from newsreader.fetch.encoding import (
    guess_legacy_encoding,
    may_hold_c1_controls,
    prepare_feed_bytes,
    replace_surrogate_references,
    strip_entity_declarations,
)

FEEDS = Path(__file__).parent.parent / "fixtures" / "feeds"

ARABIC_TITLE = "ارتفاع أسعار الخبز في الأسواق المحلية"
ARABIC_BODY = "قالت جمعية حماية المستهلك إن الأسعار ارتفعت بنسبة طفيفة هذا الشهر."
SPANISH = "La información sobre el año próximo está aquí: niños, canción y acción."
FRENCH = "Le café de la gare rouvre après l'été ; l'équipe prépare déjà la fête."
GERMAN = "Die Brücke über den Fluß wird für größere Fahrzeuge gesperrt."


def rss(title: str, body: str, declaration: str = '<?xml version="1.0"?>') -> str:
    return (
        f'{declaration}\n<rss version="2.0"><channel><title>t</title>'
        f"<item><title>{title}</title><description>{body}</description></item>"
        "</channel></rss>"
    )


# --- strip_entity_declarations --------------------------------------------------------------


def test_entity_bomb_declaration_is_removed() -> None:
    data = (FEEDS / "entity_bomb.xml").read_bytes()
    cleaned = strip_entity_declarations(data)
    assert b"<!ENTITY" not in cleaned
    assert b"<!DOCTYPE" not in cleaned
    assert cleaned.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n')
    assert b"<title>Expansion test &lol9;</title>" in cleaned


def test_external_entity_declarations_are_removed() -> None:
    cleaned = strip_entity_declarations((FEEDS / "external_entity.xml").read_bytes())
    assert b"SYSTEM" not in cleaned
    assert b"PUBLIC" not in cleaned
    assert b"file:///etc/hostname" not in cleaned
    assert b"127.0.0.1" not in cleaned
    assert b"<title>Host: &local;</title>" in cleaned


def test_plain_doctype_is_kept() -> None:
    data = (FEEDS / "rss091.xml").read_bytes()
    assert strip_entity_declarations(data) == data
    empty_subset = b"<?xml version='1.0'?><!DOCTYPE rss [ ]><rss/>"
    assert strip_entity_declarations(empty_subset) == empty_subset


def test_tricky_internal_subset_is_removed_whole() -> None:
    data = (
        b"<?xml version='1.0'?>\n"
        b"<!DOCTYPE rss [\n"
        b"  <!-- a comment with ]> inside -->\n"
        b'  <!ENTITY a "value with ]> and \'">\n'
        b"  <!ENTITY b 'other > ]'>\n"
        b"]>\n"
        b"<rss><channel><title>&a;</title></channel></rss>"
    )
    assert strip_entity_declarations(data) == (
        b"<?xml version='1.0'?>\n\n<rss><channel><title>&a;</title></channel></rss>"
    )


def test_lowercase_and_unterminated_declarations() -> None:
    lower = b'<!doctype rss [<!ENTITY x "y">]><rss/>'
    assert strip_entity_declarations(lower) == b"<rss/>"
    unterminated = b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x "y"><rss><title>&x;</title>'
    assert strip_entity_declarations(unterminated) == (
        b'<?xml version="1.0"?><rss><title>&x;</title>'
    )


def test_declarations_after_the_prolog_are_article_text() -> None:
    data = (
        b'<?xml version="1.0"?>\n<!-- feed of <a> blog -->\n<?xml-stylesheet href="s.xsl"?>\n'
        b'<!DOCTYPE rss [<!ENTITY x "y">]>\n<rss><channel><item><description><![CDATA['
        b'Start a page with <!DOCTYPE html [<!ENTITY nbsp "&#160;">]> and then'
        b"]]></description></item></channel></rss>"
    )
    cleaned = strip_entity_declarations(data)
    assert cleaned.count(b"<!DOCTYPE") == 1
    assert b'<!DOCTYPE html [<!ENTITY nbsp "&#160;">]> and then' in cleaned
    assert b"<!-- feed of <a> blog -->" in cleaned
    assert b'<!ENTITY x "y">' not in cleaned


def test_documents_without_declarations_are_returned_as_is() -> None:
    data = b"<rss><channel><title>x</title></channel></rss>"
    assert strip_entity_declarations(data) is data


# --- guess_legacy_encoding ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (ARABIC_TITLE + " " + ARABIC_BODY, "cp1256"),
        ("Breaking: " + ARABIC_TITLE, "cp1256"),
        (SPANISH, "cp1252"),
        (FRENCH, "cp1252"),
        (GERMAN, "cp1252"),
    ],
)
def test_guess_legacy_encoding(text: str, encoding: str) -> None:
    assert guess_legacy_encoding(rss(text, text).encode(encoding)) == encoding


# --- prepare_feed_bytes -------------------------------------------------------------------


def test_utf8_feed_passes_through_with_a_content_type() -> None:
    data = rss(ARABIC_TITLE, ARABIC_BODY).encode("utf-8")
    assert prepare_feed_bytes(data, None) == (data, {"content-type": "application/xml"})
    assert prepare_feed_bytes(data, "text/xml") == (data, {"content-type": "text/xml"})


def test_undeclared_windows_1256_becomes_utf8() -> None:
    data = (FEEDS / "rss_windows1256_undeclared.xml").read_bytes()
    prepared, headers = prepare_feed_bytes(data, "text/xml")
    assert headers == {"content-type": "text/xml; charset=utf-8"}
    text = prepared.decode("utf-8")
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n<rss')
    assert ARABIC_TITLE in text
    assert ARABIC_BODY in text


def test_undeclared_without_any_xml_declaration_gets_one() -> None:
    data = rss(ARABIC_TITLE, ARABIC_BODY, declaration="").lstrip().encode("cp1256")
    prepared, headers = prepare_feed_bytes(data, None)
    assert headers == {"content-type": "application/xml; charset=utf-8"}
    assert prepared.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n<rss')
    assert ARABIC_TITLE.encode("utf-8") in prepared


def test_undeclared_windows_1252_becomes_utf8() -> None:
    data = rss(FRENCH, SPANISH).encode("cp1252")
    prepared, _ = prepare_feed_bytes(data, None)
    assert FRENCH in prepared.decode("utf-8")
    assert SPANISH in prepared.decode("utf-8")


def test_declared_encodings_are_left_to_feedparser() -> None:
    declared = (FEEDS / "rss_windows1256_declared.xml").read_bytes()
    assert prepare_feed_bytes(declared, None)[0] is declared
    by_header = rss(ARABIC_TITLE, ARABIC_BODY).encode("iso-8859-6")
    assert prepare_feed_bytes(by_header, "application/rss+xml; charset=ISO-8859-6") == (
        by_header,
        {"content-type": "application/rss+xml; charset=ISO-8859-6"},
    )


def test_utf16_with_bom_is_left_alone() -> None:
    data = codecs.BOM_UTF16_LE + rss(ARABIC_TITLE, ARABIC_BODY).encode("utf-16-le")
    assert prepare_feed_bytes(data, None) == (data, {"content-type": "application/xml"})


def test_utf16_with_entity_declarations_is_hardened_into_utf8() -> None:
    document = (
        '<?xml version="1.0" encoding="utf-16"?>'
        '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
        f"<rss><channel><title>{ARABIC_TITLE} &x;</title></channel></rss>"
    )
    data = codecs.BOM_UTF16_BE + document.encode("utf-16-be")
    prepared, headers = prepare_feed_bytes(data, "application/xml")
    assert headers == {"content-type": "application/xml; charset=utf-8"}
    assert prepared.decode("utf-8") == (
        '<?xml version="1.0" encoding="utf-8"?>'
        f"<rss><channel><title>{ARABIC_TITLE} &x;</title></channel></rss>"
    )


def test_hardening_applies_to_legacy_encodings_too() -> None:
    document = rss(ARABIC_TITLE, "&x;").replace(
        "<rss", '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/hostname">]><rss'
    )
    prepared, _ = prepare_feed_bytes(document.encode("cp1256"), None)
    assert b"ENTITY" not in prepared
    assert ARABIC_TITLE in prepared.decode("utf-8")


# --- C1 control characters ---------------------------------------------------------

_ARABIC_UTF8 = "<rss><channel><title>أخبار اليوم</title></channel></rss>".encode()


@pytest.mark.parametrize(
    ("data", "content_type", "may_hold"),
    [
        (b"<rss><channel><title>News</title></channel></rss>", None, False),
        (_ARABIC_UTF8, "application/rss+xml; charset=utf-8", False),
        (b'<?xml version="1.0" encoding="UTF-8"?>' + _ARABIC_UTF8, None, False),
        # an ASCII document reads the same in any declared ASCII-based encoding
        (b'<?xml version="1.0" encoding="iso-8859-1"?><rss/>', None, False),
        # encoded C1 characters and references to them, in hex and decimal
        ("<rss><title>\x93quoted\x94</title></rss>".encode(), None, True),
        (b"<rss><title>&#150; dash</title></rss>", None, True),
        (b"<rss><title>&#x80; euro</title></rss>", None, True),
        (b"<rss><title>&#X009f;</title></rss>", None, True),
        # references next to the range, and other references, are harmless
        (b"<rss><title>&#127; &#160; &#x7f; &#xa0; &#8217;</title></rss>", None, False),
        # non-ASCII bytes in another declared encoding, or not UTF-8 at all
        (_ARABIC_UTF8, "text/xml; charset=windows-1256", True),
        (b'<?xml version="1.0" encoding="windows-1256"?>' + _ARABIC_UTF8, None, True),
        ("<rss><title>caf\xe9</title></rss>".encode("latin-1"), None, True),
        # NUL bytes: UTF-16 or UTF-32, whose code units could be anything
        ("<rss/>".encode("utf-16-le"), None, True),
    ],
)
def test_may_hold_c1_controls(data: bytes, content_type: str | None, may_hold: bool) -> None:
    assert may_hold_c1_controls(data, content_type) is may_hold


# --- references to characters that cannot exist ---------------------------------------------


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        (b"&#xD800;", b"&#xFFFD;"),
        (b"&#xdfff;", b"&#xFFFD;"),
        (b"&#55296;", b"&#xFFFD;"),
        (b"&#0057343;", b"&#xFFFD;"),
        (b"&#x110000;", b"&#xFFFD;"),
        (b"&#xD7FF;", b"&#xD7FF;"),  # the last code point before the surrogates
        (b"&#57344;", b"&#57344;"),  # the first one after them
        (b"&#x10FFFF;", b"&#x10FFFF;"),
        (b"&#1575;", b"&#1575;"),  # alef
    ],
)
def test_impossible_character_references_become_the_replacement_character(
    reference: bytes, expected: bytes
) -> None:
    assert replace_surrogate_references(b"a" + reference + b"b") == b"a" + expected + b"b"
