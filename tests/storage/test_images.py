"""The images table: every picture URL tried, its file or the reason there is none."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, select

from newsreader.core.media import IMAGE_ERROR, IMAGE_OK, ImageDownload, ImageState
from newsreader.storage.database import Database
from newsreader.storage.images import (
    drop_image_references,
    image_sources,
    image_states,
    record_downloads,
    stored_files,
)
from newsreader.storage.models import ArticleRow, ImageRow
from tests.helpers import storage
from tests.helpers.storage import subscribe

#: The shared fixture, visible to the tests below.
db = storage.db

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
PIC = "https://news.example/pic.png"


def add_articles(db: Database, count: int) -> list[int]:
    """*count* articles, the n-th with lead image ``lead-n`` and body ``body-n``; their ids."""
    feed_id = subscribe(db, "https://news.example/feed")
    with db.session() as session:
        session.execute(
            insert(ArticleRow),
            [
                {
                    "feed_id": feed_id,
                    "key": f"k{n}",
                    "first_seen": NOW,
                    "sort_time": NOW,
                    "image_url": f"lead-{n}",
                    "content_html": f"body-{n}",
                }
                for n in range(count)
            ],
        )
        return list(session.scalars(select(ArticleRow.id).order_by(ArticleRow.id)))


def record(db: Database, *downloads: ImageDownload, now: datetime = NOW) -> None:
    with db.session() as session:
        record_downloads(session, downloads, now)


def row(db: Database, url: str) -> ImageRow | None:
    with db.session() as session:
        return session.scalar(select(ImageRow).where(ImageRow.url == url))


def test_image_sources_keep_the_order_asked_across_many_articles(db: Database) -> None:
    ids = add_articles(db, 1200)  # more than one IN (...) list holds
    lead = {article_id: f"lead-{n}" for n, article_id in enumerate(ids)}
    asked = random.Random(7).sample(ids, len(ids))
    asked += asked[:5]  # asked twice: given once
    asked.insert(600, 999_999)  # no such article: left out

    with db.session() as session:
        found = image_sources(session, asked)

    assert [image for image, _body in found] == [lead[i] for i in dict.fromkeys(asked) if i in lead]
    assert found[0] == (lead[asked[0]], lead[asked[0]].replace("lead", "body"))


def test_what_is_remembered_of_the_urls_tried(db: Database) -> None:
    record(
        db,
        ImageDownload(PIC, "abc.png", "image/png", 120, new_file=True),
        ImageDownload(PIC + "?broken", error="HTTP 404 Not Found"),
    )

    with db.session() as session:
        states = image_states(session, [PIC, PIC + "?broken", PIC + "?never"])

    assert states == {
        PIC: ImageState(IMAGE_OK, "abc.png", NOW),
        PIC + "?broken": ImageState(IMAGE_ERROR, None, NOW, "HTTP 404 Not Found"),
    }


def test_a_new_outcome_replaces_the_old_one_whole(db: Database) -> None:
    record(db, ImageDownload(PIC, error="timed out"))
    later = NOW + timedelta(days=1)
    record(db, ImageDownload(PIC, "abc.png", "image/png", 120), now=later)
    stored = row(db, PIC)
    assert stored is not None
    assert (stored.status, stored.file_name, stored.content_type, stored.size, stored.error) == (
        IMAGE_OK,
        "abc.png",
        "image/png",
        120,
        None,
    )
    assert stored.fetched == later

    record(db, ImageDownload(PIC, error="x" * 5000))
    stored = row(db, PIC)
    assert stored is not None
    assert (stored.status, stored.file_name, stored.content_type, stored.size) == (
        IMAGE_ERROR,
        None,
        None,
        None,
    )
    assert stored.error == "x" * 2000  # the reason is for people: long ones are cut


def test_one_row_per_url_the_latest_outcome_wins(db: Database) -> None:
    record(db, ImageDownload(PIC, error="first"), ImageDownload(PIC, "abc.png", "image/png", 1))
    record(db)  # nothing to record: nothing happens
    with db.session() as session:
        assert session.scalars(select(ImageRow.status)).all() == [IMAGE_OK]


def test_only_kept_pictures_have_a_stored_file(db: Database) -> None:
    record(
        db,
        ImageDownload(PIC, "abc.png", "image/png", 120),
        ImageDownload(PIC + "?broken", error="not an image"),
    )
    with db.session() as session:  # rows no download writes, whatever wrote them
        session.add(ImageRow(url=PIC + "?failed", status=IMAGE_ERROR, file_name="old.png"))
        session.add(ImageRow(url=PIC + "?nameless", status=IMAGE_OK, file_name=None))
    asked = [PIC, PIC, PIC + "?broken", PIC + "?failed", PIC + "?nameless", PIC + "?never", ""]
    with db.session() as session:
        found = stored_files(session, asked)
    assert found == {PIC: "abc.png"}


def test_refused_pictures_are_taken_out_of_the_articles_that_show_them(db: Database) -> None:
    ids = add_articles(db, 3)
    pixels = {"lead-0", "body-1"}

    with db.session() as session:
        changed = drop_image_references(
            session, ids[:2], pixels, lambda html: html.replace("body-1", "")
        )
    assert changed == 2
    with db.session() as session:
        assert image_sources(session, ids) == [
            (None, "body-0"),
            ("lead-1", ""),
            ("lead-2", "body-2"),  # not among the articles asked about
        ]


def test_thousands_of_outcomes_new_and_known_are_recorded_in_one_call(db: Database) -> None:
    known = [f"https://cdn.example/{n}.png" for n in range(700)]
    record(db, *(ImageDownload(url, error="timed out") for url in known))
    fresh = [f"https://other.example/{n}.png" for n in range(600)]
    later = NOW + timedelta(hours=30)
    outcomes = [
        ImageDownload(url, f"{n:064x}.png", "image/png", n + 1) for n, url in enumerate(known)
    ]
    outcomes += [ImageDownload(url, error="not an image") for url in fresh]

    record(db, *outcomes, now=later)

    with db.session() as session:
        states = image_states(session, known + fresh)
        rows = session.scalar(select(func.count()).select_from(ImageRow))
    assert rows == 1300
    assert states[known[0]] == ImageState(IMAGE_OK, f"{0:064x}.png", later, None)
    assert states[known[-1]].file_name == f"{699:064x}.png"
    assert states[fresh[-1]] == ImageState(IMAGE_ERROR, None, later, "not an image")
