"""What every section of the benchmark shares: the loopback server, the workers, the peer's status, the budget."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from .procs import MAIN_PYTHON, PEER_PYTHON, Server, Worker


@dataclasses.dataclass
class Context:
    fixtures: Path
    server: Server
    main: Worker
    """A worker under the main venv: runs the floor and ours."""
    peer: Worker | None
    """A worker under bench/.venv-peer: runs the official SDK; None when it is not installed."""
    peer_note: str | None
    """Why there is no peer, for the table's official column."""
    official_version: str | None
    scale: float = 1.0
    """Multiplies rounds and iterations: 1.0 for `make bench`, less for a smoke run (`--quick`)."""

    @classmethod
    def start(cls, fixtures: Path, official_version: str | None, peer_note: str | None, scale: float) -> Context:
        server = Server(fixtures)
        peer = Worker(PEER_PYTHON) if official_version else None
        return cls(fixtures, server, Worker(MAIN_PYTHON), peer, peer_note, official_version, scale)

    def rounds(self, full: int, least: int = 3) -> int:
        return max(least, round(full * self.scale))

    def iterations(self, full: int) -> int:
        return max(10, round(full * self.scale))

    def worker(self, variant: str) -> Worker | None:
        return self.peer if variant == "official" else self.main

    def close(self) -> None:
        for worker in (self.main, self.peer):
            if worker is not None:
                worker.close()
        self.server.close()
