"""A throwaway PostgreSQL server for the tests and the bench (Debian's ``postgresql`` package).

Why by hand: initdb/pg_ctl are a few commands, and the pip wrappers that do this download binaries
(offline here). PostgreSQL refuses to run as root, so as root the server runs as the ``postgres`` user
(``runuser``), in a temporary directory that user owns; the socket lives there too. ``make pg-deps``
installs the package when it is missing.
"""

from __future__ import annotations

import glob
import logging
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)


def _bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: run `make pg-deps` (apt-get install postgresql)")
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@dataclass
class PgServer:
    """One running server; ``url(db)`` names a database on it, ``new_database()`` makes an empty one."""

    data: Path
    port: int
    bin: Path

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def new_database(self) -> str:
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]
        return self.url(name)

    def stop(self) -> None:
        subprocess.run(_as_server_user([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop"]),
                       check=False, capture_output=True)
        shutil.rmtree(self.data.parent, ignore_errors=True)


def start_server() -> PgServer:
    """initdb a fresh cluster in a temporary directory and start it on a free local port."""
    bindir = _bin_dir()
    root = Path(tempfile.mkdtemp(prefix="dossier-pg-"))
    data = root / "data"
    data.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(data, "postgres")
    subprocess.run(
        _as_server_user([str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8"]),
        check=True, capture_output=True,
    )
    port = _free_port()
    opts = f"-c listen_addresses=127.0.0.1 -p {port} -k {data} -c fsync=off -c synchronous_commit=off"
    subprocess.run(
        _as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(data / "log"), "-w", "start"]),
        check=True, capture_output=True,
    )
    log.info("PostgreSQL %s on port %d", bindir, port)
    return PgServer(data, port, bindir)
