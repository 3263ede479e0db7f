"""``python -m generator``: rebuild the SDK from a spec (see ``--help``)."""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from .build import DEFAULT_SPEC, OVERLAYS, build, check, summary
from .errors import BuildError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC, help="OpenAPI document (YAML or JSON)")
    parser.add_argument("--out", type=Path, default=Path("generated"), help="output directory (replaced on success)")
    parser.add_argument("--overlays", type=Path, default=OVERLAYS, help=argparse.SUPPRESS)
    parser.add_argument(
        "--surface", metavar="NAME", help="which surface of overlays/surfaces.yaml to build (default: the product's)"
    )
    parser.add_argument(
        "--keep-going", action="store_true", help="build what can be built; list every dropped part with its reason"
    )
    parser.add_argument("--check", type=Path, metavar="DIR", help="regenerate in memory and fail if DIR differs")
    parser.add_argument("--explain", action="store_true", help="list every repair the normalize rules made")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    args = parser.parse_args(argv)
    try:
        if args.check:
            drift = check(args.spec, args.check, args.overlays, args.surface)
            if drift:
                print(f"error: {args.check} is stale ({len(drift)} files); run `make generate`", file=sys.stderr)
                for line in drift[:40]:
                    print(f"  {line}", file=sys.stderr)
                return 1
            print(f"{args.check} is up to date with {args.spec}")
            return 0
        result = build(args.spec, args.out, args.overlays, args.surface, args.keep_going)
        if args.explain:
            for rule, change in result.changes:
                print(f"{rule}: {change}")
        print(summary(result, args.out))
        return 0
    except BuildError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # an engine or template bug: still one line unless --debug
        if args.debug:
            raise
        print(f"error: unexpected {type(exc).__name__}: {exc} (rerun with --debug)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
