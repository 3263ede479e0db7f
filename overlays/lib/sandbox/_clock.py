"""The sandbox's own time, and the timers that run on it.

Sandbox time is real time scaled by `speed` (0 freezes it), plus whatever `advance` added. A timer
(a queue's max wait, a conference's duration, a playback's end) fires at its due time by itself,
from one background thread, or synchronously inside `advance`, in due order; while it fires the
clock reads exactly its due time, so the events it emits carry that `occurred_at`. Timers fire
holding `lock`, the lock the sandbox's state changes under, so a timer never interleaves a request.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import logging
import math
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

__all__ = ["SandboxClock", "Timer"]

_log = logging.getLogger("telnyx_conferencing.sandbox")
_IDLE_WAIT = 1.0  # the timer thread re-checks at least this often (real seconds)


@dataclass(order=True)
class Timer:
    """One scheduled callback; `cancel()` it when what it would end ended another way."""

    due: float
    seq: int
    callback: Callable[[], None] = field(compare=False, repr=False)
    cancelled: bool = field(default=False, compare=False)

    def cancel(self) -> None:
        self.cancelled = True


class SandboxClock:
    """Sandbox time (unix seconds) with timers; `now()` or call it to read, `advance()` to jump ahead."""

    def __init__(
        self, *, start: float | None = None, speed: float = 1.0, real: Callable[[], float] = time.monotonic
    ) -> None:
        _check_speed(speed)
        self.lock = threading.RLock()
        self._real = real  # the real time source that `speed` scales (tests may pass a fake one)
        self._origin = time.time() if start is None else start
        self._anchor = real()
        self._speed = speed
        self._pinned = threading.local()
        self._timers: list[Timer] = []
        self._seq = itertools.count()
        self._wake = threading.Condition(threading.Lock())
        self._dirty = False  # set by _notify, so the timer thread never sleeps through a change
        self._thread: threading.Thread | None = None
        self._closed = False

    # ---- reading and steering time -----------------------------------------------------------

    def now(self) -> float:
        pinned: float | None = getattr(self._pinned, "at", None)
        if pinned is not None:
            return pinned
        return self._origin + (self._real() - self._anchor) * self._speed

    def __call__(self) -> float:
        return self.now()

    @property
    def speed(self) -> float:
        """Sandbox seconds per real second: 1 is real time, 60 makes a minute pass in a second, 0 freezes."""
        return self._speed

    @speed.setter
    def speed(self, speed: float) -> None:
        _check_speed(speed)
        with self.lock:
            self._origin, self._anchor, self._speed = self.now(), self._real(), speed
        self._notify()

    def advance(self, seconds: float) -> None:
        """Move time forward; every timer due by then fires, in order, before this returns."""
        if not math.isfinite(seconds) or seconds < 0:
            raise ValueError(f"advance by a finite, non-negative number of seconds, not {seconds!r}")
        with self.lock:
            target = self.now() + seconds
            self.run_due(target)
            self._origin += seconds
        self._notify()

    # ---- timers -----------------------------------------------------------------------------

    def at(self, due: float, callback: Callable[[], None]) -> Timer:
        """Run `callback` (holding `lock`) when sandbox time reaches `due`."""
        timer = Timer(due, next(self._seq), callback)
        with self.lock:
            heapq.heappush(self._timers, timer)
        self._start()
        self._notify()
        return timer

    def pending(self) -> list[Timer]:
        with self.lock:
            return sorted(t for t in self._timers if not t.cancelled)

    def run_due(self, until: float | None = None) -> int:
        """Fire every timer due by `until` (now when None) in due order; returns how many fired."""
        fired = 0
        with self.lock:
            limit = self.now() if until is None else until
            while self._timers and self._timers[0].due <= limit:
                timer = heapq.heappop(self._timers)
                if timer.cancelled:
                    continue
                fired += 1
                with self.pinned_at(timer.due):
                    try:
                        timer.callback()
                    except Exception:  # one broken timer must not stop the others
                        _log.exception("sandbox timer failed")
        return fired

    def close(self) -> None:
        self._closed = True
        self._notify()
        if self._thread is not None:
            self._thread.join(timeout=5.0)

    @contextlib.contextmanager
    def pinned_at(self, moment: float) -> Iterator[None]:
        """Make this thread read `moment` until the block ends: one change, one timestamp."""
        previous = getattr(self._pinned, "at", None)
        self._pinned.at = moment
        try:
            yield
        finally:
            self._pinned.at = previous

    def _notify(self) -> None:
        with self._wake:
            self._dirty = True
            self._wake.notify_all()

    def _start(self) -> None:
        with self._wake:
            if self._thread is None and not self._closed:
                self._thread = threading.Thread(target=self._run, name="telnyx-sandbox-timers", daemon=True)
                self._thread.start()

    def _real_wait(self) -> float:
        """Real seconds until the next timer is due (capped, so a change of speed is never missed for long)."""
        with self.lock:
            while self._timers and self._timers[0].cancelled:
                heapq.heappop(self._timers)
            upcoming = self._timers[0].due if self._timers else None
        if upcoming is None or self._speed == 0:
            return _IDLE_WAIT
        return min(_IDLE_WAIT, max(0.0, (upcoming - self.now()) / self._speed))

    def _run(self) -> None:
        # Lock order is always `lock` then `_wake` (a timer may schedule another), so the wait is
        # computed before taking `_wake`; `_dirty` catches a change made in between.
        while not self._closed:
            self.run_due()
            wait = self._real_wait()
            with self._wake:
                if not self._dirty and not self._closed:
                    self._wake.wait(wait)
                self._dirty = False


def _check_speed(speed: float) -> None:
    if not math.isfinite(speed) or speed < 0:
        raise ValueError(f"speed must be a finite number >= 0, not {speed!r}")
