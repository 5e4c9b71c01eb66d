"""The comment thread's model: rows a batch at a time, each comment's own direction, links."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from newsreader.core.types import Comment, Direction
from newsreader.ui.models.comment_list import (
    BATCH_SIZE,
    MAX_SHOWN_ADDRESS,
    MAX_TEXT_CHARS,
    AuthorRole,
    CommentListModel,
    CommentRole,
    DepthRole,
    DirectionRole,
    LinksRole,
    PublishedRole,
    TextRole,
    comment_text,
    short_address,
)
from newsreader.ui.relative_time import absolute_time
from tests.ui.conftest import make_comments

NOW = datetime.now(UTC)


def test_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = CommentListModel()
    model.set_comments(make_comments(5000))
    qtmodeltester.check(model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 5000
    qtmodeltester.check(model)
    model.set_comments(make_comments(1200))
    qtmodeltester.check(model)
    model.clear()
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_model_roles_carry_each_comments_own_direction() -> None:
    model = CommentListModel()
    model.set_comments(make_comments(4))
    arabic, english = model.index(0, 0), model.index(1, 0)
    assert arabic.data(DirectionRole) == Qt.LayoutDirection.RightToLeft
    assert english.data(DirectionRole) == Qt.LayoutDirection.LeftToRight
    assert english.data(AuthorRole) == "John"
    assert english.data(DepthRole) == 1
    assert english.data(TextRole) == "Comment 1: thanks for the clear report.\n\n" + (
        "Comment 1: thanks for the clear report."
    )
    assert "<p>" not in str(arabic.data(Qt.ItemDataRole.DisplayRole))
    assert model.row_of(3) == 2 and model.row_of(999) == -1


def test_the_model_hands_out_rows_up_to_a_comment_far_down() -> None:
    model = CommentListModel()
    model.set_comments(make_comments(1200))
    assert model.rowCount() == BATCH_SIZE
    assert model.row_of(901) == 900
    model.load_through(900)
    assert model.rowCount() == 901
    assert model.comment(900).id == 901  # type: ignore[union-attr]
    model.load_through(5000)
    assert model.rowCount() == 1200 and not model.canFetchMore(QModelIndex())


def test_links_are_written_out_and_images_never_loaded() -> None:
    markup = (
        '<p>انظر <a href="https://www.example.org/reports/2026/energy/">التقرير</a> و'
        '<a href="https://example.org/x">example.org/x</a>'
        '<img src="https://tracker.example/pixel.gif" alt=""></p>'
        '<p><a href="javascript:alert(1)">click</a></p>'
    )
    comment = Comment(1, 1, "g", None, "سلمى", NOW, markup, Direction.RTL)
    model = CommentListModel()
    model.set_comments([comment])
    index = model.index(0, 0)
    text = index.data(TextRole)
    assert "التقرير (example.org/reports/2026/energy)" in text
    assert "example.org/x (" not in text  # the text already is the address
    assert "tracker" not in text and "javascript" not in text
    assert index.data(LinksRole) == [
        "https://www.example.org/reports/2026/energy/",
        "https://example.org/x",
    ]
    assert short_address("https://example.org/" + "a" * 80).endswith("…")


# -- more of the model ------------------------------------------------------------------


def test_a_thread_is_handed_out_a_batch_at_a_time(qtbot) -> None:
    model = CommentListModel(batch_size=3)
    model.set_comments(make_comments(7))
    assert (model.rowCount(), model.total()) == (3, 7)
    assert model.comment(3) is None  # not handed out yet
    assert model.index(3, 0).data(TextRole) is None
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.fetchMore(QModelIndex())
    assert inserted.args[1:] == [3, 5]
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 7 and not model.canFetchMore(QModelIndex())
    with qtbot.assertNotEmitted(model.rowsInserted):
        model.fetchMore(QModelIndex())
        model.load_through(2)  # handed out already
    model.set_comments(make_comments(2))
    assert (model.rowCount(), model.total()) == (2, 2)
    assert not model.canFetchMore(QModelIndex())


def test_each_role_of_a_row(qapp) -> None:
    published = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    signed = Comment(7, 1, "a", None, "Martin", published, "<p>Open on Fridays?</p>", Direction.LTR)
    unsigned = Comment(8, 1, "b", 7, None, None, "<p>نعم</p>", Direction.RTL, depth=-1)
    model = CommentListModel()
    model.set_comments([signed, unsigned])
    first, second = model.index(0, 0), model.index(1, 0)
    assert first.data(CommentRole) == signed
    assert first.data(PublishedRole) == published
    assert first.data(Qt.ItemDataRole.ToolTipRole) == absolute_time(published)
    assert first.data(Qt.ItemDataRole.AccessibleTextRole) == "Martin: Open on Fridays?"
    assert first.data(LinksRole) == []
    assert second.data(AuthorRole) == ""
    assert second.data(Qt.ItemDataRole.ToolTipRole) is None  # no date to tell
    assert second.data(Qt.ItemDataRole.AccessibleTextRole) == "نعم"
    assert second.data(DepthRole) == 0  # never less than the top level
    assert model.index(0, 1).data(TextRole) is None  # one column only
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags


def test_long_comments_are_cut_and_links_listed_once() -> None:
    text, links = comment_text("<p>" + "كلمة " * 3000 + "</p>")
    assert (
        text == ("كلمة " * (MAX_TEXT_CHARS // 5)).rstrip() + "…"
    )  # the space before the cut dropped
    assert links == ()
    twice = (
        '<p><a href="https://example.org/a">one</a> and '
        '<a href="https://example.org/a">again</a> and '
        '<a href="mailto:x@example.org">mail</a></p>'
    )
    text, links = comment_text(twice)
    assert links == ("https://example.org/a",)
    assert text == "one (example.org/a) and again (example.org/a) and mail"


def test_addresses_are_shortened_for_reading() -> None:
    assert short_address("https://www.example.org/a/b/") == "example.org/a/b"
    assert short_address("HTTP://Example.org") == "Example.org"
    assert short_address("  example.org/x  ") == "example.org/x"
    long = short_address("https://example.org/" + "a" * 80)
    assert len(long) == MAX_SHOWN_ADDRESS and long == ("example.org/" + "a" * 80)[:47] + "…"
