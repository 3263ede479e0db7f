"""The check behind the sandbox's optional dependencies (the ``sandbox`` extra)."""

from __future__ import annotations

import importlib.util

__all__ = ["INSTALL_HINT", "require_extra"]

INSTALL_HINT = "pip install 'telnyx-conferencing[sandbox]'"
_REQUIRED = ("starlette", "uvicorn", "jsonschema")


def require_extra() -> None:
    """Raise ImportError with an install hint when a package the sandbox needs is missing."""
    missing = [name for name in _REQUIRED if importlib.util.find_spec(name) is None]
    if missing:
        raise ImportError(
            f"the Telnyx sandbox needs {', '.join(missing)}, which {'is' if len(missing) == 1 else 'are'} "
            f"not installed: {INSTALL_HINT}"
        )
