"""Side-by-side benchmarks of telnyx-conferencing (`make bench`, or `python -m bench` from the repo root).

Every figure is compared in the same run against a floor (bare httpx, bare PyNaCl, `python -c pass`, a bare
YAML load) and, when `bench/.venv-peer` holds it, the official `telnyx` SDK driven in a subprocess. Modules
here import only the standard library at top level, so `bench.worker` also runs under the peer venv.
"""
