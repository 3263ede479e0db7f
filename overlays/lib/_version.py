"""The package version, sent in the User-Agent header; equal to pyproject.toml's and CHANGELOG.md's latest."""

__version__ = "0.2.0"
