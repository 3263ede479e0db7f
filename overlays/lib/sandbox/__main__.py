"""``python -m telnyx_conferencing.sandbox serve ...``: the sandbox CLI without the root ``telnyx-conf`` command."""

from __future__ import annotations

from .cli import sandbox

if __name__ == "__main__":
    sandbox(prog_name="python -m telnyx_conferencing.sandbox")
