"""``python -m anthropic_models.server`` as a process: it prints its URL, serves, and stops on signals."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import urllib3

pytestmark = pytest.mark.integration

KEY = "sk-ant-cli-secret"


def start(*args: str) -> subprocess.Popen[str]:
    """The server command with these options, its output piped."""
    return subprocess.Popen(
        [sys.executable, "-m", "anthropic_models.server", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def fetch(url: str, key: str = KEY) -> tuple[int, Any]:
    """GET url with the key; status and parsed body."""
    with urllib3.PoolManager(retries=False) as pool:
        response = pool.request("GET", url, headers={"x-api-key": key})
        return response.status, json.loads(response.data)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_the_command_prints_its_url_serves_and_exits_0_on_a_signal(signum: int) -> None:
    """Port 0: 'Listening on URL' first; requests work; SIGTERM or SIGINT ends it with status 0."""
    with start("--port", "0", "--api-key", KEY, "--synthetic", "30") as process:
        try:
            assert process.stdout is not None
            line = process.stdout.readline()
            assert line.startswith("Listening on http://127.0.0.1:"), line
            url = line.split()[-1]
            status, body = fetch(url + "/v1/models?limit=5")
            assert status == 200
            assert len(body["data"]) == 5
            assert fetch(url + "/v1/models", key="wrong")[0] == 401
            process.send_signal(signum)
            out, err = process.communicate(timeout=20)
        finally:
            if process.poll() is None:
                process.kill()
                process.communicate()
    assert process.returncode == 0, err
    assert "Traceback" not in err
    assert KEY not in out + err


def test_a_port_in_use_is_one_line_and_status_2() -> None:
    """A port another socket holds: one line on stderr, status 2, no traceback, no key."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen(1)
        port = str(holder.getsockname()[1])
        result = subprocess.run(
            [sys.executable, "-m", "anthropic_models.server", "--port", port, "--api-key", KEY],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert KEY not in result.stderr


def test_a_bad_catalogue_file_is_one_line_and_status_2(tmp_path: Path) -> None:
    """An invalid --catalog file: one line naming the file and the JSON path, status 2."""
    path = tmp_path / "catalog.json"
    path.write_text('[{"id": "a", "type": "model", "created_at": 5, "display_name": "A"}]')
    result = subprocess.run(
        [sys.executable, "-m", "anthropic_models.server", "--catalog", str(path), "--api-key", KEY],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert f"{path}: [0].created_at: expected an RFC 3339 date-time string" in result.stderr
    assert KEY not in result.stderr
    assert "Traceback" not in result.stderr
