"""Tests mirror the tree: ``src/newsreader/<package>/<module>.py`` is tested in
``tests/<package>/test_<module>.py``.

Two checks keep it so.  A module without a test file of its own fails, unless
:data:`NO_TEST_FILE` names it with the reason.  A test file named after a module
that does not exist (one renamed or removed since) fails, unless
:data:`NOT_A_MIRROR` names it with what it tests instead.  Both lists only
shrink: an entry that is no longer needed fails too.  ``__init__.py`` files and
the Alembic migrations are not modules of their own here;
``tests/helpers/test_<name>.py`` tests ``tests/helpers/<name>.py``.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "newsreader"
TESTS = ROOT / "tests"

#: Modules (under ``src/newsreader``) without a test file of their own, and why.
NO_TEST_FILE = {
    # Records only: frozen dataclasses with nothing to work out, exercised by every
    # test that hands them from one step to the next.
    "core/parsed.py": "what parsing yields; every parse, store and decide test makes them",
    "core/update_records.py": "what a refresh's steps hand each other; the pipeline and "
    "store tests (tests/update/) make every one",
    "core/backup_records.py": "the user's data as records; tests/userdata/ and "
    "tests/storage/test_salvage.py, test_userdata.py read and write them",
    "core/media.py": "picture download records; its one check, is_bare_file_name, is "
    "tested where the cache relies on it (tests/update/test_image_cache.py)",
    "storage/models.py": "the schema; tests/storage/test_database.py and test_migrations.py "
    "compare it with the migrations, and every storage test stores through it",
    # The Reader's parts: one call each into the layer below, tested there through a Reader.
    "reader/comments.py": "one call each into update/comments.py, driven through a Reader by "
    "tests/update/test_comments.py and tests/cli/test_comments.py",
    "reader/backup.py": "one call each into userdata/backup.py, driven through Readers by "
    "tests/userdata/test_backup.py",
    "reader/profile.py": "the attributes the Reader's parts share and the comment fetcher "
    "they make once; every Reader test goes through it",
    # Entry points, run as processes.
    "__main__.py": "python -m newsreader and the console script, run as processes by "
    "tests/cli/test_main.py and tests/ui/test_frozen_entry.py",
    "app.py": "the desktop app's start, run by tests/ui/ (test_main_window.py, "
    "test_repair_dialog.py, test_screenshot.py)",
}

#: Test files (under ``tests``) named after no module, and what they test instead.
NOT_A_MIRROR = {
    "test_shared_cache.py": "two fetchers and two users' windows on one shared PostgreSQL "
    "cache: news shared, state not",
    "test_layout.py": "this file: the tests' own layout",
    "fetch/test_curl_batch.py": "fetch/curl_http.py's CurlBatch held to the HttpClient's "
    "tests (as test_curl_http.py holds its CurlClient), and fetch/transport.py's batches",
    "test_architecture_doc.py": "docs/architecture.md names every module",
    "test_dead_code.py": "vulture over the whole package",
    "test_full_disk.py": "a full disk met by a refresh, the command line and the user's data",
    "test_layering.py": "what importing each layer pulls in (Qt, the parser, the database)",
    "test_static_checks.py": "import-linter's layer contracts over the whole package",
    "test_crash_safety.py": "newsreader refresh killed with SIGKILL 50 times: the database "
    "sound, nothing half-stored, marks and notes as they were",
    "test_hostile_input.py": "property-based tests: hostile feeds through fetch, parse, "
    "sanitize and store; hostile OPML and user-data imports",
    "storage/test_schema_upgrades.py": "profiles of every released schema (tests/fixtures/"
    "schema) opened by this version: migrations/ with read, starred and notes intact",
    "fetch/test_http_connections.py": "fetch/http.py's connections (proxies, reuse, TLS, cut-off "
    "sockets), apart from tests/fetch/test_http.py for its length",
    "reader/test_demo.py": "the demo content shipped in resources/demo",
    "reader/test_refresh_bad_network.py": "a refresh on a bad network through the Reader: "
    "unresolvable hosts, a tarpit, the time budget of the pictures after the news",
    "reader/test_refresh.py": "a refresh end to end through the Reader: the pipeline, parse "
    "workers, the store step and the follow-ups together",
    "storage/test_query_plans.py": "the query plans of storage/articles.py and "
    "storage/comments.py, with EXPLAIN QUERY PLAN",
    "packaging/test_hatch_build.py": "packaging/hatch_build.py, the wheel's build hook",
    "packaging/test_installers.py": "what packaging/build.sh built, installed and started "
    "(run by .ci/packaging)",
    "packaging/test_server_files.py": "packaging/systemd and packaging/container: the "
    "fetcher's unit and image recipe, their commands read by the command line's parser",
    "ui/test_frozen_entry.py": "a packaged build's entry point and its child processes",
    "ui/test_screenshot.py": "the app's screenshot mode, run as a process",
    "ui/test_translation_catalogue.py": "the Arabic catalogue against every translatable "
    "string of ui/",
}


def modules(source: Path) -> list[str]:
    """Every module under *source* but ``__init__`` files and the migrations, as posix paths."""
    return sorted(
        path.relative_to(source).as_posix()
        for path in source.rglob("*.py")
        if path.name != "__init__.py" and "migrations" not in path.relative_to(source).parts
    )


def all_test_files(tests: Path) -> list[str]:
    """Every ``test_*.py`` under *tests*, as posix paths relative to it."""
    return sorted(path.relative_to(tests).as_posix() for path in tests.rglob("test_*.py"))


def mirror_of(module: str) -> str:
    """The test file of *module*: ``core/text.py`` → ``core/test_text.py``."""
    folder, _, name = module.rpartition("/")
    return f"{folder}/test_{name}" if folder else f"test_{name}"


def missing_test_files(source: Path, tests: Path, allowed: Collection[str]) -> list[str]:
    """Modules of *source* with no test file of their own in *tests*, beyond *allowed*."""
    return [
        module
        for module in modules(source)
        if module not in allowed and not (tests / mirror_of(module)).is_file()
    ]


def mirrors_something(source: Path, tests: Path, test_file: str) -> bool:
    """Whether *test_file* is named after a module (or a folder of modules) that exists.

    ``tests/helpers/test_<name>.py`` mirrors the helper beside it.
    """
    folder, _, name = test_file.rpartition("/")
    name = name.removeprefix("test_").removesuffix(".py")
    if folder.split("/")[0] == "helpers":
        return (tests / folder / f"{name}.py").is_file()
    target = source / folder / name
    return target.with_suffix(".py").is_file() or target.is_dir()


def stale_test_files(source: Path, tests: Path, allowed: Collection[str]) -> list[str]:
    """Test files in *tests* named after nothing in *source*, beyond *allowed*."""
    return [
        test_file
        for test_file in all_test_files(tests)
        if test_file not in allowed and not mirrors_something(source, tests, test_file)
    ]


# -- the checks ---------------------------------------------------------------------------------


def test_every_module_has_a_test_file_of_its_own() -> None:
    missing = missing_test_files(SOURCE, TESTS, NO_TEST_FILE)
    assert missing == [], "modules without tests/<package>/test_<module>.py: " + ", ".join(
        f"{module} (expected tests/{mirror_of(module)})" for module in missing
    )


def test_every_test_file_is_named_after_a_module() -> None:
    stale = stale_test_files(SOURCE, TESTS, NOT_A_MIRROR)
    assert stale == [], (
        "test files named after no module (renamed or removed?): "
        + ", ".join(f"tests/{name}" for name in stale)
        + "; move their tests to the module's own file, or name them in NOT_A_MIRROR"
    )


def test_the_lists_name_only_what_still_needs_naming() -> None:
    present = set(modules(SOURCE))
    no_longer = [
        f"{module}: {'no such module' if module not in present else 'has its test file now'}"
        for module in NO_TEST_FILE
        if module not in present or (TESTS / mirror_of(module)).is_file()
    ]
    no_longer += [
        f"tests/{name}: {'no such file' if not (TESTS / name).is_file() else 'mirrors a module'}"
        for name in NOT_A_MIRROR
        if not (TESTS / name).is_file() or mirrors_something(SOURCE, TESTS, name)
    ]
    assert no_longer == [], "entries of tests/test_layout.py to remove: " + "; ".join(no_longer)


# -- the checks can fail --------------------------------------------------------------------------


def _tree(root: Path, files: list[str]) -> None:
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("", encoding="utf-8")


def test_a_module_without_its_test_file_is_found(tmp_path: Path) -> None:
    source, tests = tmp_path / "src", tmp_path / "tests"
    _tree(
        source,
        [
            "__init__.py",
            "app.py",
            "core/__init__.py",
            "core/text.py",
            "core/types.py",
            "ui/models/__init__.py",
            "ui/models/sidebar.py",
            "storage/migrations/env.py",
            "storage/migrations/versions/0001_first.py",
        ],
    )
    _tree(tests, ["core/test_text.py", "ui/test_models.py", "ui/models/test_sidebar.py"])

    assert missing_test_files(source, tests, ()) == ["app.py", "core/types.py"]
    assert missing_test_files(source, tests, {"app.py"}) == ["core/types.py"]


def test_a_test_file_named_after_no_module_is_found(tmp_path: Path) -> None:
    source, tests = tmp_path / "src", tmp_path / "tests"
    _tree(
        source,
        [
            "core/text.py",
            "ui/models/__init__.py",
            "ui/models/sidebar.py",
            "storage/migrations/env.py",
        ],
    )
    _tree(
        tests,
        [
            "core/test_text.py",
            "core/test_words.py",  # core/words.py was renamed
            "ui/test_models.py",  # the package as a whole
            "storage/test_migrations.py",  # a folder of modules
            "ui/models/test_sidebar.py",
            "helpers/server.py",
            "helpers/test_server.py",
            "helpers/test_gone.py",
            "test_everything.py",
            "fixtures/data.json",
        ],
    )

    stale = stale_test_files(source, tests, ())
    assert stale == ["core/test_words.py", "helpers/test_gone.py", "test_everything.py"]
    assert stale_test_files(source, tests, {"test_everything.py"}) == stale[:2]
