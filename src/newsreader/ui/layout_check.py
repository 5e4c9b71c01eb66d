"""Checks of the window's layout that a picture alone would hide.

Screenshot mode runs them after rendering and reports each problem on standard
error, and the screenshot tests fail on any: the headline column has at least a
third of the list, the list never scrolls sideways, the feed names on screen are
told apart after shortening, and the comments panel is folded when it has nothing
to show.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QTreeView

from newsreader.ui.comments_dock import CommentsDock
from newsreader.ui.comments_panel import CommentsPanel
from newsreader.ui.delegates.sidebar_delegate import SidebarDelegate
from newsreader.ui.list_columns import ListColumns, scrolls_sideways
from newsreader.ui.models.sidebar import KindRole, NodeKind

#: The headline column's least share of the list, as the checks demand it.
MIN_HEADLINE_SHARE = 1 / 3


@dataclass(frozen=True, slots=True)
class LayoutFacts:
    """What the checks look at, measured from the live widgets."""

    list_width: int
    headline_width: int
    scrolls_sideways: bool
    shown_feed_names: tuple[str, ...]
    comments_folded: bool
    comments_has_content: bool


def measure(
    article_view: QTreeView,
    columns: ListColumns,
    sidebar_view: QTreeView,
    comments: CommentsPanel,
    comments_dock: CommentsDock,
) -> LayoutFacts:
    """The facts of the window's parts as they are on screen now."""
    return LayoutFacts(
        list_width=article_view.viewport().width(),
        headline_width=columns.headline_width(),
        scrolls_sideways=scrolls_sideways(article_view),
        shown_feed_names=tuple(_shown_feed_names(sidebar_view)),
        comments_folded=comments_dock.is_folded(),
        comments_has_content=comments.has_content(),
    )


def problems(facts: LayoutFacts) -> list[str]:
    """Every way the layout falls short; empty when it is sound."""
    found = []
    if facts.headline_width < MIN_HEADLINE_SHARE * facts.list_width:
        found.append(
            f"the headline column is {facts.headline_width} px of a "
            f"{facts.list_width} px list (less than a third)"
        )
    if facts.scrolls_sideways:
        found.append("the article list scrolls sideways")
    names = facts.shown_feed_names
    if len(set(names)) != len(names):
        alike = sorted({name for name in names if names.count(name) > 1})
        found.append(f"feed names read alike once shortened: {', '.join(alike)}")
    if not facts.comments_has_content and not facts.comments_folded:
        found.append("the comments panel stays open with nothing to show")
    return found


def _shown_feed_names(view: QTreeView) -> list[str]:
    """The feed names as the sidebar last painted them, for rows on screen."""
    model = view.model()
    delegate = view.itemDelegate()
    names = []
    stack = [QModelIndex()]
    while stack:
        parent = stack.pop()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if model.hasChildren(index) and view.isExpanded(index):
                stack.append(index)
            if index.data(KindRole) != NodeKind.FEED:
                continue
            rect = view.visualRect(index)
            if rect.isEmpty() or not view.viewport().rect().contains(rect):
                continue
            label = str(index.data() or "")
            painted = (
                delegate.painted_name(label) if isinstance(delegate, SidebarDelegate) else None
            )
            names.append(label if painted is None else painted)
    return names
