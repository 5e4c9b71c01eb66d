"""Each topic's articles per feed, and how many of them each user read, kept up to date
by the database.

Counting every topic from the articles took 0.7–2.7 s and 28 MB of SQLite's temporary
store at 100,000 articles.  Instead ``topic_counts`` holds one row per topic key (a
category's own ``key``, before the user's merges) and feed with its articles, shared
by everyone, and ``topic_reads`` one row per user, key and feed with how many of those
articles the user has read; a user's unread articles are the first less the second.
Triggers (SQLite's, or PL/pgSQL functions on PostgreSQL, made from the same
statements) change both as the rows they count change, whoever writes them:

- a category put on or taken off an article (``article_categories``), counted once
  per key however many spellings of the key the article carries: the article's
  count moves, and so does the read count of every user who read it;
- an article removed (on its own or with its feed), likewise;
- a read mark set, cleared, or its row removed (``article_state``): that user's read
  count moves;
- an article becoming a syndicated copy of another, or no longer one
  (``article_copies``): copies are not counted, as lists show them once.

The user's merges are applied when the counts are read (storage/topics.py), so a
merge, a name or a hidden mark changes nothing here.  A category whose key is not
known yet (after a migration that changes the folding) is left out until its key
is filled in, and then everything is counted again (:func:`rebuild`).  What the
triggers keep is what :func:`rebuild` counts (a read count that came down to zero may
stay as a row of zero); the tests compare the two after each kind of change, with
two users, on both back ends.

SQLite fires a row's AFTER trigger as soon as the row is written; PostgreSQL fires them
when the whole statement is done.  The two triggers that look at the article's other
categories (tagged, untagged) therefore run BEFORE the row changes on PostgreSQL,
where, as on SQLite, they see the rows the statement changed so far and no others.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import and_, bindparam, func, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BindParameter

from newsreader.storage.database import session_user

TABLE = "topic_counts"
READS_TABLE = "topic_reads"

_KEY_OF = "(SELECT key FROM categories WHERE id = {cat})"
_NOT_COPY = "NOT EXISTS (SELECT 1 FROM article_copies WHERE article_id = {art})"
_STILL_THERE = "EXISTS (SELECT 1 FROM articles WHERE id = {art})"
_FEED_OF = "(SELECT feed_id FROM articles WHERE id = {art})"
#: The users who have read the article.
_READERS = "(SELECT user_name FROM article_state WHERE article_id = {art} AND read = {yes})"
#: Another category of the same key is on the article: it is counted once already.
_KEY_TWICE = (
    "EXISTS (SELECT 1 FROM article_categories x JOIN categories y ON y.id = x.category_id"
    " WHERE x.article_id = {art} AND x.category_id != {cat} AND y.key = " + _KEY_OF + ")"
)
#: The keys of an article's categories (each once: it feeds an ``IN``).
_KEYS_OF = (
    "(SELECT y.key FROM article_categories x JOIN categories y ON y.id = x.category_id"
    " WHERE x.article_id = {art} AND y.key IS NOT NULL)"
)


#: The statements' words that differ between the dialects (``{yes}`` is true).
_DIALECT_PARTS = {
    "sqlite": {
        "yes": "1",
        "group_feed": "",
        "kept": "",
        "kept_reads": "",
        "feed_there": "",
    },
    "postgresql": {
        "yes": "TRUE",
        "group_feed": ", a.feed_id",
        # an upsert's own columns need their table's name there
        "kept": "topic_counts.",
        "kept_reads": "topic_reads.",
        # a feed removed takes its counts with it; changing them first would break the
        # foreign key, which PostgreSQL checks before the cascade is done
        "feed_there": " AND EXISTS (SELECT 1 FROM feeds WHERE id = OLD.feed_id)",
    },
}


class _Triggers:
    """The triggers' statements for one dialect, made from the same templates."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect

    def sql(self, template: str, **names: str) -> str:
        parts = {
            "key_of": _KEY_OF,
            "not_copy": _NOT_COPY,
            "still_there": _STILL_THERE,
            "feed_of": _FEED_OF,
            "readers": _READERS,
            "key_twice": _KEY_TWICE,
            "keys_of": _KEYS_OF,
            **_DIALECT_PARTS[self.dialect],
        }
        filled = {name: part.format(**names, yes=parts["yes"]) for name, part in parts.items()}
        return template.format(**filled)

    def count_article(self, art: str, *, sign: str, keys: str) -> str:
        """Add (``+``) or take away (``-``) the article *art* under the keys *keys*,
        from the articles and from the reads of every user who read it."""
        if sign == "+":
            return self.sql(
                "INSERT INTO topic_counts (key, feed_id, articles)"
                " SELECT y.key, a.feed_id, 1"
                " FROM articles a JOIN categories y ON y.key IN "
                + keys
                + " WHERE a.id = "
                + art
                + " GROUP BY y.key{group_feed}"
                " ON CONFLICT (key, feed_id) DO UPDATE SET articles = {kept}articles + 1;"
                " INSERT INTO topic_reads (user_name, key, feed_id, read)"
                " SELECT s.user_name, y.key, a.feed_id, 1"
                " FROM articles a JOIN article_state s ON s.article_id = a.id AND s.read = {yes}"
                " JOIN categories y ON y.key IN "
                + keys
                + " WHERE a.id = "
                + art
                + " GROUP BY s.user_name, y.key{group_feed}"
                " ON CONFLICT (user_name, key, feed_id) DO UPDATE"
                " SET read = {kept_reads}read + 1;",
                art=art,
                cat="NULL",
            )
        return self.sql(
            "UPDATE topic_counts SET articles = articles - 1"
            " WHERE feed_id = {feed_of} AND key IN " + keys + ";"
            " UPDATE topic_reads SET read = read - 1"
            " WHERE feed_id = {feed_of} AND key IN " + keys + " AND user_name IN {readers};",
            art=art,
            cat="NULL",
        )

    def shift_reads(self, art: str, user: str, change: str) -> str:
        """Change *user*'s read count of the article *art*'s keys by *change* (an SQL
        number: 1, -1, or a ``CASE``)."""
        return self.sql(
            "INSERT INTO topic_reads (user_name, key, feed_id, read)"
            " SELECT " + user + ", y.key, a.feed_id, " + change + ""
            " FROM articles a JOIN categories y ON y.key IN {keys_of}"
            " WHERE a.id = " + art + " GROUP BY y.key{group_feed}"
            " ON CONFLICT (user_name, key, feed_id) DO UPDATE"
            " SET read = {kept_reads}read + excluded.read;",
            art=art,
            cat="NULL",
        )

    def trigger(self, name: str, event: str, when: str, body: str) -> tuple[str, ...]:
        """The statements that make one trigger: SQLite's own, or a PL/pgSQL function and
        the trigger that runs it (PostgreSQL's ``WHEN`` cannot hold a subquery: the
        function checks it)."""
        if self.dialect == "sqlite":
            return (f"CREATE TRIGGER {name} {event} FOR EACH ROW WHEN {when} BEGIN {body} END",)
        # what a BEFORE trigger returns is written (NULL would cancel the change)
        returned = "NULL"
        if event.startswith("BEFORE"):
            returned = "OLD" if " DELETE " in event else "NEW"
        function = (
            f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN"
            f" IF {when} THEN {body} END IF; RETURN {returned}; END $body$"
        )
        return (function, f"CREATE TRIGGER {name} {event} FOR EACH ROW EXECUTE FUNCTION {name}()")

    def each(self) -> tuple[tuple[str, ...], ...]:
        new_tag = {"art": "NEW.article_id", "cat": "NEW.category_id"}
        old_tag = {"art": "OLD.article_id", "cat": "OLD.category_id"}
        # see the module's doc: on PostgreSQL these two run before the row changes
        tagging = "AFTER" if self.dialect == "sqlite" else "BEFORE"
        return (
            self.trigger(
                "topic_counts_tagged",
                f"{tagging} INSERT ON article_categories",
                self.sql("{key_of} IS NOT NULL AND {not_copy} AND NOT {key_twice}", **new_tag),
                # one key: no need to look for the article's other keys
                self.sql(
                    "INSERT INTO topic_counts (key, feed_id, articles)"
                    " SELECT {key_of}, feed_id, 1 FROM articles WHERE id = NEW.article_id"
                    " ON CONFLICT (key, feed_id) DO UPDATE SET articles = {kept}articles + 1;"
                    " INSERT INTO topic_reads (user_name, key, feed_id, read)"
                    " SELECT s.user_name, {key_of}, a.feed_id, 1"
                    " FROM article_state s JOIN articles a ON a.id = s.article_id"
                    " WHERE s.article_id = NEW.article_id AND s.read = {yes}"
                    " ON CONFLICT (user_name, key, feed_id) DO UPDATE"
                    " SET read = {kept_reads}read + 1;",
                    **new_tag,
                ),
            ),
            self.trigger(
                "topic_counts_untagged",
                f"{tagging} DELETE ON article_categories",
                self.sql(
                    "{key_of} IS NOT NULL AND {still_there} AND {not_copy} AND NOT {key_twice}",
                    **old_tag,
                ),
                self.count_article(
                    "OLD.article_id", sign="-", keys=self.sql("({key_of})", **old_tag)
                ),
            ),
            # Before the row goes: its categories and marks are still there to be read.
            # (Their own rows go after it, when the triggers below find it gone.)
            self.trigger(
                "topic_counts_article_removed",
                "BEFORE DELETE ON articles",
                self.sql("{not_copy}{feed_there}", art="OLD.id", cat="NULL"),
                self.sql(
                    "UPDATE topic_counts SET articles = articles - 1"
                    " WHERE feed_id = OLD.feed_id AND key IN {keys_of};"
                    " UPDATE topic_reads SET read = read - 1"
                    " WHERE feed_id = OLD.feed_id AND key IN {keys_of}"
                    " AND user_name IN {readers};",
                    art="OLD.id",
                    cat="NULL",
                ),
            ),
            self.trigger(
                "topic_counts_marked",
                "AFTER INSERT ON article_state",
                self.sql("NEW.read = {yes} AND {not_copy}", art="NEW.article_id", cat="NULL"),
                self.shift_reads("NEW.article_id", "NEW.user_name", "1"),
            ),
            self.trigger(
                "topic_counts_remarked",
                "AFTER UPDATE OF read ON article_state",
                self.sql(
                    "(OLD.read = {yes}) != (NEW.read = {yes}) AND {not_copy}",
                    art="NEW.article_id",
                    cat="NULL",
                ),
                self.shift_reads(
                    "NEW.article_id",
                    "NEW.user_name",
                    self.sql("CASE WHEN NEW.read = {yes} THEN 1 ELSE -1 END", art="", cat=""),
                ),
            ),
            self.trigger(
                "topic_counts_unmarked",
                "AFTER DELETE ON article_state",
                self.sql(
                    "OLD.read = {yes} AND {still_there} AND {not_copy}",
                    art="OLD.article_id",
                    cat="NULL",
                ),
                self.sql(
                    "UPDATE topic_reads SET read = read - 1 WHERE user_name = OLD.user_name"
                    " AND feed_id = {feed_of} AND key IN {keys_of};",
                    art="OLD.article_id",
                    cat="NULL",
                ),
            ),
            self.trigger(
                "topic_counts_copied",
                "AFTER INSERT ON article_copies",
                self.sql("{yes}", art="NULL", cat="NULL"),
                self.count_article(
                    "NEW.article_id",
                    sign="-",
                    keys=self.sql("{keys_of}", art="NEW.article_id", cat="NULL"),
                ),
            ),
            self.trigger(
                "topic_counts_uncopied",
                "AFTER DELETE ON article_copies",
                self.sql("{still_there}", art="OLD.article_id", cat="NULL"),
                self.count_article(
                    "OLD.article_id",
                    sign="+",
                    keys=self.sql("{keys_of}", art="OLD.article_id", cat="NULL"),
                ),
            ),
        )


def _triggers(dialect: str) -> tuple[str, ...]:
    return tuple(statement for trigger in _Triggers(dialect).each() for statement in trigger)


#: The triggers that keep ``topic_counts`` (SQLite): made with a new database's
#: tables and by migration 0008_topic_counts.
CREATE_TRIGGERS: tuple[str, ...] = _triggers("sqlite")
TRIGGER_NAMES: tuple[str, ...] = tuple(t.split()[2] for t in CREATE_TRIGGERS)
#: The same on PostgreSQL: a function per trigger, then the trigger.
CREATE_TRIGGERS_POSTGRESQL: tuple[str, ...] = _triggers("postgresql")


def create_triggers(dialect: str) -> tuple[str, ...]:
    """The statements that make the triggers on a database of *dialect*."""
    return CREATE_TRIGGERS_POSTGRESQL if dialect == "postgresql" else CREATE_TRIGGERS


def drop_triggers(dialect: str) -> tuple[str, ...]:
    """The statements that remove them (and PostgreSQL's functions with them)."""
    if dialect == "postgresql":
        return tuple(f"DROP FUNCTION IF EXISTS {name}() CASCADE" for name in TRIGGER_NAMES)
    return tuple(f"DROP TRIGGER IF EXISTS {name}" for name in TRIGGER_NAMES)


#: The articles each key and feed has, and how many of them each user read: every
#: count from the articles themselves (each article once per key, copies not).
_TAGGED = """
(
    SELECT DISTINCT x.article_id AS article_id, y.key AS key
    FROM article_categories x JOIN categories y ON y.id = x.category_id
    WHERE y.key IS NOT NULL {only}
) AS tagged
JOIN articles a ON a.id = tagged.article_id
"""
_NOT_A_COPY = "NOT EXISTS (SELECT 1 FROM article_copies c WHERE c.article_id = tagged.article_id)"
_RECOUNT = (
    "INSERT INTO topic_counts (key, feed_id, articles)"
    " SELECT tagged.key, a.feed_id, count(*) FROM "
    + _TAGGED
    + " WHERE "
    + _NOT_A_COPY
    + " GROUP BY tagged.key, a.feed_id"
)
_RECOUNT_READS = (
    "INSERT INTO topic_reads (user_name, key, feed_id, read)"
    " SELECT s.user_name, tagged.key, a.feed_id, count(*) FROM "
    + _TAGGED
    + " JOIN article_state s ON s.article_id = tagged.article_id AND s.read = {yes}"
    " WHERE " + _NOT_A_COPY + " GROUP BY s.user_name, tagged.key, a.feed_id"
)
#: How each dialect writes true for a read mark.
_TRUE = {"postgresql": "TRUE"}


def rebuild(session: Session, keys: Collection[str] | None = None) -> None:
    """Count topics again from their articles: every one, or only *keys*.

    A migration counts every topic; categories given their keys later count only
    those keys again (their articles were left out while the keys were unknown).
    """
    yes = _TRUE.get(session.get_bind().dialect.name, "1")
    if keys is None:
        for table in (TABLE, READS_TABLE):
            session.execute(text(f"DELETE FROM {table}"))
        session.execute(text(_RECOUNT.format(only="")))
        session.execute(text(_RECOUNT_READS.format(only="", yes=yes)))
        return
    wanted: BindParameter[str] = bindparam("keys", expanding=True)
    chosen = {"keys": list(keys)}
    for table in (TABLE, READS_TABLE):
        session.execute(text(f"DELETE FROM {table} WHERE key IN :keys").bindparams(wanted), chosen)
    only = "AND y.key IN :keys"
    session.execute(text(_RECOUNT.format(only=only)).bindparams(wanted), chosen)
    session.execute(text(_RECOUNT_READS.format(only=only, yes=yes)).bindparams(wanted), chosen)


def counts(session: Session) -> list[tuple[str, int, int, int]]:
    """(key, feed id, articles, unread) for every key and feed with articles, unread
    for the session's user."""
    # Imported here: the models make the triggers above with their tables.
    from newsreader.storage.models import TopicCountRow as Row
    from newsreader.storage.models import TopicReadRow as Reads

    rows = session.execute(
        select(Row.key, Row.feed_id, Row.articles, Row.articles - func.coalesce(Reads.read, 0))
        .outerjoin(
            Reads,
            and_(
                Reads.key == Row.key,
                Reads.feed_id == Row.feed_id,
                Reads.user_name == session_user(session),
            ),
        )
        .where(Row.articles > 0)
    )
    return [(r[0], int(r[1]), int(r[2]), int(r[3])) for r in rows]


def reads(session: Session) -> dict[tuple[str, str, int], int]:
    """Every user's read count per key and feed, ``(user, key, feed id) -> read``, zeros
    left out (for checks)."""
    from newsreader.storage.models import TopicReadRow as Reads

    rows = session.execute(
        select(Reads.user_name, Reads.key, Reads.feed_id, Reads.read).where(Reads.read != 0)
    )
    return {(r[0], r[1], int(r[2])): int(r[3]) for r in rows}


__all__ = [
    "CREATE_TRIGGERS",
    "READS_TABLE",
    "TABLE",
    "TRIGGER_NAMES",
    "counts",
    "create_triggers",
    "drop_triggers",
    "reads",
    "rebuild",
]
