"""Writes the reference pages at build time (run by mkdocs-gen-files): nothing here lists a resource by hand.

Resources come from walking the `Telnyx` client's sub-resource properties, events from `EVENT_TYPES`,
commands from the click tree, sandbox endpoints from the sandbox app's routes. Each page is then
filled by mkdocstrings from the generated package's docstrings (the spec's descriptions).
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterator

import click
import mkdocs_gen_files

from telnyx_conferencing import _client, _exceptions, webhooks
from telnyx_conferencing.cli import PROG_NAME, cli
from telnyx_conferencing.sandbox import _app, _routes
from telnyx_conferencing.webhooks import events

# The /sandbox/* endpoints with no docstring of their own; the build fails if one is missing or stale.
SANDBOX_ENDPOINTS = {
    "GET /sandbox/health": 'Liveness: `{"status": "ok"}`.',
    "GET /sandbox/public-key": "The base64 Ed25519 public key that signs the sandbox's webhooks.",
    "GET /sandbox/events": "Every webhook delivery (status, attempts, target); `?event_type=` filters.",
    "GET /sandbox/inbox": "Deliveries received by the in-memory inbox (when no webhook URL is set).",
    "POST /sandbox/inbox": "A webhook receiver that stores what it is sent.",
    "GET /sandbox/stats": "Counters: commands applied, deduplicated, applied twice, faults injected.",
    "GET /sandbox/queues": "The queues with their calls, positions and wait times.",
    "GET /sandbox/faults": "The fault-injection settings.",
    "POST /sandbox/faults": "Change fault injection: some of `rate`, `seed`, `kinds`, `after_share`, `delay`, ...",
    "GET /sandbox/clock": "The sandbox clock: `now`, `speed`, pending timers.",
    "GET /sandbox": "Redirects to the console.",
    "GET /sandbox/": "The console page (live state, actions).",
    "GET /sandbox/console/{name}": "The console's static assets (shipped in the package).",
    "GET /sandbox/state": "Everything the console shows, as JSON.",
    "POST /sandbox/calls/inbound": 'Inject an inbound call: `{"from", "to", "digits"}` sends a signed `call.initiated`.',
    "POST /sandbox/calls/{call_control_id}/digits": "Script the DTMF digits a leg's next gather receives.",
    "POST /sandbox/calls/{call_control_id}/hangup": "Hang up a call leg.",
    "POST /sandbox/conferences/{id}/end": "End a conference.",
    "POST /sandbox/events/{number}/redeliver": "Send a webhook delivery again.",
}


def write(path: str, text: str) -> None:
    with mkdocs_gen_files.open(path, "w") as page:
        page.write(text)


def directive(target: str, **options: object) -> str:
    lines = [f"::: {target}"]
    if options:
        lines.append("    options:")
        lines += [f"      {key}: {value!r}".replace("'", '"') for key, value in options.items()]
    return "\n".join(lines) + "\n\n"


def resources(owner: object, prefix: str = "") -> Iterator[tuple[str, type]]:
    """(dotted path, resource class) for every sub-resource property, depth first, from the client down."""
    names = [name for name, member in vars(type(owner)).items() if isinstance(member, functools.cached_property)]
    if isinstance(owner, _client.Telnyx):
        names[:0] = _client._RESOURCES  # the client's resources are a table, not properties (see _client.py)
    for name in names:
        resource = getattr(owner, name)  # built on first access, like in an app
        if type(resource).__name__.endswith("Resource"):
            yield f"{prefix}{name}", type(resource)
            yield from resources(resource, f"{prefix}{name}.")


def async_twin(resource: type) -> type:
    module = __import__(resource.__module__, fromlist=["_"])
    twin: type = getattr(module, "Async" + resource.__name__)
    return twin


def resource_pages() -> None:
    index = ["# Resources\n", "Every resource of `Telnyx` (and its `AsyncTelnyx` twin, same methods, awaited).\n"]
    for path, resource in resources(_client.Telnyx(api_key="docs")):
        twin = async_twin(resource)
        index.append(f"- [`client.{path}`]({path}.md)")
        write(
            f"reference/resources/{path}.md",
            f"# client.{path}\n\n"
            + directive(f"{resource.__module__}.{resource.__name__}")
            + f"`{twin.__name__}` has the same methods as coroutines (`await client.{path}.<method>(...)`).\n\n"
            + directive(f"{twin.__module__}.{twin.__name__}", members=False),
        )
    write("reference/resources/index.md", "\n".join(index) + "\n")


def client_page() -> None:
    errors = sorted(
        (name for name, obj in vars(_exceptions).items() if isinstance(obj, type) and issubclass(obj, Exception)),
        key=lambda name: getattr(_exceptions, name).__mro__[::-1].index(getattr(_exceptions, name)),
    )
    text = "# Client and errors\n\n" + directive("telnyx_conferencing._client.Telnyx", inherited_members=True)
    text += directive("telnyx_conferencing._client.AsyncTelnyx", members=False)
    text += "## Errors\n\n" + "".join(directive(f"telnyx_conferencing._exceptions.{name}") for name in errors)
    write("reference/client.md", text)


def webhook_pages() -> None:
    members = [name for name in webhooks.__all__ if name[0].isupper() and not hasattr(events, name)]
    functions = [name for name in webhooks.__all__ if name[0].islower()]
    text = "# Webhooks\n\n" + directive("telnyx_conferencing.webhooks", members=functions + members)
    text += directive("telnyx_conferencing.webhooks.testing")
    write("reference/webhooks.md", text)

    text = "# Webhook events\n\nOne class per `event_type`, with its payload; `match` on them after `unwrap()`.\n\n"
    names: dict[type, list[str]] = {}
    for event_type, event_class in events.EVENT_TYPES.items():  # an alias shares its class
        names.setdefault(event_class, []).append(f"`{event_type}`")
    for event_class, types in names.items():
        payload = typing.get_type_hints(event_class)["payload"]
        text += f"## {' / '.join(types)}\n\n" + directive(f"{events.__name__}.{event_class.__name__}", heading_level=3)
        text += directive(f"{events.__name__}.{payload.__name__}", heading_level=3)
    text += "## Unknown event types\n\n" + directive("telnyx_conferencing.webhooks.UnknownEvent", heading_level=3)
    write("reference/events.md", text)


def commands(command: click.Command, ctx: click.Context) -> Iterator[tuple[click.Command, click.Context]]:
    yield command, ctx
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                yield from commands(sub, click.Context(sub, info_name=name, parent=ctx))


def cli_page() -> None:
    text = f"# The CLI: `{PROG_NAME}`\n\nEvery command with its `--help`, read from the click command tree.\n\n"
    for command, ctx in commands(cli, click.Context(cli, info_name=PROG_NAME)):
        level = "#" * min(ctx.command_path.count(" ") + 2, 6)
        text += f"{level} `{ctx.command_path}`\n\n```text\n{command.get_help(ctx)}\n```\n\n"
    write("reference/cli.md", text)


def sandbox_page() -> None:
    from telnyx_conferencing import sandbox

    public = [name for name in sandbox.__all__ if name[0].isupper() or callable(getattr(sandbox, name))]
    text = "# Sandbox\n\n" + directive("telnyx_conferencing.sandbox", members=False)
    for name in public:
        obj = getattr(sandbox, name)
        if hasattr(obj, "__module__") and hasattr(obj, "__qualname__"):
            text += directive(f"{obj.__module__}.{obj.__qualname__}")
    text += "## pytest plugin\n\n" + directive("telnyx_conferencing.sandbox.pytest_plugin", show_root_heading=False)
    text += "## HTTP endpoints\n\n### The API (validated against spec/)\n\n| method | path | SDK |\n|---|---|---|\n"
    text += "".join(f"| {r.http_verb} | `/v2{r.url_path}` | `client.{r.facade}()` |\n" for r in _routes.ROUTES)
    text += "\n### Sandbox controls\n\n| method | path | what it does |\n|---|---|---|\n"
    text += "".join(f"| {key.split()[0]} | `{key.split()[1]}` | {doc} |\n" for key, doc in sandbox_endpoints().items())
    write("reference/sandbox.md", text)


def sandbox_endpoints() -> dict[str, str]:
    app = _app.SandboxApp()
    try:
        found: dict[str, str] = {}
        for route in app._starlette.routes:  # the Starlette routing table the app serves
            path = typing.cast(str, getattr(route, "path", "")).replace(":path}", "}").replace(":int}", "}")
            for method in sorted(set(getattr(route, "methods", None) or ()) - {"HEAD"}):
                if path.startswith("/sandbox"):
                    doc = (getattr(route, "endpoint", None).__doc__ or "").strip().split("\n")[0]
                    found[f"{method} {path}"] = SANDBOX_ENDPOINTS.get(f"{method} {path}") or doc
    finally:
        app.close()
    missing = [key for key, doc in found.items() if not doc]
    stale = sorted(set(SANDBOX_ENDPOINTS) - set(found))
    if missing or stale:
        raise RuntimeError(f"docs/gen_reference.py: undocumented sandbox endpoints {missing}, stale entries {stale}")
    return found


resource_pages()
client_page()
webhook_pages()
cli_page()
sandbox_page()
