"""The database schema (SQLAlchemy 2, typed ``Mapped`` columns).

Articles hold what feeds say; what the *user* says (read, starred, notes) lives in
tables of its own, keyed by article id, so that re-fetching or updating an article
never touches it.  Several people can share one database (a PostgreSQL cache): the
user's tables (marks, notes, topic state, saved searches) carry ``user_name``, the
rest is everyone's.  Nothing here is tied to one dialect: SQLite locally, PostgreSQL
for a shared cache (partial indexes state their condition for both).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    DDL,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Text,
    UniqueConstraint,
    event,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from newsreader.storage.search_fts5 import CREATE_STATEMENTS as CREATE_SEARCH_INDEX
from newsreader.storage.search_postgres import CREATE_STATEMENTS as CREATE_SEARCH_INDEX_POSTGRESQL
from newsreader.storage.topic_counts import create_triggers as create_topic_count_triggers

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, naive UTC in the column."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is UTC:  # nearly always: no conversion needed
            return value.replace(tzinfo=None)
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class FolderRow(Base):
    __tablename__ = "folders"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(500), unique=True)
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)


class FeedRow(Base):
    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    site_url: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(35))
    icon_url: Mapped[str | None] = mapped_column(Text)
    folder_id: Mapped[int | None] = mapped_column(
        ForeignKey("folders.id", ondelete="SET NULL"), index=True
    )
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    added: Mapped[datetime] = mapped_column(UTCDateTime)
    # HTTP caching: never re-download or re-parse an unchanged feed.
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    body_hash: Mapped[str | None] = mapped_column(String(64))
    # Outcome of the last fetch and scheduling of the next.
    status: Mapped[str] = mapped_column(String(20), default="new")
    error: Mapped[str | None] = mapped_column(Text)
    error_count: Mapped[int] = mapped_column(Integer, default=0)
    last_fetched: Mapped[datetime | None] = mapped_column(UTCDateTime)
    next_fetch: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: A server's Retry-After: not even a forced refresh asks before this time.
    retry_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    interval: Mapped[int] = mapped_column(Integer, default=1800)
    #: Whether articles are fetched whole from their pages: off, on or auto
    #: (core/full_articles.py FullArticleMode).
    full_articles: Mapped[str] = mapped_column(String(4), default="off", server_default="off")
    #: Who is fetching the feed now (storage/feeds.py claim_jobs), and until when at
    #: most: a lease that has run out is anyone's again.
    lease_owner: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ArticleRow(Base):
    __tablename__ = "articles"
    __table_args__ = (
        UniqueConstraint("feed_id", "key", name="uq_articles_feed_key"),
        Index("ix_articles_sort", "sort_time", "id"),
        Index("ix_articles_feed_sort", "feed_id", "sort_time"),
        # The Videos view, newest first, and its count: only the articles with a
        # video, so it stays small and the database knows it is.
        Index(
            "ix_articles_video_sort", "sort_time", "id", sqlite_where=text("has_video = 1")
        ).ddl_if(dialect="sqlite"),  # PostgreSQL's: see POSTGRESQL_PARTIAL_INDEXES
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"))
    #: Identity within the feed: guid, else link, else a hash of title and content.
    #: Indexed on its own (not only with ``feed_id``), as is ``link``: a reply in a
    #: site-wide comments feed names its article by either, whatever the feed.
    key: Mapped[str] = mapped_column(Text, index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str | None] = mapped_column(Text, index=True)
    author: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    content_html: Mapped[str | None] = mapped_column(Text)
    published: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: Indexed: after a refresh, the articles first seen since it began are looked up.
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    #: ``published`` if the feed gave one, else ``first_seen``: what lists sort by.
    sort_time: Mapped[datetime] = mapped_column(UTCDateTime)
    language: Mapped[str | None] = mapped_column(String(35))
    direction: Mapped[str] = mapped_column(String(3), default="ltr")
    image_url: Mapped[str | None] = mapped_column(Text)
    image_caption: Mapped[str | None] = mapped_column(Text)
    comments_url: Mapped[str | None] = mapped_column(Text)
    comments_feed_url: Mapped[str | None] = mapped_column(Text)
    comment_count: Mapped[int | None] = mapped_column(Integer)
    has_video: Mapped[bool] = mapped_column(Boolean, default=False)
    content_hash: Mapped[str] = mapped_column(String(64), default="")


class CategoryRow(Base):
    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    #: The topic the name is merged into (core/topics.py topic_key); None until the
    #: topics are next read (storage/topics.py fills it), and again after a migration
    #: that changes the folding or the alias table sets it back to None.
    key: Mapped[str | None] = mapped_column(Text, index=True)


class TopicStateRow(Base):
    """What a user made of a topic key: merged into another, renamed, hidden."""

    __tablename__ = "topic_state"

    __table_args__ = (PrimaryKeyConstraint("user_name", "key"),)

    key: Mapped[str] = mapped_column(Text)
    #: Always a key that is not merged itself (merges are kept one step deep).
    merged_into: Mapped[str | None] = mapped_column(Text, index=True)
    name: Mapped[str | None] = mapped_column(Text)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Last: added by migration 0010_user_state to the columns there were.
    user_name: Mapped[str] = mapped_column(Text)


class ArticleCategoryRow(Base):
    __tablename__ = "article_categories"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    category_id: Mapped[int] = mapped_column(
        ForeignKey("categories.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class EnclosureRow(Base):
    __tablename__ = "enclosures"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str] = mapped_column(Text)
    type: Mapped[str | None] = mapped_column(String(200))
    length: Mapped[int | None] = mapped_column(Integer)
    medium: Mapped[str | None] = mapped_column(String(20))


class ArticleStateRow(Base):
    """A user's read and starred marks. Absent row = unread, not starred."""

    __tablename__ = "article_state"
    __table_args__ = (
        # Only the starred rows (few): the Starred view and its count start here.
        # Partial, so that even with table statistics the database knows how few.
        Index("ix_article_state_starred_only", "starred", sqlite_where=text("starred = 1")).ddl_if(
            dialect="sqlite"
        ),  # PostgreSQL's: see POSTGRESQL_PARTIAL_INDEXES
        PrimaryKeyConstraint("user_name", "article_id"),
    )

    #: Indexed on its own: an article's marks (every user's) go with it.
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    read: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    starred: Mapped[bool] = mapped_column(Boolean, default=False)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    starred_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: Whose marks (last: added by migration 0010_user_state).
    user_name: Mapped[str] = mapped_column(Text)


class NoteRow(Base):
    """A private note a user wrote on an article; never sent anywhere, nor shown to others."""

    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    direction: Mapped[str] = mapped_column(String(3))
    created: Mapped[datetime] = mapped_column(UTCDateTime)
    updated: Mapped[datetime] = mapped_column(UTCDateTime)
    #: Whose note: no one else lists, searches or exports it.
    user_name: Mapped[str] = mapped_column(Text)


class CommentRow(Base):
    __tablename__ = "comments"
    __table_args__ = (UniqueConstraint("article_id", "key", name="uq_comments_article_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    #: Indexed on its own: a reply in a site-wide comments feed may answer a comment.
    key: Mapped[str] = mapped_column(Text, index=True)
    #: The key this comment replies to (another comment's key), if any.
    parent_key: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    published: Mapped[datetime | None] = mapped_column(UTCDateTime)
    content_html: Mapped[str] = mapped_column(Text, default="")
    direction: Mapped[str] = mapped_column(String(3), default="ltr")
    link: Mapped[str | None] = mapped_column(Text)
    source_url: Mapped[str | None] = mapped_column(Text)
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime)
    content_hash: Mapped[str] = mapped_column(String(64), default="")


class CommentSourceRow(Base):
    """Fetch state of one comments feed (conditional GET, errors)."""

    __tablename__ = "comment_sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    body_hash: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20), default="new")
    error: Mapped[str | None] = mapped_column(Text)
    last_fetched: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ImageRow(Base):
    """An image downloaded for offline reading; the file is named by its content hash."""

    __tablename__ = "images"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    file_name: Mapped[str | None] = mapped_column(String(100))
    content_type: Mapped[str | None] = mapped_column(String(100))
    size: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="new")
    error: Mapped[str | None] = mapped_column(Text)
    fetched: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SavedSearchRow(Base):
    """A search a user named and kept; listed as a topic of their own."""

    __tablename__ = "saved_searches"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    query: Mapped[str] = mapped_column(Text)
    created: Mapped[datetime] = mapped_column(UTCDateTime)
    user_name: Mapped[str] = mapped_column(Text)


#: The partial indexes above as PostgreSQL has them (migration 0002 makes the same).
#: Written out rather than named on the indexes (``postgresql_where``): such an option
#: makes SQLAlchemy load its whole PostgreSQL dialect with the models, which every
#: start of the window would pay for.
POSTGRESQL_PARTIAL_INDEXES = (
    "CREATE INDEX ix_articles_video_sort ON articles (sort_time, id) WHERE has_video",
    "CREATE INDEX ix_article_state_starred_only ON article_state (starred) WHERE starred",
)
for _statement in POSTGRESQL_PARTIAL_INDEXES:
    event.listen(Base.metadata, "after_create", DDL(_statement).execute_if(dialect="postgresql"))

# The search index is no table of the models (SQLite makes it a virtual table, PostgreSQL
# a table of tsvector columns), yet a new database gets it with them, as migrations
# 0003_search and 0009_search_index give an older one.
for _statement in CREATE_SEARCH_INDEX:
    event.listen(Base.metadata, "after_create", DDL(_statement).execute_if(dialect="sqlite"))
for _statement in CREATE_SEARCH_INDEX_POSTGRESQL:
    event.listen(Base.metadata, "after_create", DDL(_statement).execute_if(dialect="postgresql"))


class StoryRow(Base):
    """One event told by several articles; named by its most representative headline."""

    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    #: The medoid: the member most like the others, whose headline names the story.
    medoid_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    created: Mapped[datetime] = mapped_column(UTCDateTime)
    #: The time of the newest member: the sidebar lists the current stories first.
    updated: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class StoryArticleRow(Base):
    """An article's story (at most one; copies are not members, their original is)."""

    __tablename__ = "story_articles"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)


class ArticleCopyRow(Base):
    """A syndicated copy: the same article in another feed, listed once as its canonical.

    Only copies have a row.  The copy's own row in ``articles`` and its marks stay;
    marks are kept alike across the group.  Removing the canonical's feed removes the
    row (cascade), and the copy is listed on its own again with its marks.
    """

    __tablename__ = "article_copies"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    canonical_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )


class StorySignatureRow(Base):
    """What grouping compares: an article's folded, stemmed headline and lead terms.

    Written once, when the article is first grouped; the time window is read by
    ``sort_time``.
    """

    __tablename__ = "story_signatures"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    feed_id: Mapped[int] = mapped_column(Integer)
    sort_time: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    title_terms: Mapped[str] = mapped_column(Text, default="")
    lead_terms: Mapped[str] = mapped_column(Text, default="")
    link_key: Mapped[str | None] = mapped_column(Text)
    guid: Mapped[str | None] = mapped_column(Text)


class StoryCorrectionRow(Base):
    """A correction the user made to grouping: two articles kept apart or together.

    ``apart``: the first article never shares a story with the second (an article
    taken out of a story, the halves of a split); ``together``: the two share one
    (merged stories).  Articles are named by their feed's URL and their key, as in
    the user's backup, so a correction outlives the article rows and comes back with
    export-data; it is applied whenever both articles are stored.
    """

    __tablename__ = "story_corrections"
    __table_args__ = (
        UniqueConstraint("kind", "feed_url", "article_key", "other_feed_url", "other_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    feed_url: Mapped[str] = mapped_column(Text)
    article_key: Mapped[str] = mapped_column(Text)
    other_feed_url: Mapped[str] = mapped_column(Text)
    other_key: Mapped[str] = mapped_column(Text)
    created: Mapped[datetime] = mapped_column(UTCDateTime)


class FullArticleRow(Base):
    """An article's whole text, fetched from its page; the feed's own text stays as it was.

    A row means the page was tried: ``full_html`` when it gave an article,
    ``full_error`` when it did not.  A refresh never tries an article with a row again.
    """

    __tablename__ = "full_articles"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    full_html: Mapped[str | None] = mapped_column(Text)
    full_fetched: Mapped[datetime] = mapped_column(UTCDateTime)
    full_error: Mapped[str | None] = mapped_column(Text)
    #: The page's validators, for a conditional GET when the user asks again.
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)


class TopicCountRow(Base):
    """One topic key's articles in one feed (storage/topic_counts.py).

    Kept by triggers as articles, categories and copies change; the user's merges
    are applied when it is read, and their unread articles are these less their reads.
    """

    __tablename__ = "topic_counts"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    feed_id: Mapped[int] = mapped_column(
        ForeignKey("feeds.id", ondelete="CASCADE"), primary_key=True
    )
    articles: Mapped[int] = mapped_column(Integer, default=0)


class TopicReadRow(Base):
    """How many of one topic key's articles in one feed one user has read.

    Kept by the same triggers as ``topic_counts``, as read marks change and as the
    articles a user read are tagged, untagged, removed or made copies.
    """

    __tablename__ = "topic_reads"

    user_name: Mapped[str] = mapped_column(Text, primary_key=True)
    key: Mapped[str] = mapped_column(Text, primary_key=True)
    feed_id: Mapped[int] = mapped_column(
        ForeignKey("feeds.id", ondelete="CASCADE"), primary_key=True
    )
    read: Mapped[int] = mapped_column(Integer, default=0)


# The triggers that keep topic_counts and topic_reads come with a new database's
# tables, as migrations 0008_topic_counts and 0010_user_state give them to an older one.
for _dialect in ("sqlite", "postgresql"):
    for _create_trigger in create_topic_count_triggers(_dialect):
        event.listen(
            Base.metadata, "after_create", DDL(_create_trigger).execute_if(dialect=_dialect)
        )
