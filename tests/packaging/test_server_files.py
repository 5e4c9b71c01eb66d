"""The fetcher's systemd unit and container recipe (packaging/systemd, packaging/container)
are well-formed and run the real command with options the command line accepts."""

from __future__ import annotations

import configparser
import json
import re
import shlex
from pathlib import Path

import pytest

from newsreader.cli.main import build_parser

ROOT = Path(__file__).resolve().parents[2]
UNIT = ROOT / "packaging" / "systemd" / "newsreader-fetcher.service"
ENV_EXAMPLE = ROOT / "packaging" / "systemd" / "fetcher.env.example"
CONTAINERFILE = ROOT / "packaging" / "container" / "Containerfile"
#: Values standing in for what systemd or the container's environment gives.
SAMPLE_URL = "postgresql+psycopg://newsreader@db.example:5432/news"


def unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    parser.read_string(UNIT.read_text(encoding="utf-8"))
    return parser


def env_example() -> dict[str, str]:
    pairs = {}
    for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition("=")
            pairs[key] = value
    return pairs


def fetcher_options(words: list[str]) -> object:
    """The command line's own reading of *words*; a usage error fails the test."""
    args = build_parser().parse_args(words)
    assert args.command == "fetcher"
    return args


def test_the_unit_runs_the_fetcher_with_options_the_command_accepts() -> None:
    service = unit()["Service"]
    program, *words = shlex.split(service["ExecStart"])
    assert program.endswith("/bin/newsreader")
    variables = set(re.findall(r"\$\{(\w+)\}", service["ExecStart"]))
    assert variables == {"NEWSREADER_DB", "STATE_DIRECTORY"}
    given = {**env_example(), "STATE_DIRECTORY": "/var/lib/newsreader-fetcher"}
    words = [re.sub(r"\$\{(\w+)\}", lambda m: given[m.group(1)], w) for w in words]

    args = fetcher_options(words)

    assert args.db == SAMPLE_URL  # type: ignore[attr-defined]
    assert args.data_dir == "/var/lib/newsreader-fetcher"  # type: ignore[attr-defined]
    assert args.once is False  # type: ignore[attr-defined]


def test_the_unit_is_hardened_restarts_and_stops_by_sigterm() -> None:
    parsed = unit()
    assert parsed.sections() == ["Unit", "Service", "Install"]
    service = parsed["Service"]
    assert service["EnvironmentFile"] == "/etc/newsreader/fetcher.env"
    assert service["DynamicUser"] == "yes" and service["StateDirectory"]
    assert service["Restart"] == "on-failure"
    assert service["KillSignal"] == "SIGTERM"
    assert service["KillMode"] == "mixed"  # the fetcher stops its own workers
    for setting in ("NoNewPrivileges", "ProtectHome", "PrivateTmp", "PrivateDevices"):
        assert service[setting] == "yes"
    assert service["ProtectSystem"] == "strict"
    assert service["CapabilityBoundingSet"] == ""
    # fetching needs the Internet: no address is denied, both IP families are allowed
    assert set(service["RestrictAddressFamilies"].split()) >= {"AF_INET", "AF_INET6"}
    assert not {"IPAddressDeny", "IPAddressAllow", "PrivateNetwork"} & set(service)
    assert parsed["Install"]["WantedBy"] == "multi-user.target"


def test_the_environment_file_example_gives_a_postgresql_url_without_a_password() -> None:
    pairs = env_example()
    assert pairs["NEWSREADER_DB"] == SAMPLE_URL
    assert ":" not in pairs["NEWSREADER_DB"].split("@")[0].split("//")[1]  # no password
    assert "PGPASSWORD" in pairs


def instructions() -> list[tuple[str, str]]:
    """The Containerfile's instructions (continuations joined, comments left out)."""
    found: list[tuple[str, str]] = []
    text = CONTAINERFILE.read_text(encoding="utf-8")
    logical = re.sub(
        r"\\\n\s*",
        " ",
        "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#")),
    )
    for line in logical.splitlines():
        if line.strip():
            keyword, _, rest = line.strip().partition(" ")
            found.append((keyword.upper(), rest.strip()))
    return found


def test_the_container_installs_the_postgresql_extra_and_runs_the_fetcher() -> None:
    steps = instructions()
    keywords = [k for k, _ in steps]
    assert keywords[0] == "FROM"
    assert set(keywords) <= {
        "FROM",
        "COPY",
        "RUN",
        "USER",
        "VOLUME",
        "STOPSIGNAL",
        "ENTRYPOINT",
        "CMD",
        "ENV",
    }
    runs = " ".join(rest for k, rest in steps if k == "RUN")
    assert "pip install" in runs and "[postgresql]" in runs
    [user] = [rest for k, rest in steps if k == "USER"]
    assert user not in ("root", "0")
    assert dict(steps)["STOPSIGNAL"] == "SIGTERM"
    entrypoint = json.loads(dict(steps)["ENTRYPOINT"])
    cmd = json.loads(dict(steps)["CMD"])
    assert entrypoint[:2] == ["/bin/sh", "-c"]
    script = shlex.split(entrypoint[2])
    assert script[0] == "exec" and script[1] == "newsreader"
    at = script.index("$@")
    words = [*script[2:at], *cmd, *script[at + 1 :]]
    words = [SAMPLE_URL if w == "$NEWSREADER_DB" else w for w in words]

    args = fetcher_options(words)

    assert args.db == SAMPLE_URL  # type: ignore[attr-defined]
    assert args.data_dir == "/var/lib/newsreader"  # type: ignore[attr-defined]
    assert args.interval == 300  # type: ignore[attr-defined]


def test_what_the_container_copies_is_what_the_wheel_build_leaves() -> None:
    [copy] = [rest for k, rest in instructions() if k == "COPY"]
    assert copy.split()[0] == "dist/"
    build = (ROOT / "packaging" / "build.sh").read_text(encoding="utf-8")
    assert "dist" in build and "wheel" in build


@pytest.mark.parametrize("path", [UNIT, ENV_EXAMPLE, CONTAINERFILE])
def test_the_files_are_named_in_the_packaging_readme(path: Path) -> None:
    readme = (ROOT / "packaging" / "README.md").read_text(encoding="utf-8")
    assert str(path.relative_to(ROOT / "packaging")) in readme
