"""Deterministic fault injection: which requests fail, how, and whether before or after the command applies.

A `FaultInjector` draws from its own `random.Random(seed)` once per API request, in arrival order, so
the same seed and the same request sequence give the same faults. Kinds:

- ``500`` / ``503``: an error response (a 500 may come after the command was applied);
- ``429``: rate limited, with ``Retry-After`` and the ``x-ratelimit-*`` headers (always before);
- ``reset``: the connection is dropped without a response (before or after applying);
- ``delay``: the response is held past the client's timeout (before or after applying).

A fault after the command applied is what makes retries dangerous: the change happened but the
client saw a failure and sends the command again. `streak_limit` caps how many times in a row the
same request (same method, path and body) is faulted, so a client with enough retries always gets
through.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["AFTER_CAPABLE", "DEFAULT_KINDS", "FAULT_KINDS", "Fault", "FaultInjector"]

FAULT_KINDS = ("500", "503", "429", "reset", "delay")
AFTER_CAPABLE = frozenset({"500", "reset", "delay"})
DEFAULT_KINDS: dict[str, float] = {"500": 1.0, "503": 1.0, "429": 1.0, "reset": 1.0, "delay": 0.5}


@dataclass(frozen=True)
class Fault:
    kind: str
    after: bool  # True: the command is applied first, then the response is lost

    @property
    def phase(self) -> str:
        return "after" if self.after else "before"


class FaultInjector:
    """Decides, request by request, whether to inject a fault; thread-safe and reconfigurable."""

    def __init__(
        self,
        *,
        rate: float = 0.0,
        seed: int | None = None,
        kinds: Mapping[str, float] | None = None,
        after_share: float = 0.5,
        delay: float = 3.0,
        retry_after: float = 0.0,
        streak_limit: int = 3,
    ) -> None:
        self._lock = threading.Lock()
        self._streaks: dict[str, int] = {}
        self.configure(
            rate=rate,
            seed=seed,
            kinds=kinds,
            after_share=after_share,
            delay=delay,
            retry_after=retry_after,
            streak_limit=streak_limit,
        )

    def configure(
        self,
        *,
        rate: float | None = None,
        seed: int | None = None,
        kinds: Mapping[str, float] | None = None,
        after_share: float | None = None,
        delay: float | None = None,
        retry_after: float | None = None,
        streak_limit: int | None = None,
    ) -> None:
        """Change some settings; a `seed` restarts the random sequence."""
        with self._lock:
            if rate is not None:
                if not 0.0 <= rate <= 1.0:
                    raise ValueError(f"fault rate must be between 0 and 1, got {rate}")
                self.rate = float(rate)
            if kinds is not None or not hasattr(self, "kinds"):
                chosen = dict(DEFAULT_KINDS if kinds is None else kinds)
                unknown = sorted(set(chosen) - set(FAULT_KINDS))
                if unknown or not chosen or any(weight < 0 for weight in chosen.values()):
                    raise ValueError(f"fault kinds must be weights for {', '.join(FAULT_KINDS)}; got {chosen}")
                self.kinds = chosen
            if after_share is not None:
                if not 0.0 <= after_share <= 1.0:
                    raise ValueError(f"after_share must be between 0 and 1, got {after_share}")
                self.after_share = float(after_share)
            if delay is not None:
                self.delay = float(delay)
            if retry_after is not None:
                self.retry_after = float(retry_after)
            if streak_limit is not None:
                self.streak_limit = int(streak_limit)
            if seed is not None or not hasattr(self, "_rng"):
                self.seed = seed
                self._rng = random.Random(seed)

    def settings(self) -> dict[str, Any]:
        return {
            "rate": self.rate,
            "seed": self.seed,
            "kinds": dict(self.kinds),
            "after_share": self.after_share,
            "delay": self.delay,
            "retry_after": self.retry_after,
            "streak_limit": self.streak_limit,
        }

    def decide(self, fingerprint: str) -> Fault | None:
        """The fault for this request, if any. Always draws the same amount of randomness per request."""
        with self._lock:
            roll, pick, phase = self._rng.random(), self._rng.random(), self._rng.random()
            if self.rate <= 0.0 or roll >= self.rate:
                self._streaks.pop(fingerprint, None)
                return None
            if self._streaks.get(fingerprint, 0) >= self.streak_limit:
                self._streaks.pop(fingerprint, None)
                return None
            kind = _weighted(self.kinds, pick)
            if kind is None:
                return None
            self._streaks[fingerprint] = self._streaks.get(fingerprint, 0) + 1
            return Fault(kind, after=kind in AFTER_CAPABLE and phase < self.after_share)


def _weighted(weights: Mapping[str, float], point: float) -> str | None:
    total = sum(weights.values())
    if total <= 0:
        return None
    target = point * total
    for kind in FAULT_KINDS:
        weight = weights.get(kind, 0.0)
        if target < weight:
            return kind
        target -= weight
    return None
