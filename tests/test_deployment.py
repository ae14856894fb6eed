"""The README's "Scheduled runs" block, run line by line against a real local server.

Everything runs in subprocesses with an environment of their own (own PREFECT_HOME, a
free port on 127.0.0.1), so the session's `prefect_test_harness` is not touched.
`uv run X` is resolved to X in this environment (the one `uv run` uses), the port 4200
to the free port; the run line gets a copy of raw/ and a temporary out_dir. The
server's scheduler (and UI) are off, so the only run is the one the block starts.
Takes one to two minutes: most of it is the server starting and each CLI importing Prefect.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyarrow.dataset
import pytest
from conftest import RAW, ROOT

README_PORT = "4200"
SECTION = "## Scheduled runs (Prefect server)"
BIN = Path(sys.executable).parent
BACKGROUND = (("server", "start"), ("worker", "start"))  # long-running, stopped at the end
COMMAND_TIMEOUT = 150  # seconds for one foreground command


def readme_block() -> list[str]:
    """The lines of the section's first bash block."""
    readme = (ROOT / "README.md").read_text("utf-8")
    assert SECTION in readme
    section = readme.split(SECTION, 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S)
    assert block, "the section has no bash block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def _free_port() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return str(s.getsockname()[1])


def _tail(path: Path, chars: int = 3000) -> str:
    return path.read_text("utf-8", errors="replace")[-chars:] if path.exists() else ""


def _stop(process: subprocess.Popen) -> None:
    """Ctrl-C (SIGINT to its process group), as in a terminal; SIGKILL if it lingers."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@contextlib.contextmanager
def _background(argv: list[str], env: dict, log: Path) -> Iterator[subprocess.Popen]:
    # A new process group, SIGINT restored to default (a shell's background jobs ignore it).
    with open(log, "w") as out:
        process = subprocess.Popen(
            ["env", "--default-signal=INT", *argv],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            process_group=0,
        )
    try:
        yield process
    finally:
        _stop(process)


def _api(env: dict, path: str, body: dict | None = None) -> object:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        env["PREFECT_API_URL"] + path,
        data=data,
        headers={"Content-Type": "application/json"},
        method="GET" if body is None else "POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


@pytest.mark.server
def test_readme_deployment_publishes_a_version(tmp_path: Path) -> None:
    port = _free_port()
    raw_dir = tmp_path / "raw"
    shutil.copytree(RAW, raw_dir)
    out_dir = tmp_path / "out"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env |= {
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED": "false",  # no nightly runs here
        "PREFECT_SERVER_UI_ENABLED": "false",  # starts a few seconds sooner
        "PREFECT_WORKER_QUERY_SECONDS": "2",  # the worker polls every 2 s, not 10
        "PREFECT_CLI_COLORS": "false",
        "PREFECT_CLI_WRAP_LINES": "false",
    }
    logs: dict[str, Path] = {}
    background: list[subprocess.Popen] = []
    ran: list[str] = []

    def failure(what: str, output: str = "") -> str:
        tails = "".join(f"\n--- {name} log ---\n{_tail(p)}" for name, p in logs.items())
        return f"{what}\n{output[-3000:]}{tails}"

    with contextlib.ExitStack() as stack:  # stops the worker, then the server, even on failure
        for line in readme_block():
            argv = shlex.split(line.replace(README_PORT, port), comments=True)
            if argv[0] == "export":
                env |= dict(item.split("=", 1) for item in argv[1:])
                continue
            assert argv[:2] == ["uv", "run"], f"not a `uv run` line: {line}"
            argv = [str(BIN / argv[2]), *argv[3:]]
            ran.append(" ".join(argv[1:3]))
            dead = [p.args for p in background if p.poll() is not None]
            assert not dead, failure(f"exited early: {dead}")
            if tuple(argv[1:3]) in BACKGROUND:
                logs[argv[1]] = tmp_path / f"{argv[1]}.log"
                background.append(stack.enter_context(_background(argv, env, logs[argv[1]])))
                continue
            if argv[1:3] == ["deployment", "run"]:
                argv = [re.sub(r"^out_dir=.*", f"out_dir={out_dir}", a) for a in argv]
                argv += ["--param", f"raw_dir={raw_dir}"]
                assert f"out_dir={out_dir}" in argv
            try:
                result = subprocess.run(
                    argv,
                    cwd=ROOT,
                    env=env,
                    stdin=subprocess.DEVNULL,
                    capture_output=True,
                    text=True,
                    timeout=COMMAND_TIMEOUT,
                )
            except subprocess.TimeoutExpired as timeout:
                pytest.fail(failure(f"timed out: {shlex.join(argv)}", str(timeout.stdout)))
            assert result.returncode == 0, failure(shlex.join(argv), result.stdout + result.stderr)
        assert ran == [
            "server start",
            "server status",
            "work-pool create",
            "deploy --name",
            "worker start",
            "deployment run",
        ]
        assert "Completed" in result.stdout, failure("run not completed", result.stdout)

        deployment = _api(env, "/deployments/name/clean-corpus/daily")
        (schedule,) = deployment["schedules"]
        assert schedule["active"]
        assert schedule["schedule"]["cron"] == "0 2 * * *"
        assert schedule["schedule"]["timezone"] == "Asia/Shanghai"
        assert deployment["work_pool_name"] == "zhclean-process"
        assert deployment["entrypoint"] == "flows/clean_corpus.py:clean_corpus"
        assert deployment["pull_steps"] == [  # the worker runs the flow from the project root
            {"prefect.deployments.steps.set_working_directory": {"directory": str(ROOT)}}
        ]
        assert deployment["parameters"] == {
            "raw_dir": "raw",
            "out_dir": "processed",
            "target_script": "hans",
        }
        (flow_run,) = _api(
            env,
            "/flow_runs/filter",
            {"deployments": {"id": {"any_": [deployment["id"]]}}},
        )
        assert flow_run["state_type"] == "COMPLETED"
        assert flow_run["parameters"] == {
            "raw_dir": str(raw_dir),
            "out_dir": str(out_dir),
            "target_script": "hant",
        }

    version = (out_dir / "LATEST").read_text().strip()
    assert version == "v0001"
    manifest = json.loads((out_dir / version / "manifest.json").read_text("utf-8"))
    assert manifest["config"]["target_script"] == "hant"
    documents = pyarrow.dataset.dataset(out_dir / version / "documents", format="parquet")
    assert documents.count_rows() == 7
