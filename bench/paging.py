"""One paging run in a fresh process: iterate every conference the loopback server lists, report RSS growth.

`python -m bench.paging VARIANT BASE_URL` (VARIANT: floor, ours or official; the official one under the peer
venv) prints one JSON line: items seen, seconds, RSS before the loop and its peak during it (bytes). The peak is
VmHWM after resetting it through /proc/self/clear_refs; where that is refused, ru_maxrss (then `peak_reset` is
false and the figure is an upper bound on the process's lifetime peak).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Iterator
from typing import Any

from .fixtures import API_KEY

PAGE_SIZE = 250


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise KeyError(field)


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


def _floor(base_url: str) -> Iterator[Any]:
    """Bare httpx: fetch page after page and decode it, keeping nothing but the current page."""
    import httpx

    with httpx.Client(headers={"Authorization": f"Bearer {API_KEY}"}) as client:
        number = 1
        while True:
            body = client.get(
                f"{base_url}/conferences", params={"page[number]": number, "page[size]": PAGE_SIZE}
            ).json()
            yield from body["data"]
            if number >= body["meta"]["total_pages"]:
                return
            number += 1


def _ours(base_url: str) -> Iterator[Any]:
    import telnyx_conferencing

    with telnyx_conferencing.Telnyx(api_key=API_KEY, base_url=base_url) as client:
        yield from client.conferences.list(page_size=PAGE_SIZE)


def _official(base_url: str) -> Iterator[Any]:
    import telnyx

    with telnyx.Telnyx(api_key=API_KEY, base_url=base_url) as client:
        yield from client.conferences.list(page_size=PAGE_SIZE)


def main() -> None:
    variant, base_url = sys.argv[1], sys.argv[2]
    items = {"floor": _floor, "ours": _ours, "official": _official}[variant](base_url)
    first = next(items)  # imports done, client built, first page fetched and decoded
    count = 1
    rss_before = _status_kb("VmRSS") * 1024
    peak_reset = _reset_peak()
    started = time.perf_counter()
    for item in items:
        count += 1
        del item
    elapsed = time.perf_counter() - started
    peak = _status_kb("VmHWM") * 1024 if peak_reset else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    del first
    result = {"items": count, "seconds": elapsed, "rss_before": rss_before, "peak": peak, "peak_reset": peak_reset}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
