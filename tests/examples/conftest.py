"""The examples import each other as top-level modules (`from call_center import ...`), as when run as scripts."""

from __future__ import annotations

import sys

from tests.conftest import PROJECT

EXAMPLES = PROJECT / "examples"
if str(EXAMPLES) not in sys.path:
    sys.path.insert(0, str(EXAMPLES))
