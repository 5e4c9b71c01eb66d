"""Argument types: what was typed is checked, and what is wrong is said in words."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from newsreader.cli.arguments import (
    new_file_in_existing_folder,
    positive_count,
    positive_seconds,
    user_name,
    window_size,
)


@pytest.mark.parametrize("text", ["1280x800", "200X200", " 1920 x 1080 "])
def test_a_size_is_width_by_height(text: str) -> None:
    assert window_size(text) == text


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("10x", "write WIDTHxHEIGHT"),
        ("x800", "write WIDTHxHEIGHT"),
        ("1280", "write WIDTHxHEIGHT"),
        ("1280x800x2", "write WIDTHxHEIGHT"),
        ("abc", "write WIDTHxHEIGHT"),
        ("10x800", "200 to 10000 pixels"),
        ("1280x99999", "200 to 10000 pixels"),
    ],
)
def test_a_bad_size_says_how_sizes_are_written(text: str, said: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError) as raised:
        window_size(text)
    assert said in str(raised.value) and repr(text) in str(raised.value)
    assert "int()" not in str(raised.value)


def test_a_file_in_an_existing_folder_is_taken(tmp_path: Path) -> None:
    target = str(tmp_path / "shot.png")
    assert new_file_in_existing_folder(target) == target


def test_a_missing_folder_is_an_error_and_is_not_made(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "shot.png"
    with pytest.raises(argparse.ArgumentTypeError) as raised:
        new_file_in_existing_folder(str(target))
    assert str(target.parent) in str(raised.value) and "does not exist" in str(raised.value)
    assert not (tmp_path / "no").exists()


def test_a_folder_is_no_file_name(tmp_path: Path) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="is a folder"):
        new_file_in_existing_folder(str(tmp_path))


def test_seconds_and_counts_above_zero_are_taken_and_the_rest_told_what_is_wrong() -> None:
    assert positive_seconds("300") == 300.0 and positive_seconds("0.5") == 0.5
    assert positive_count("50") == 50
    for bad, words in (("0", "above zero"), ("-3", "above zero"), ("nan", "above zero"),
                       ("inf", "above zero"), ("soon", "not a number")):  # fmt: skip
        with pytest.raises(argparse.ArgumentTypeError, match=words):
            positive_seconds(bad)
    for bad, words in (("0", "above zero"), ("2.5", "not a whole number"), ("x", "whole")):
        with pytest.raises(argparse.ArgumentTypeError, match=words):
            positive_count(bad)


def test_a_user_name_is_trimmed_and_never_blank() -> None:
    assert user_name("  سلمى ") == "سلمى"
    assert user_name("omar@example") == "omar@example"
    for bad in ("", "   ", "a\tb", "x" * 201):
        with pytest.raises(argparse.ArgumentTypeError):
            user_name(bad)
