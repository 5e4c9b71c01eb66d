"""The HTML tables every reader of article markup shares, and the walk over markup."""

from __future__ import annotations

from newsreader.core.html import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    BLOCK_TAGS,
    HIDDEN_TAGS,
    LINE_TAGS,
    REMOVED_WITH_CONTENT,
    VOID_TAGS,
    EndTag,
    StartTag,
    walk_html,
)

# --- the tables ----------------------------------------------------------------------


def test_nothing_is_both_kept_and_removed() -> None:
    assert not ALLOWED_TAGS & REMOVED_WITH_CONTENT
    assert not ALLOWED_TAGS & (HIDDEN_TAGS - REMOVED_WITH_CONTENT)


def test_attributes_are_allowed_only_on_allowed_tags() -> None:
    assert set(ALLOWED_ATTRIBUTES) - {"*"} <= ALLOWED_TAGS
    assert ALLOWED_ATTRIBUTES["*"] == {"dir", "lang"}


def test_the_only_kept_void_elements_are_breaks_rules_and_images() -> None:
    kept_void = ALLOWED_TAGS & VOID_TAGS
    assert kept_void == {"br", "hr", "img"}


def test_plain_text_layout_tables_do_not_overlap() -> None:
    assert not BLOCK_TAGS & LINE_TAGS
    assert not (BLOCK_TAGS | LINE_TAGS) & (VOID_TAGS - {"hr"})


def test_hidden_elements_not_removed_by_the_sanitizer_are_a_documents_own() -> None:
    hidden_but_kept = HIDDEN_TAGS - REMOVED_WITH_CONTENT
    assert hidden_but_kept == {"head", "title"}


# --- walking markup ------------------------------------------------------------------


def test_events_come_in_document_order() -> None:
    events = list(walk_html('<p dir="rtl">نص <b>غامق</b></p>'))
    assert events == [
        StartTag("p", {"dir": "rtl"}, False, '<p dir="rtl">'),
        "نص ",
        StartTag("b", {}, False, "<b>"),
        "غامق",
        EndTag("b"),
        EndTag("p"),
    ]


def test_attributes_are_normalised() -> None:
    [start] = walk_html('<A HREF="/x?a=1&amp;b=2" Title=T hidden href=/last>')
    assert isinstance(start, StartTag)
    assert start.name == "a"
    assert start.attrs == {"href": "/last", "title": "T", "hidden": ""}
    assert start.source == '<A HREF="/x?a=1&amp;b=2" Title=T hidden href=/last>'


def test_a_self_closing_tag_is_one_event() -> None:
    assert list(walk_html("<br/><p/>")) == [
        StartTag("br", {}, True, "<br/>"),
        StartTag("p", {}, True, "<p/>"),
    ]


def test_text_has_entities_decoded_and_comments_left_out() -> None:
    events = list(walk_html("a &amp; b<!-- note -->&#1575;"))
    assert "".join(e for e in events if isinstance(e, str)) == "a & bا"


def test_unbalanced_markup_comes_out_as_written() -> None:
    assert list(walk_html("</i>x<b>")) == [EndTag("i"), "x", StartTag("b", {}, False, "<b>")]


def test_script_content_is_text_not_tags() -> None:
    events = list(walk_html("<script>if (a<b) {}</script>"))
    assert events[1] == "if (a<b) {}"
    assert events[-1] == EndTag("script")


def test_trailing_text_is_not_lost() -> None:
    assert list(walk_html("<p>end &amp")) == [StartTag("p", {}, False, "<p>"), "end &"]
