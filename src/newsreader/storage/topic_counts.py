"""Each topic's articles and unread articles per feed, kept up to date by the database.

Counting every topic from the articles took 0.7–2.7 s and 28 MB of SQLite's temporary
store at 100,000 articles.  Instead ``topic_counts`` holds one row per topic key (a
category's own ``key``, before the user's merges) and feed, and triggers (SQLite's,
or PL/pgSQL functions on PostgreSQL, made from the same statements) change it as the
rows it counts change, whoever writes them:

- a category put on or taken off an article (``article_categories``), counted once
  per key however many spellings of the key the article carries;
- an article removed (on its own or with its feed);
- a read mark set, cleared, or its row removed (``article_state``);
- an article becoming a syndicated copy of another, or no longer one
  (``article_copies``): copies are not counted, as lists show them once.

The user's merges are applied when the counts are read (storage/topics.py), so a
merge, a name or a hidden mark changes nothing here.  A category whose key is not
known yet (after a migration that changes the folding) is left out until its key
is filled in, and then everything is counted again (:func:`rebuild`).  What the
triggers keep is what :func:`rebuild` counts; the tests compare the two after each
kind of change, on both back ends.

SQLite fires a row's AFTER trigger as soon as the row is written; PostgreSQL fires them
when the whole statement is done.  The two triggers that look at the article's other
categories (tagged, untagged) therefore run BEFORE the row changes on PostgreSQL,
where, as on SQLite, they see the rows the statement changed so far and no others.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BindParameter

TABLE = "topic_counts"

_KEY_OF = "(SELECT key FROM categories WHERE id = {cat})"
_NOT_COPY = "NOT EXISTS (SELECT 1 FROM article_copies WHERE article_id = {art})"
_IS_UNREAD = "(SELECT count(*) = 0 FROM article_state WHERE article_id = {art} AND read = 1)"
#: PostgreSQL's: a read mark is a boolean, and a count added to a number is a number.
_IS_UNREAD_PG = (
    "(SELECT CAST(count(*) = 0 AS INTEGER) FROM article_state"
    " WHERE article_id = {art} AND read = TRUE)"
)
_STILL_THERE = "EXISTS (SELECT 1 FROM articles WHERE id = {art})"
#: What a read mark set (or cleared) takes from (or adds to) the unread articles.
_READ_CHANGE = "CASE WHEN NEW.read = {yes} THEN -1 ELSE 1 END"
_FEED_OF = "(SELECT feed_id FROM articles WHERE id = {art})"
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
        "is_unread": _IS_UNREAD,
        "yes": "1",
        "group_feed": "",
        "kept": "",
        "feed_there": "",
    },
    "postgresql": {
        "is_unread": _IS_UNREAD_PG,
        "yes": "TRUE",
        "group_feed": ", a.feed_id",
        "kept": "topic_counts.",  # an upsert's own columns need their table's name there
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
            "key_twice": _KEY_TWICE,
            "keys_of": _KEYS_OF,
            "read_change": _READ_CHANGE,
            **_DIALECT_PARTS[self.dialect],
        }
        filled = {name: part.format(**names, yes=parts["yes"]) for name, part in parts.items()}
        return template.format(**filled)

    def count_article(self, art: str, *, sign: str, keys: str) -> str:
        """Add (``+``) or take away (``-``) the article *art* under the keys *keys*."""
        if sign == "+":
            return self.sql(
                "INSERT INTO topic_counts (key, feed_id, articles, unread)"
                " SELECT y.key, a.feed_id, 1, {is_unread}"
                " FROM articles a JOIN categories y ON y.key IN "
                + keys
                + " WHERE a.id = "
                + art
                + " GROUP BY y.key{group_feed}"
                " ON CONFLICT (key, feed_id) DO UPDATE"
                " SET articles = {kept}articles + 1, unread = {kept}unread + excluded.unread;",
                art=art,
                cat="NULL",
            )
        return self.sql(
            "UPDATE topic_counts SET articles = articles - 1, unread = unread - {is_unread}"
            " WHERE feed_id = {feed_of} AND key IN " + keys + ";",
            art=art,
            cat="NULL",
        )

    def shift_unread(self, art: str, change: str) -> str:
        """Change the unread count of the article *art*'s keys by *change* (``"- 1"``, …)."""
        return self.sql(
            "UPDATE topic_counts SET unread = unread "
            + change
            + " WHERE feed_id = {feed_of} AND key IN {keys_of};",
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
                    "INSERT INTO topic_counts (key, feed_id, articles, unread)"
                    " SELECT {key_of}, feed_id, 1, {is_unread}"
                    " FROM articles WHERE id = NEW.article_id"
                    " ON CONFLICT (key, feed_id) DO UPDATE"
                    " SET articles = {kept}articles + 1, unread = {kept}unread + excluded.unread;",
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
                    "UPDATE topic_counts SET articles = articles - 1, unread = unread - {is_unread}"
                    " WHERE feed_id = OLD.feed_id AND key IN {keys_of};",
                    art="OLD.id",
                    cat="NULL",
                ),
            ),
            self.trigger(
                "topic_counts_marked",
                "AFTER INSERT ON article_state",
                self.sql("NEW.read = {yes} AND {not_copy}", art="NEW.article_id", cat="NULL"),
                self.shift_unread("NEW.article_id", "- 1"),
            ),
            self.trigger(
                "topic_counts_remarked",
                "AFTER UPDATE OF read ON article_state",
                self.sql(
                    "(OLD.read = {yes}) != (NEW.read = {yes}) AND {not_copy}",
                    art="NEW.article_id",
                    cat="NULL",
                ),
                self.shift_unread("NEW.article_id", "+ {read_change}"),
            ),
            self.trigger(
                "topic_counts_unmarked",
                "AFTER DELETE ON article_state",
                self.sql(
                    "OLD.read = {yes} AND {still_there} AND {not_copy}",
                    art="OLD.article_id",
                    cat="NULL",
                ),
                self.shift_unread("OLD.article_id", "+ 1"),
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


#: Every count from the articles themselves (each article once per key, copies not).
_RECOUNT = """
INSERT INTO topic_counts (key, feed_id, articles, unread)
SELECT tagged.key, a.feed_id, count(*),
       sum(CASE WHEN coalesce(s.read, {no}) = {yes} THEN 0 ELSE 1 END)
FROM (
    SELECT DISTINCT x.article_id AS article_id, y.key AS key
    FROM article_categories x JOIN categories y ON y.id = x.category_id
    WHERE y.key IS NOT NULL {only}
) AS tagged
JOIN articles a ON a.id = tagged.article_id
LEFT JOIN article_state s ON s.article_id = tagged.article_id
WHERE NOT EXISTS (SELECT 1 FROM article_copies c WHERE c.article_id = tagged.article_id)
GROUP BY tagged.key, a.feed_id
"""
#: How each dialect writes false and true for a read mark.
_TRUTH = {"postgresql": {"no": "FALSE", "yes": "TRUE"}}
_NUMBERS = {"no": "0", "yes": "1"}


def rebuild(session: Session, keys: Collection[str] | None = None) -> None:
    """Count topics again from their articles: every one, or only *keys*.

    A migration counts every topic; categories given their keys later count only
    those keys again (their articles were left out while the keys were unknown).
    """
    truth = _TRUTH.get(session.get_bind().dialect.name, _NUMBERS)
    if keys is None:
        session.execute(text(f"DELETE FROM {TABLE}"))
        session.execute(text(_RECOUNT.format(only="", **truth)))
        return
    wanted: BindParameter[str] = bindparam("keys", expanding=True)
    session.execute(
        text(f"DELETE FROM {TABLE} WHERE key IN :keys").bindparams(wanted), {"keys": list(keys)}
    )
    session.execute(
        text(_RECOUNT.format(only="AND y.key IN :keys", **truth)).bindparams(wanted),
        {"keys": list(keys)},
    )


def counts(session: Session) -> list[tuple[str, int, int, int]]:
    """(key, feed id, articles, unread) for every key and feed with articles."""
    # Imported here: the models make the triggers above with their tables.
    from newsreader.storage.models import TopicCountRow as Row

    rows = session.execute(
        select(Row.key, Row.feed_id, Row.articles, Row.unread).where(Row.articles > 0)
    )
    return [(r[0], int(r[1]), int(r[2]), int(r[3])) for r in rows]


__all__ = [
    "CREATE_TRIGGERS",
    "TABLE",
    "TRIGGER_NAMES",
    "counts",
    "create_triggers",
    "drop_triggers",
    "rebuild",
]
