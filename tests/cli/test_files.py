"""Files the commands read and write, and "-" for standard input and output."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest

from newsreader.cli.files import input_file, is_stdio, output_file, read_input, write_output
from newsreader.core.errors import NewsreaderError

TEXT = "<opml>سطر</opml>\n"


def test_a_dash_is_standard_input_and_output() -> None:
    assert is_stdio("-")
    assert not is_stdio("./-") and not is_stdio(Path("-")) and not is_stdio("out.opml")
    assert read_input("-", io.BytesIO(TEXT.encode())) == TEXT.encode()
    out = io.StringIO()
    write_output("-", TEXT.encode(), out)
    assert out.getvalue() == TEXT


def test_a_written_file_is_the_users_alone(tmp_path: Path) -> None:
    target = tmp_path / "subs.opml"
    write_output(target, TEXT.encode(), io.StringIO())
    assert target.read_text(encoding="utf-8") == TEXT
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_file_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(NewsreaderError, match=r"missing\.opml"):
        read_input(tmp_path / "missing.opml")
    with pytest.raises(NewsreaderError, match="nowhere"):
        write_output(tmp_path / "nowhere" / "x.opml", b"x", io.StringIO())


def test_standard_input_is_handed_on_as_a_file_and_named_in_errors() -> None:
    with input_file("-", io.BytesIO(b"data")) as path:
        copy = path
        assert path.read_bytes() == b"data"
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert not copy.exists()
    with pytest.raises(NewsreaderError) as raised, input_file("-", io.BytesIO(b"")) as path:
        raise NewsreaderError(f"{path}: not a Newsreader user-data file")
    assert str(raised.value) == "standard input: not a Newsreader user-data file"


def test_a_named_file_is_handed_on_as_it_is(tmp_path: Path) -> None:
    with input_file(tmp_path / "a.json") as path:
        assert path == tmp_path / "a.json"
    with output_file(tmp_path / "b.json", io.StringIO()) as path:
        assert path == tmp_path / "b.json"


def test_standard_output_gets_the_files_text_once_written() -> None:
    out = io.StringIO()
    with output_file("-", out) as path:
        path.write_text(TEXT, encoding="utf-8")
        assert out.getvalue() == ""
    assert out.getvalue() == TEXT
    with pytest.raises(NewsreaderError) as raised, output_file("-", out) as path:
        raise NewsreaderError(f"cannot write {path}: disk full")
    assert str(raised.value) == "cannot write standard output: disk full"
