"""What the sandbox counts: requests per operation, applications per command, and double applications.

A command is identified by its `command_id` when it has one, and by its fingerprint (method, path
and body bytes; a client resends the same bytes when it retries) in any case. A command whose effect
was applied more times than the client was told it succeeded (and at least twice) was applied twice:
that is `duplicates_applied`, the number `command_id` deduplication exists to keep at zero. Repeats
of idempotent commands (a retried mute or hold leaves the state as one would) are not duplicates:
they are counted apart, as `idempotent_repeats`.
"""

from __future__ import annotations

import threading
from collections import Counter
from typing import Any

__all__ = ["Stats"]


class Stats:
    """Thread-safe counters behind `GET /sandbox/stats`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._operations: dict[str, Counter[str]] = {}
        self._commands: dict[str, dict[str, Any]] = {}
        self._applied: Counter[str] = Counter()  # by fingerprint
        self._acknowledged: Counter[str] = Counter()  # by fingerprint: 2xx responses that reached the client
        self._described: dict[str, str] = {}
        self._idempotent: set[str] = set()  # fingerprints of idempotent commands
        self._faults: Counter[str] = Counter()
        self.in_flight = 0

    def _count(self, operation: str, what: str) -> None:
        self._operations.setdefault(operation, Counter())[what] += 1

    def started(self, operation: str) -> None:
        with self._lock:
            self._count(operation, "requests")
            self.in_flight += 1

    def finished(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def _command(self, operation: str, command: tuple[str, str]) -> dict[str, Any]:
        """The entry of a (target, command_id): keyed by the command_id, or `id@target` when reused elsewhere."""
        target, command_id = command
        key = command_id
        existing = self._commands.get(key)
        if existing is not None and existing["target"] != target:
            key = f"{command_id}@{target}"
        return self._commands.setdefault(
            key, {"operation": operation, "target": target, "applied": 0, "deduplicated": 0}
        )

    def applied(
        self,
        operation: str,
        fingerprint: str,
        command: tuple[str, str] | None,
        description: str,
        *,
        idempotent: bool = False,
    ) -> None:
        """A state change happened; `command` is (target, command_id) when the request carried one."""
        with self._lock:
            if idempotent:
                self._idempotent.add(fingerprint)
            self._count(operation, "applied")
            self._applied[fingerprint] += 1
            self._described.setdefault(fingerprint, description)
            if command is not None:
                self._command(operation, command)["applied"] += 1

    def deduplicated(self, operation: str, command: tuple[str, str]) -> None:
        """A repeated command_id was acknowledged without applying it."""
        with self._lock:
            self._count(operation, "deduplicated")
            self._command(operation, command)["deduplicated"] += 1

    def responded(self, operation: str, status: int, fingerprint: str) -> None:
        with self._lock:
            self._count(operation, f"status_{status}")
            if 200 <= status < 300:
                self._acknowledged[fingerprint] += 1

    def fault(self, operation: str, kind: str, phase: str) -> None:
        with self._lock:
            self._count(operation, "faults")
            self._faults[f"{kind}_{phase}"] += 1

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            repeated = [fp for fp, count in self._applied.items() if count > max(self._acknowledged[fp], 1)]
            duplicates = [
                {"command": self._described[fp], "applied": self._applied[fp], "acknowledged": self._acknowledged[fp]}
                for fp in repeated
                if fp not in self._idempotent
            ]
            idempotent_repeats = len(repeated) - len(duplicates)
            return {
                "operations": {name: dict(sorted(counts.items())) for name, counts in sorted(self._operations.items())},
                "totals": {
                    "requests": sum(c["requests"] for c in self._operations.values()),
                    "applied": sum(c["applied"] for c in self._operations.values()),
                    "deduplicated": sum(c["deduplicated"] for c in self._operations.values()),
                    "faults": sum(self._faults.values()),
                },
                "faults": dict(sorted(self._faults.items())),
                "commands": {key: dict(value) for key, value in self._commands.items()},
                "commands_applied_twice": sum(1 for entry in self._commands.values() if entry["applied"] > 1),
                "duplicates_applied": len(duplicates),
                "duplicates": duplicates[:50],
                "idempotent_repeats": idempotent_repeats,
                "in_flight": self.in_flight,
            }
