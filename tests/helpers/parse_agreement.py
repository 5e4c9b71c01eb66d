"""Both feed readers on the same documents, compared field by field.

:mod:`newsreader.fetch.fast_feed` must give exactly the records feedparser gives for
every document it accepts.  This module finds documents to try (feedparser's own
test suite, fetched from PyPI as its source distribution; the captured feeds in
``tests/fixtures/feeds``; the benchmark corpus) and compares the two readers'
``ParsedFeed`` records on each.  The differential test and
``benchmarks/fast_parse.py`` both use it.

feedparser and its test documents are under the BSD 2-clause licence (Copyright
(C) 2010-2025 Kurt McKee, Copyright (C) 2002-2008 Mark Pilgrim); the documents are
downloaded into a cache when needed, never shipped with Newsreader, and the
archive's LICENSE file stays beside them.
"""

from __future__ import annotations

import dataclasses
import importlib.metadata
import importlib.util
import os
import re
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsreader.core.errors import ParseError
from newsreader.core.parsed import ParsedFeed
from newsreader.fetch.encoding import prepare_feed_bytes
from newsreader.fetch.fast_feed import read_feed
from newsreader.fetch.parse import parse_feed

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURE_FEEDS = ROOT / "tests" / "fixtures" / "feeds"
#: Where the feedparser source distribution is unpacked (override with the variable).
CACHE_VARIABLE = "NEWSREADER_TEST_CACHE"
DEFAULT_CACHE = Path.home() / ".cache" / "newsreader-tests"
#: The address every document is said to come from (relative links resolve to it).
DOCUMENT_URL = "http://feeds.example.com/section/feed.xml"
DEFAULT_TYPE = "application/xml"
_FEED_LEVEL = ("title", "link", "language", "icon_url", "warning", "direction")
#: feedparser's test documents name the HTTP headers they are served with.
_HEADER_TYPE_RE = re.compile(rb"^Header:\s*Content-type:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    body: bytes
    content_type: str = DEFAULT_TYPE


@dataclass
class Agreement:
    """What the comparison found over a set of documents."""

    documents: int = 0
    taken: int = 0
    fields: int = 0
    disagreements: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.documents} documents, {self.taken} taken by the quick reader, "
            f"{self.fields} fields compared, {len(self.disagreements)} disagreements"
        )


def _parsed(document: Document, quick: bool) -> ParsedFeed | str:
    try:
        return parse_feed(
            document.body, url=DOCUMENT_URL, content_type=document.content_type, quick=quick
        )
    except ParseError as exc:
        return f"ParseError: {exc}"


def quick_reader_takes(document: Document) -> bool:
    prepared, headers = prepare_feed_bytes(document.body, document.content_type)
    return read_feed(prepared, headers["content-type"]) is not None


def compare(documents: list[Document]) -> Agreement:
    """Both readers on every document the quick reader takes, field by field."""
    found = Agreement()
    for document in documents:
        found.documents += 1
        if not quick_reader_takes(document):
            continue
        found.taken += 1
        quick, reference = _parsed(document, True), _parsed(document, False)
        found.fields += 1
        if isinstance(quick, str) or isinstance(reference, str):
            if quick != reference:
                found.disagreements.append(f"{document.name}: {quick!r} != {reference!r}")
            continue
        for name in _FEED_LEVEL:
            found.fields += 1
            mine, theirs = getattr(quick, name), getattr(reference, name)
            if mine != theirs:
                found.disagreements.append(f"{document.name} feed {name}: {mine!r} != {theirs!r}")
        found.fields += 1
        if len(quick.entries) != len(reference.entries):
            found.disagreements.append(
                f"{document.name}: {len(quick.entries)} entries != {len(reference.entries)}"
            )
            continue
        for n, (mine_entry, their_entry) in enumerate(
            zip(quick.entries, reference.entries, strict=True)
        ):
            for entry_field in dataclasses.fields(mine_entry):
                found.fields += 1
                mine = getattr(mine_entry, entry_field.name)
                theirs = getattr(their_entry, entry_field.name)
                if mine != theirs:
                    found.disagreements.append(
                        f"{document.name} entry {n} {entry_field.name}: {mine!r} != {theirs!r}"
                    )
    return found


# --- where the documents come from ------------------------------------------------------


def feedparser_suite(cache: Path | None = None) -> Path:
    """The ``tests`` folder of the installed feedparser's source distribution.

    Downloaded from PyPI with pip the first time, then kept in the cache.
    """
    version = importlib.metadata.version("feedparser")
    cache = cache or Path(os.environ.get(CACHE_VARIABLE) or DEFAULT_CACHE)
    unpacked = cache / f"feedparser-{version}"
    if not (unpacked / "tests").is_dir():
        cache.mkdir(parents=True, exist_ok=True)
        archive = cache / f"feedparser-{version}.tar.gz"
        if not archive.is_file():
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "download",
                    "--quiet",
                    "--no-binary",
                    ":all:",
                    "--no-deps",
                    f"feedparser=={version}",
                    "--dest",
                    str(cache),
                ],
                check=True,
            )
        with tarfile.open(archive) as sdist:
            wanted = [
                member
                for member in sdist.getmembers()
                if member.isfile()
                and (
                    member.name.startswith(f"feedparser-{version}/tests/")
                    or member.name == f"feedparser-{version}/LICENSE"
                )
            ]
            sdist.extractall(cache, members=wanted, filter="data")
    return unpacked / "tests"


def _declared_type(body: bytes) -> str:
    match = _HEADER_TYPE_RE.search(body[:2048])
    return match.group(1).decode("latin-1") if match else DEFAULT_TYPE


def suite_documents(tests: Path) -> list[Document]:
    """Every XML document of feedparser's suite, with the content type it declares."""
    documents = []
    for path in sorted(tests.rglob("*.xml")):
        body = path.read_bytes()
        documents.append(Document(str(path.relative_to(tests)), body, _declared_type(body)))
    return documents


def fixture_documents() -> list[Document]:
    return [
        Document(f"fixtures/{path.name}", path.read_bytes())
        for path in sorted(FIXTURE_FEEDS.iterdir())
        if path.is_file()
    ]


def corpus_documents(feeds: int = 24, items: int = 20) -> list[Document]:
    """Feeds of the ingest benchmark's corpus (Arabic and English, RSS and Atom)."""
    spec = importlib.util.spec_from_file_location(
        "benchmark_corpus", ROOT / "benchmarks" / "corpus.py"
    )
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = corpus  # its dataclasses look their module up
    spec.loader.exec_module(corpus)
    made = corpus.generate_corpus(feeds=feeds, items=items, seed=2026)
    return [Document(f"corpus{feed.path}", feed.body, feed.content_type) for feed in made.feeds]


def all_documents(cache: Path | None = None) -> Iterator[Document]:
    yield from suite_documents(feedparser_suite(cache))
    yield from fixture_documents()
    yield from corpus_documents()
