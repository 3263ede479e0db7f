"""A minimal keep-alive HTTP/1.1 loopback server for the per-call and paging benchmarks (stdlib asyncio only).

`python -m bench.server FIXTURES.json` binds 127.0.0.1 on a free port, prints the port on stdout, and serves
until its stdin closes (the parent exited) or `MAX_SECONDS` pass, so it never outlives the benchmark:

- `GET /conferences/{id}` -> the spec's RetrieveConference example;
- `POST /conferences/{id}/actions/join` -> the spec's JoinConference example;
- `GET /conferences?page[number]=N&page[size]=S` -> S copies of the example conference with
  `meta.total_pages = TOTAL_PAGES` (an empty page past it).

Responses are precomputed bytes, so the server costs the same few microseconds for every client it serves.
"""

from __future__ import annotations

import asyncio
import json
import sys
import threading
from typing import Any
from urllib.parse import parse_qs

TOTAL_PAGES = 400
MAX_SECONDS = 900.0


def _response(body: bytes, status: bytes = b"200 OK") -> bytes:
    head = b"HTTP/1.1 %s\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n" % (status, len(body))
    return head + body


class Routes:
    """Maps a request line to precomputed response bytes."""

    def __init__(self, examples: dict[str, Any]) -> None:
        self.retrieve = _response(json.dumps(examples["retrieve"]).encode())
        self.join = _response(json.dumps(examples["join"]).encode())
        self.not_found = _response(b'{"errors":[{"code":"10005","title":"Resource not found"}]}', b"404 Not Found")
        self._item = json.dumps(examples["conference"]).encode()
        self._data: dict[int, bytes] = {}

    def page(self, query: str) -> bytes:
        params = parse_qs(query)
        number = int(params.get("page[number]", ["1"])[0])
        size = int(params.get("page[size]", ["20"])[0])
        if size not in self._data:
            self._data[size] = b"[" + b",".join([self._item] * size) + b"]"
        data = self._data[size] if number <= TOTAL_PAGES else b"[]"
        meta = b'{"page_number":%d,"page_size":%d,"total_pages":%d,"total_results":%d}' % (
            number,
            size,
            TOTAL_PAGES,
            TOTAL_PAGES * size,
        )
        return _response(b'{"data":' + data + b',"meta":' + meta + b"}")

    def route(self, method: bytes, target: bytes) -> bytes:
        path, _, query = target.partition(b"?")
        parts = path.split(b"/")
        if method == b"GET" and path.endswith(b"/conferences"):
            return self.page(query.decode("latin-1"))
        if method == b"GET" and len(parts) >= 2 and parts[-2] == b"conferences":
            return self.retrieve
        if method == b"POST" and path.endswith(b"/actions/join"):
            return self.join
        return self.not_found


class Connection(asyncio.Protocol):
    """Parses pipelined requests from one keep-alive connection and writes the routed responses."""

    def __init__(self, routes: Routes) -> None:
        self._routes = routes
        self._buffer = b""
        self._transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport

    def data_received(self, data: bytes) -> None:
        buffer = self._buffer + data
        while True:
            end = buffer.find(b"\r\n\r\n")
            if end < 0:
                break
            head = buffer[:end]
            length = 0
            marker = head.lower().find(b"\r\ncontent-length:")
            if marker >= 0:
                line_end = head.find(b"\r\n", marker + 2)
                length = int(head[marker + 17 : line_end if line_end >= 0 else len(head)])
            if len(buffer) < end + 4 + length:
                break
            method, target, _ = head[: head.find(b"\r\n")].split(b" ", 2)
            buffer = buffer[end + 4 + length :]
            assert self._transport is not None
            self._transport.write(self._routes.route(method, target))
        self._buffer = buffer


async def serve(examples: dict[str, Any]) -> None:
    loop = asyncio.get_running_loop()
    routes = Routes(examples)
    server = await loop.create_server(lambda: Connection(routes), "127.0.0.1", 0, backlog=64)
    port = server.sockets[0].getsockname()[1]
    sys.stdout.write(f"{port}\n")
    sys.stdout.flush()
    stdin_closed = loop.create_future()

    def wait_for_eof() -> None:
        sys.stdin.read()
        loop.call_soon_threadsafe(stdin_closed.set_result, None)

    threading.Thread(target=wait_for_eof, daemon=True).start()  # a daemon: never holds up the exit
    try:
        await asyncio.wait_for(stdin_closed, MAX_SECONDS)
    except TimeoutError:
        pass
    server.close()


def main() -> None:
    with open(sys.argv[1]) as handle:
        examples = json.load(handle)
    asyncio.run(serve(examples))


if __name__ == "__main__":
    main()
