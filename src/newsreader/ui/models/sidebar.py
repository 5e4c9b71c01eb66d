"""The sidebar tree: smart views, pinned sources, topics, stories, folders and feeds.

The tree is rebuilt from a :class:`SidebarEntry` snapshot (made by
:func:`build_snapshot`, which only reads through :class:`~newsreader.reader.Reader`
and may run on a worker thread) and merged into the live tree node by node, keyed
by stable strings (``feed:12``, ``topic:c:sport``: ``topic:`` and the topic's id).
Merging with real insert, move and remove signals instead of a reset is what keeps
the user's selection, expansion and scroll position while counts change under them
during a refresh.

Counting a big cache takes a while, so a window starts from
:func:`skeleton_snapshot` (the smart views, uncounted) and merges the real
snapshot when a worker has made it; :func:`query_for_key` says what any key shows
before its node exists.

Topics show one number each: their unread articles as the badge; the tooltip says
how many they have in all.  A screenful of them is listed, the rest under a "More
topics" row; the topics the user hid travel with the Topics section's entry, for the
context menu that shows them again.

Stories are the current ones (:meth:`~newsreader.reader.Reader.current_stories`: an
unread article, news of the last days, the most active first), each with its unread
badge and its sources; a screenful, the rest under a "More stories" row.  The story
on show stays listed (``keep_story``) even once read to the end.
"""

from __future__ import annotations

import enum
import itertools
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractItemModel,
    QLocale,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QIcon

from newsreader.core.topics import key_of_topic_id, topic_key
from newsreader.core.types import ArticleQuery, Feed, Topic
from newsreader.reader import Reader
from newsreader.ui.error_text import failure_text
from newsreader.ui.feed_icons import FeedIconCache
from newsreader.ui.icons import Icon, icon
from newsreader.ui.models.role_data import answer_nothing, answer_roles
from newsreader.ui.plain_text import tooltip_text

#: The invisible root, as a default argument.
_NO_PARENT = QModelIndex()
#: Qt's roles looked up once: rows are painted and measured often, and each lookup of
#: an enum member on Qt costs more than the comparison.
_DISPLAY = Qt.ItemDataRole.DisplayRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FONT = Qt.ItemDataRole.FontRole
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole

#: Stable key of a node (``smart:all``, ``feed:3``, ``topic:c:economy`` ...): str.
KeyRole = Qt.ItemDataRole.UserRole + 1
#: What the node is: a :class:`NodeKind` value.
KindRole = Qt.ItemDataRole.UserRole + 2
#: Unread articles under the node: int.
UnreadRole = Qt.ItemDataRole.UserRole + 3
#: All articles under the node: int.
TotalRole = Qt.ItemDataRole.UserRole + 4
#: The number the delegate paints in the badge (0: no badge): int.
BadgeRole = Qt.ItemDataRole.UserRole + 5
#: What went wrong fetching the feed (or a folder's feeds), or None: str | None.
ErrorRole = Qt.ItemDataRole.UserRole + 6
#: The :class:`~newsreader.core.types.ArticleQuery` the node shows, or None for headers.
QueryRole = Qt.ItemDataRole.UserRole + 7
#: The feed id of feed and pinned nodes, else None.
FeedIdRole = Qt.ItemDataRole.UserRole + 8
#: Whether a feed node's feed is pinned: bool.
PinnedRole = Qt.ItemDataRole.UserRole + 9
#: What a row's second line names (a story's sources, newest first): tuple[str, ...].
SubtitleRole = Qt.ItemDataRole.UserRole + 10
#: Everything the delegate needs to measure and paint a row, in one answer: RowLook.
LookRole = Qt.ItemDataRole.UserRole + 11

#: Topics listed before the "More topics" row (a screenful); the rest are under it.
SCREENFUL_TOPICS = 12
#: Topics read at most (the most active first); the rest stay reachable through feeds.
MAX_TOPICS = 100

SMART_ALL = "smart:all"
SMART_UNREAD = "smart:unread"
SMART_STARRED = "smart:starred"
SMART_LIVE = "smart:live"
SMART_VIDEOS = "smart:videos"
SECTION_PINNED = "section:pinned"
SECTION_TOPICS = "section:topics"
SECTION_STORIES = "section:stories"
SECTION_FEEDS = "section:feeds"
#: The row that holds the topics after the first screenful.
MORE_TOPICS = "topics:more"
#: The row that holds the stories after the first screenful.
MORE_STORIES = "stories:more"
#: A story's topic id is this and the story's id (``story:12``).
STORY_TOPIC_PREFIX = "story:"
#: A topic's node key is this and the topic's id (``topic:c:economy``, ``topic:s:3``).
TOPIC_PREFIX = "topic:"


class NodeKind(enum.IntEnum):
    """What a sidebar row stands for."""

    SECTION = 0
    SMART = 1
    PINNED = 2
    TOPIC = 3
    FOLDER = 4
    FEED = 5
    STORY = 6
    MORE = 7


class RowLook(NamedTuple):
    """What decides how a row looks, asked for at once (each role asked for from a
    delegate is a call through Qt and back into Python)."""

    kind: NodeKind
    #: The row's name, as ``DisplayRole`` gives it.
    label: str
    #: The number in the count's pill (0: none).
    badge: int
    #: What went wrong fetching the feed, or None.
    error: str | None
    #: What the second line names (a story's sources).
    subtitle: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SidebarEntry:
    """One node's data as a snapshot; ``children`` nest."""

    key: str
    kind: NodeKind
    label: str = ""
    total: int = 0
    unread: int = 0
    badge: int = 0
    error: str | None = None
    feed: Feed | None = None
    query: ArticleQuery | None = None
    children: tuple[SidebarEntry, ...] = field(default=())
    #: False until the counts were read (the skeleton shown while they are).
    counted: bool = True
    #: The topic a topic or story node stands for.
    topic: Topic | None = None
    #: On the Topics section: the topics the user hid (to show them again).
    hidden_topics: tuple[Topic, ...] = field(default=())

    def own(self) -> SidebarEntry:
        """The entry without its children (what a node compares to notice changes)."""
        return replace(self, children=()) if self.children else self


def _feed_entry(feed: Feed, kind: NodeKind) -> SidebarEntry:
    prefix = "pinned" if kind == NodeKind.PINNED else "feed"
    return SidebarEntry(
        key=f"{prefix}:{feed.id}",
        kind=kind,
        label=feed.display_title,
        total=feed.article_count,
        unread=feed.unread_count,
        badge=feed.unread_count,
        error=feed.error,
        feed=feed,
        query=ArticleQuery(feed_id=feed.id),
    )


_SMART_QUERIES = {
    SMART_ALL: ArticleQuery(),
    SMART_UNREAD: ArticleQuery(unread=True),
    SMART_STARRED: ArticleQuery(starred=True),
    SMART_LIVE: ArticleQuery(),
    SMART_VIDEOS: ArticleQuery(video=True),
}


def topic_node_key(topic_id: str) -> str:
    return TOPIC_PREFIX + topic_id


def _is_topic_id(rest: str) -> bool:
    return rest.startswith(("c:", "s:", "story:"))


def legacy_topic_key(key: str) -> str | None:
    """The node key of a view saved as ``topic:<category name>`` by an older version."""
    kind, _, rest = key.partition(":")
    if kind != "topic" or not rest or _is_topic_id(rest):
        return None
    return topic_node_key("c:" + topic_key(rest))


def topic_query(topic_id: str) -> ArticleQuery | None:
    """What a topic's view shows (None for a saved search: its query is not in its id)."""
    key = key_of_topic_id(topic_id)
    if key is not None:
        return ArticleQuery(topic=key)
    story = topic_id.removeprefix("story:")
    if topic_id.startswith("story:") and story.isdigit():
        return ArticleQuery(story_id=int(story))
    return None


def query_for_key(key: str) -> ArticleQuery | None:
    """What the view ``key`` shows, known without reading the sidebar (None: no view)."""
    if key in _SMART_QUERIES:
        return _SMART_QUERIES[key]
    legacy = legacy_topic_key(key)
    if legacy is not None:
        key = legacy
    kind, _, rest = key.partition(":")
    if kind in ("feed", "pinned") and rest.isdigit():
        return ArticleQuery(feed_id=int(rest))
    if kind == "folder" and rest:
        return ArticleQuery(folder=rest)
    if kind == "topic" and rest:
        return topic_query(rest)
    return None


def interface_language() -> str:
    """``ar`` when the interface is in Arabic, else ``en`` (topics are named for it)."""
    return "ar" if QLocale().language() == QLocale.Language.Arabic else "en"


def skeleton_snapshot() -> tuple[SidebarEntry, ...]:
    """The smart views without counts: what the sidebar shows before the first count."""
    return tuple(
        SidebarEntry(key, NodeKind.SMART, query=query, counted=False)
        for key, query in _SMART_QUERIES.items()
    )


def _topic_entry(topic: Topic) -> SidebarEntry:
    return SidebarEntry(
        key=topic_node_key(topic.id),
        kind=NodeKind.STORY if topic.kind == "story" else NodeKind.TOPIC,
        label=topic.name,
        total=topic.count,
        unread=topic.unread,
        badge=topic.unread,
        query=ArticleQuery(search=topic.query) if topic.query else topic_query(topic.id),
        topic=topic,
    )


def _topic_sections(topics: list[Topic], screenful: int, max_topics: int) -> list[SidebarEntry]:
    """The Topics section (saved searches, a screenful, then "More topics")."""
    saved = [_topic_entry(t) for t in topics if t.kind == "saved"]
    listed = [t for t in topics if t.kind == "category" and t.listed][:max_topics]
    hidden = tuple(t for t in topics if t.kind == "category" and t.hidden)
    children = saved + [_topic_entry(t) for t in listed[:screenful]]
    rest = listed[screenful:]
    if rest:
        children.append(
            SidebarEntry(
                MORE_TOPICS,
                NodeKind.MORE,
                total=len(rest),
                children=tuple(_topic_entry(t) for t in rest),
            )
        )
    sections = []
    if children or hidden:
        sections.append(
            SidebarEntry(
                SECTION_TOPICS, NodeKind.SECTION, children=tuple(children), hidden_topics=hidden
            )
        )
    return sections


def story_id_of_key(key: str | None) -> int | None:
    """The story a node key shows (``topic:story:12`` → 12), or None."""
    rest = (key or "").removeprefix(TOPIC_PREFIX)
    number = rest.removeprefix(STORY_TOPIC_PREFIX)
    if key and key.startswith(TOPIC_PREFIX) and rest.startswith(STORY_TOPIC_PREFIX):
        return int(number) if number.isdigit() else None
    return None


def _story_section(stories: list[Topic], screenful: int) -> list[SidebarEntry]:
    """The Stories section: a screenful of the current stories, then "More stories"."""
    if not stories:
        return []
    children = [_topic_entry(t) for t in stories[:screenful]]
    rest = stories[screenful:]
    if rest:
        children.append(
            SidebarEntry(
                MORE_STORIES,
                NodeKind.MORE,
                total=len(rest),
                children=tuple(_topic_entry(t) for t in rest),
            )
        )
    return [SidebarEntry(SECTION_STORIES, NodeKind.SECTION, children=tuple(children))]


def _current_story_topics(reader: Reader, topics: list[Topic], keep: int | None) -> list[Topic]:
    """The stories to list: the topics' current ones, and the one on show (*keep*)."""
    stories = [t for t in topics if t.kind == "story"]
    if keep is not None and STORY_TOPIC_PREFIX + str(keep) not in {t.id for t in stories}:
        stories = reader.story_topics(limit=len(stories) + 1, keep=keep)
    return stories


def build_snapshot(
    reader: Reader,
    *,
    language: str | None = None,
    screenful: int = SCREENFUL_TOPICS,
    max_topics: int = MAX_TOPICS,
    keep_story: int | None = None,
) -> tuple[SidebarEntry, ...]:
    """Everything the sidebar shows, read through the core (safe on any thread).

    Topics are named for *language* (the interface's; see :func:`interface_language`).
    *keep_story* (the story on show) is listed even when it is no longer current.
    """
    feeds = reader.list_feeds()
    all_total, all_unread = reader.count_articles(ArticleQuery())
    starred_total, _ = reader.count_articles(ArticleQuery(starred=True))
    video_total, video_unread = reader.count_articles(ArticleQuery(video=True))
    entries: list[SidebarEntry] = [
        SidebarEntry(
            SMART_ALL, NodeKind.SMART, "", all_total, all_unread, all_unread, query=ArticleQuery()
        ),
        SidebarEntry(
            SMART_UNREAD,
            NodeKind.SMART,
            "",
            all_unread,
            all_unread,
            all_unread,
            query=ArticleQuery(unread=True),
        ),
        SidebarEntry(
            SMART_STARRED,
            NodeKind.SMART,
            "",
            starred_total,
            0,
            starred_total,
            query=ArticleQuery(starred=True),
        ),
        # the newest of every source: its size is the list's, not a count of the cache
        SidebarEntry(SMART_LIVE, NodeKind.SMART, query=ArticleQuery()),
        SidebarEntry(
            SMART_VIDEOS,
            NodeKind.SMART,
            "",
            video_total,
            video_unread,
            video_unread,
            query=ArticleQuery(video=True),
        ),
    ]
    pinned = sorted((f for f in feeds if f.pinned), key=lambda f: f.display_title.casefold())
    if pinned:
        entries.append(
            SidebarEntry(
                SECTION_PINNED,
                NodeKind.SECTION,
                children=tuple(_feed_entry(f, NodeKind.PINNED) for f in pinned),
            )
        )
    topics = reader.topics(language=language, everything=True)
    entries.extend(_topic_sections(topics, screenful, max_topics))
    entries.extend(_story_section(_current_story_topics(reader, topics, keep_story), screenful))
    if feeds:
        folders: dict[str, list[Feed]] = {}
        loose: list[Feed] = []
        for f in feeds:
            (folders.setdefault(f.folder, []) if f.folder else loose).append(f)
        children: list[SidebarEntry] = []
        for name in sorted(folders, key=str.casefold):
            members = sorted(folders[name], key=lambda f: f.display_title.casefold())
            errors = [f"{f.display_title}: {f.error}" for f in members if f.error]
            unread = sum(f.unread_count for f in members)
            children.append(
                SidebarEntry(
                    key=f"folder:{name}",
                    kind=NodeKind.FOLDER,
                    label=name,
                    total=sum(f.article_count for f in members),
                    unread=unread,
                    badge=unread,
                    error="\n".join(errors) or None,
                    query=ArticleQuery(folder=name),
                    children=tuple(_feed_entry(f, NodeKind.FEED) for f in members),
                )
            )
        children.extend(
            _feed_entry(f, NodeKind.FEED)
            for f in sorted(loose, key=lambda f: f.display_title.casefold())
        )
        entries.append(SidebarEntry(SECTION_FEEDS, NodeKind.SECTION, children=tuple(children)))
    return tuple(entries)


def _looks_the_same(old: SidebarEntry | None, new: SidebarEntry) -> bool:
    """Whether a node would paint the same: no signal (and no re-layout) is needed then.

    A refresh changes every fetched feed's times and status; only what the row and
    its tooltip show matters here.
    """
    if old is None:
        return False
    shown = (old.label, old.total, old.unread, old.badge, old.error, old.counted, old.query)
    if shown != (new.label, new.total, new.unread, new.badge, new.error, new.counted, new.query):
        return False
    if old.topic is not None and new.topic is not None:
        return old.topic.sources == new.topic.sources
    if old.feed is None or new.feed is None:
        return old.feed is new.feed
    a, b = old.feed, new.feed
    return (a.display_title, a.url, a.pinned) == (b.display_title, b.url, b.pinned)


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Ascending rows as ``(first, last)`` runs of consecutive numbers."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


class _Node:
    """A live tree node; its ``uid`` is the index's internal id."""

    __slots__ = ("children", "entry", "parent", "row", "uid")

    def __init__(self, uid: int, entry: SidebarEntry | None, parent: _Node | None) -> None:
        self.uid = uid
        self.entry = entry.own() if entry is not None else None
        self.parent = parent
        self.children: list[_Node] = []
        self.row = 0

    @property
    def key(self) -> str:
        return self.entry.key if self.entry is not None else ""


class SidebarModel(QAbstractItemModel):
    """A one-column tree model of :class:`SidebarEntry` nodes."""

    def __init__(self, reader: Reader | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self._ids = itertools.count(1)
        self._root = _Node(0, None, None)
        self._nodes: dict[int, _Node] = {}
        self._by_key: dict[str, _Node] = {}
        self._feed_icons = FeedIconCache(reader.feed_icon if reader is not None else None)
        #: The smart views' and sections' names in the interface's language (see _label).
        self._fixed: dict[str, str] | None = None

    # -- loading -------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the whole sidebar now (a few counting queries)."""
        if self._reader is not None:
            self.apply_snapshot(build_snapshot(self._reader, language=interface_language()))

    def apply_snapshot(self, entries: tuple[SidebarEntry, ...]) -> None:
        """Merge a snapshot into the tree, emitting fine-grained change signals."""
        self._sync_children(self._root, entries)

    def retranslate(self) -> None:
        """Labels of smart views and sections are translated at paint time: repaint all."""
        self._fixed = None
        self._emit_changed_recursive(self._root)

    def icons_changed(self) -> None:
        """Feed icons were stored: load them again when rows are next painted.

        Deliberately no ``dataChanged``: a tree view re-measures every row it is told
        about, which for a few hundred feeds is a visible stall, while an icon never
        changes a row's size.  Views showing this model repaint themselves instead.
        """
        self._feed_icons.clear()

    # -- lookups -------------------------------------------------------------------

    def index_for_key(self, key: str) -> QModelIndex:
        """The node ``key`` (a view saved as ``topic:<name>`` finds its merged topic)."""
        node = self._by_key.get(key)
        if node is None:
            legacy = legacy_topic_key(key)
            node = self._by_key.get(legacy) if legacy is not None else None
        return self._index_of(node) if node is not None else QModelIndex()

    def key_at(self, index: QModelIndex | QPersistentModelIndex) -> str | None:
        node = self._node(index)
        return node.key if node is not None else None

    def entry_at(self, index: QModelIndex | QPersistentModelIndex) -> SidebarEntry | None:
        node = self._node(index)
        return node.entry if node is not None else None

    def all_keys(self) -> list[str]:
        return list(self._by_key)

    def is_counted(self) -> bool:
        """Whether a real snapshot (with counts) was merged, not only the skeleton."""
        node = self._by_key.get(SMART_ALL)
        return node is not None and node.entry is not None and node.entry.counted

    def has_subscriptions(self) -> bool:
        return SECTION_FEEDS in self._by_key

    def topics(self) -> list[Topic]:
        """The listed category topics, in sidebar order (what a topic can be merged into)."""
        return [
            node.entry.topic
            for node in self._by_key.values()
            if node.entry is not None
            and node.entry.topic is not None
            and node.entry.topic.kind == "category"
        ]

    def stories(self) -> list[Topic]:
        """The listed stories, in sidebar order (what a story can be merged with)."""
        section = self._by_key.get(SECTION_STORIES)
        nodes = list(section.children) if section is not None else []
        found = []
        while nodes:
            node = nodes.pop(0)
            if node.key == MORE_STORIES:
                nodes = node.children + nodes
            elif node.entry is not None and node.entry.topic is not None:
                found.append(node.entry.topic)
        return found

    def hidden_topics(self) -> tuple[Topic, ...]:
        """The topics the user hid, as the last snapshot had them."""
        node = self._by_key.get(SECTION_TOPICS)
        return node.entry.hidden_topics if node is not None and node.entry is not None else ()

    def pinned_feed_ids(self) -> set[int]:
        """Ids of the pinned feeds, as the last snapshot had them."""
        return {
            node.entry.feed.id
            for key, node in self._by_key.items()
            if key.startswith("pinned:") and node.entry is not None and node.entry.feed is not None
        }

    # -- the model interface ----------------------------------------------------------

    def index(
        self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT
    ) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        node = self._own_node(parent) if parent.isValid() else self._root
        if node is None or row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row].uid)

    def parent(self, index: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> QModelIndex:  # type: ignore[override]
        node = self._own_node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent.uid)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        if parent.column() > 0:
            return 0
        node = self._own_node(parent) if parent.isValid() else self._root
        return len(node.children) if node is not None else 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 1

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> bool:
        return self.rowCount(parent) > 0

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        node = self._own_node(index)
        if node is None or node.entry is None:
            return Qt.ItemFlag.NoItemFlags
        if node.entry.kind in (NodeKind.SECTION, NodeKind.MORE):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        node = self._own_node(index)
        if node is None or node.entry is None:
            return None
        return self._value(node.entry, role)

    def multiData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        roleDataSpan: QModelRoleDataSpan | QModelRoleData,
    ) -> None:
        """Every role a view asks for to paint a row, in one call (see :mod:`.role_data`)."""
        node = self._own_node(index)
        if node is None or node.entry is None:
            answer_nothing(roleDataSpan)
            return
        entry = node.entry
        answer_roles(roleDataSpan, lambda role: self._value(entry, role))

    def _value(self, entry: SidebarEntry, role: int) -> Any:
        """What *entry*'s row holds for *role* (None: nothing)."""
        if role == _DISPLAY:
            return self._label(entry)
        if role == _DECORATION:
            return self._icon(entry)
        if role == _TOOLTIP:
            return tooltip_text(self._tooltip(entry)) or None
        if role == _FONT and entry.kind == NodeKind.SECTION:
            font = QFont()
            font.setBold(True)
            return font
        if role == _ACCESSIBLE:
            return " · ".join(p for p in (self._label(entry), self._counts(entry)) if p)
        if role < KeyRole:
            return None  # the other roles of Qt's own: none is answered here
        if role == KeyRole:
            return entry.key
        if role == KindRole:
            return int(entry.kind)
        if role == UnreadRole:
            return entry.unread
        if role == TotalRole:
            return entry.total
        if role == BadgeRole:
            return entry.badge
        if role == ErrorRole:
            return entry.error
        if role == QueryRole:
            return entry.query
        if role == FeedIdRole:
            return entry.feed.id if entry.feed is not None else None
        if role == PinnedRole:
            return bool(entry.feed is not None and entry.feed.pinned)
        if role == SubtitleRole:
            return self._subtitle(entry)
        if role == LookRole:
            return RowLook(
                entry.kind, self._label(entry), entry.badge, entry.error, self._subtitle(entry)
            )
        return None

    # -- presentation ----------------------------------------------------------------

    def _label(self, entry: SidebarEntry) -> str:
        if entry.key == MORE_STORIES:
            return self.tr("%n more stories", "", entry.total)
        if entry.kind == NodeKind.MORE:
            return self.tr("%n more topics", "", entry.total)
        return self._fixed_labels().get(entry.key, entry.label)

    def _fixed_labels(self) -> dict[str, str]:
        """The names of the smart views and sections, translated once per language."""
        if self._fixed is not None:
            return self._fixed
        self._fixed = {
            SMART_ALL: self.tr("All articles"),
            SMART_UNREAD: self.tr("Unread"),
            SMART_STARRED: self.tr("Starred"),
            SMART_LIVE: self.tr("Live"),
            SMART_VIDEOS: self.tr("Videos"),
            SECTION_PINNED: self.tr("Important sections"),
            SECTION_TOPICS: self.tr("Topics"),
            SECTION_STORIES: self.tr("Stories"),
            SECTION_FEEDS: self.tr("Sources"),
        }
        return self._fixed

    def _subtitle(self, entry: SidebarEntry) -> tuple[str, ...]:
        """A story's sources, each whole (a feed's title may hold the separator the
        second line shows between them); nothing for the rest (each row shows one
        number, its badge)."""
        if entry.kind == NodeKind.STORY and entry.topic is not None:
            return tuple(entry.topic.sources)
        return ()

    def _counts(self, entry: SidebarEntry) -> str:
        """``56 articles · 3 unread`` in the interface's language (its plural forms)."""
        if not entry.counted or entry.kind in (NodeKind.SECTION, NodeKind.MORE):
            return ""
        if entry.key == SMART_LIVE:
            return ""
        counts = self.tr("%n articles", "", entry.total)
        if entry.key != SMART_STARRED:
            counts += " · " + self.tr("%n unread", "", entry.unread)
        return counts

    def _icon(self, entry: SidebarEntry) -> QIcon | None:
        smart = {
            SMART_ALL: Icon.ALL,
            SMART_UNREAD: Icon.UNREAD,
            SMART_STARRED: Icon.STAR,
            SMART_LIVE: Icon.LIVE,
            SMART_VIDEOS: Icon.VIDEO,
        }
        if entry.key in smart:
            return icon(smart[entry.key])
        if entry.kind in (NodeKind.TOPIC, NodeKind.STORY):
            return icon(Icon.TOPIC)
        if entry.kind == NodeKind.FOLDER:
            return icon(Icon.FOLDER)
        if entry.feed is not None:
            return self._feed_icons.icon_for(entry.feed)
        return None

    def _tooltip(self, entry: SidebarEntry) -> str | None:
        if entry.kind in (NodeKind.SECTION, NodeKind.MORE):
            return None
        lines = [self._label(entry)]
        if entry.key == SMART_LIVE:
            lines.append(self.tr("The newest articles from every source, updated as they arrive"))
            return "\n".join(lines)
        if entry.feed is not None:
            lines.append(entry.feed.url)
        if entry.kind == NodeKind.STORY and entry.topic is not None and entry.topic.sources:
            lines.append(" · ".join(entry.topic.sources))
        counts = self._counts(entry)
        if counts:
            lines.append(counts)
        if entry.error:
            reason = failure_text(entry.error, folder=entry.feed is None)
            lines.append(self.tr("Last update failed: %1").replace("%1", reason))
        return "\n".join(lines)

    # -- tree bookkeeping ----------------------------------------------------------------

    def _node(self, index: QModelIndex | QPersistentModelIndex) -> _Node | None:
        if not index.isValid() or index.model() is not self:
            return None
        return self._nodes.get(index.internalId())

    def _own_node(self, index: QModelIndex | QPersistentModelIndex) -> _Node | None:
        """:meth:`_node` for the indexes Qt hands the model's own methods (always its
        own): painting a row asks a score of them, and asking each its model adds up."""
        return self._nodes.get(index.internalId()) if index.isValid() else None

    def _index_of(self, node: _Node) -> QModelIndex:
        if node is self._root:
            return QModelIndex()
        return self.createIndex(node.row, 0, node.uid)

    def _new_node(self, entry: SidebarEntry, parent: _Node) -> _Node:
        node = _Node(next(self._ids), entry, parent)
        self._nodes[node.uid] = node
        self._by_key[entry.key] = node
        return node

    def _forget(self, node: _Node) -> None:
        for child in node.children:
            self._forget(child)
        self._nodes.pop(node.uid, None)
        if self._by_key.get(node.key) is node:
            del self._by_key[node.key]

    @staticmethod
    def _renumber(parent: _Node) -> None:
        for row, child in enumerate(parent.children):
            child.row = row

    def _sync_children(self, parent: _Node, entries: tuple[SidebarEntry, ...]) -> None:
        parent_index = self._index_of(parent)
        wanted = {e.key for e in entries}
        children = parent.children
        # 1. remove what is gone, in contiguous runs from the bottom up
        row = len(children) - 1
        while row >= 0:
            if children[row].key in wanted:
                row -= 1
                continue
            last = row
            while row > 0 and children[row - 1].key not in wanted:
                row -= 1
            self.beginRemoveRows(parent_index, row, last)
            for gone in children[row : last + 1]:
                self._forget(gone)
            del children[row : last + 1]
            self._renumber(parent)
            self.endRemoveRows()
            row -= 1
        # 2. the nodes that stay into their new order, in one layout change
        present = {child.key for child in children}
        self._reorder(parent, [e.key for e in entries if e.key in present])
        # 3. insert what is new (runs at once), update data, recurse
        changed: list[int] = []
        target = 0
        while target < len(entries):
            entry = entries[target]
            if entry.key in present:
                node = children[target]  # in its place since step 2
            else:
                end = target
                while end < len(entries) and entries[end].key not in present:
                    end += 1
                new_nodes = [self._new_node(e, parent) for e in entries[target:end]]
                self.beginInsertRows(parent_index, target, end - 1)
                children[target:target] = new_nodes
                self._renumber(parent)
                self.endInsertRows()
                for node, new_entry in zip(new_nodes, entries[target:end], strict=True):
                    self._sync_children(node, new_entry.children)
                target = end
                continue
            own = entry.own()
            if node.entry != own:
                if not _looks_the_same(node.entry, own):
                    changed.append(target)
                node.entry = own
            self._sync_children(node, entry.children)
            target += 1
        # 4. one signal per run of rows that look different
        for first, last in _runs(changed):
            self.dataChanged.emit(
                self.index(first, 0, parent_index), self.index(last, 0, parent_index)
            )

    def _reorder(self, parent: _Node, order: list[str]) -> None:
        """Put *parent*'s children in *order* (their keys) with one layout change.

        A refresh re-ranks the topics and stories by activity: moved one row at a
        time, each move had the view update itself (some 160 moves a recount,
        about 10 ms); a layout change is one update, the selection and every
        persistent index kept.
        """
        children = parent.children
        if [child.key for child in children] == order:
            return
        self.layoutAboutToBeChanged.emit()
        by_key = {child.key: child for child in children}
        children[:] = [by_key[key] for key in order]
        self._renumber(parent)
        moved_from: list[QModelIndex] = []
        moved_to: list[QModelIndex] = []
        for index in self.persistentIndexList():
            node = self._nodes.get(index.internalId())
            if node is not None and node.parent is parent and node.row != index.row():
                moved_from.append(index)
                moved_to.append(self.createIndex(node.row, 0, node.uid))
        self.changePersistentIndexList(moved_from, moved_to)
        self.layoutChanged.emit()

    def _emit_changed_recursive(self, parent: _Node) -> None:
        if parent.children:
            parent_index = self._index_of(parent)
            self.dataChanged.emit(
                self.index(0, 0, parent_index),
                self.index(len(parent.children) - 1, 0, parent_index),
            )
        for child in parent.children:
            self._emit_changed_recursive(child)
