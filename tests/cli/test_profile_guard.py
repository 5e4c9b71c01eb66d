"""Command-line writers take the data folder's lock; readers do not need it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from newsreader.cli.common import EXIT_BUSY, EXIT_OK
from newsreader.cli.main import build_parser, main
from newsreader.cli.profile_guard import changes_profile, command_name
from newsreader.core.profile_lock import lock_profile


@pytest.mark.parametrize(
    ("words", "writes"),
    [
        (["refresh"], True),
        (["feeds", "add", "https://example.org/"], True),
        (["feeds", "import", "x.opml"], True),
        (["feeds", "remove", "3"], True),
        (["feeds", "list"], False),
        (["feeds", "export", "x.opml"], False),
        (["mark", "1", "--read"], True),
        (["notes", "1"], False),
        (["notes", "1", "--add", "text"], True),
        (["notes", "1", "--delete", "2"], True),
        (["import-data", "x.json"], True),
        (["export-data", "x.json"], False),
        (["demo"], True),
        (["repair"], True),
        (["articles"], False),
        (["read", "1"], False),
        (["comments", "1"], True),
        (["stories"], False),
        (["stories", "--current", "--json"], False),
        (["stories", "merge", "1", "2"], True),
        (["stories", "split", "1"], True),
        (["stories", "remove-article", "1", "5"], True),
    ],
)
def test_which_commands_change_the_profile(words: list[str], writes: bool) -> None:
    assert changes_profile(build_parser().parse_args(words)) is writes


def test_the_holder_is_named_as_the_user_typed_it() -> None:
    assert command_name(build_parser().parse_args(["feeds", "add", "u"])) == "newsreader feeds add"
    assert command_name(build_parser().parse_args(["refresh"])) == "newsreader refresh"
    split = build_parser().parse_args(["stories", "split", "4"])
    assert command_name(split) == "newsreader stories split"


def run(*words: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(words), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_a_second_writer_stops_at_once_with_a_distinct_code(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    assert run("--data-dir", str(data), "feeds", "list")[0] == EXIT_OK
    with lock_profile(data, "the Newsreader window"):
        code, out, err = run("--data-dir", str(data), "mark", "1", "--read")
        assert code == EXIT_BUSY == 75
        assert out == ""
        assert err.startswith("newsreader: error: the data folder ")
        assert str(data) in err and "the Newsreader window" in err
        # readers go on beside the writer
        assert run("--data-dir", str(data), "articles")[0] == EXIT_OK
        assert run("--data-dir", str(data), "feeds", "list")[0] == EXIT_OK
    # once the writer is done, the command runs (and fails only for its own reason)
    code, _out, err = run("--data-dir", str(data), "mark", "1", "--read")
    assert code != EXIT_BUSY and "in use" not in err


def test_another_data_folder_is_not_blocked(tmp_path: Path) -> None:
    with lock_profile(tmp_path / "one", "newsreader refresh"):
        code, _out, err = run("--data-dir", str(tmp_path / "two"), "demo")
    assert code == EXIT_OK, err


def test_a_writer_leaves_the_day_s_backup_and_a_reader_does_not(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    backups = data / "backups"
    assert run("--data-dir", str(data), "feeds", "list")[0] == EXIT_OK
    assert not backups.exists()  # a reader writes nothing
    assert run("--data-dir", str(data), "demo")[0] == EXIT_OK
    [first] = sorted(backups.glob("userdata-*.json"))
    assert sorted(backups.glob("subscriptions-*.opml"))
    stored = first.read_bytes()
    code, _out, err = run("--data-dir", str(data), "mark", "1", "--star")
    assert code == EXIT_OK, err
    assert first.read_bytes() == stored  # once a day: the window's closing brings it up to date
