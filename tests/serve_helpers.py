"""Run a feed server on 127.0.0.1 (in this process, or ``commitments serve`` as a real process)
and stop it at the end."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from commitments.outputs.feeds import Feeds, FeedServer, make_server

BIN = Path(sys.executable).parent


@contextlib.contextmanager
def in_process(feeds: Feeds) -> Iterator[FeedServer]:
    """A server for ``feeds`` on a free port of 127.0.0.1, in a thread of this process."""
    running = make_server(feeds, host="127.0.0.1", port=0)
    running.start()
    try:
        yield running
    finally:
        running.stop()


def local_env(**extra: str) -> dict[str, str]:
    """The environment for a subprocess that must reach only 127.0.0.1 (no proxy)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key.casefold() not in ("http_proxy", "https_proxy", "all_proxy", "no_proxy")
    }
    env.update(NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost")
    env.update(extra)
    return env


@contextlib.contextmanager
def serving(db: Path, *args: str) -> Iterator[str]:
    """``commitments serve --port 0`` on ``db``; yields its base URL (``http://127.0.0.1:N``)."""
    process = subprocess.Popen(
        [
            str(BIN / "commitments"),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--db",
            str(db),
            *args,
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=local_env(),
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        if not first.startswith("Serving on http://127.0.0.1:"):
            process.kill()
            _, err = process.communicate(timeout=10)
            raise AssertionError(f"serve did not start: {first!r} {err}")
        yield first.removeprefix("Serving on ").strip().rstrip("/")
    finally:
        process.terminate()
        try:
            process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
