"""Shared fixtures: the repository, ../shared and the rasd CLI.

The CLI is $RASD_CLI, else target/release/examples/rasd or
target/debug/examples/rasd of the repository, else built with
`cargo build --release --example rasd`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def shared_dir() -> Path | None:
    d = Path(os.environ.get("RASD_SHARED", REPO.parent / "shared"))
    return d if d.is_dir() else None


@pytest.fixture(scope="session")
def shared() -> Path:
    d = shared_dir()
    if d is None:
        pytest.skip("../shared not found (set RASD_SHARED)")
    return d


def _target_dir() -> Path:
    return Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))


@pytest.fixture(scope="session")
def cli() -> Path:
    env = os.environ.get("RASD_CLI")
    if env:
        return Path(env)
    for profile in ("release", "debug"):
        p = _target_dir() / profile / "examples" / "rasd"
        if p.is_file():
            return p
    if shutil.which("cargo") is None:
        pytest.skip("no rasd CLI and no cargo to build it (set RASD_CLI)")
    subprocess.run(
        ["cargo", "build", "--release", "--example", "rasd"], cwd=REPO, check=True
    )
    return _target_dir() / "release" / "examples" / "rasd"


def run_cli(cli: Path, *args: str, stdin: bytes | None = None) -> str:
    r = subprocess.run(
        [str(cli), *args], input=stdin, capture_output=True, check=True
    )
    return r.stdout.decode("utf-8")
