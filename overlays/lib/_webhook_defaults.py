"""Webhook settings shared by the SDK and the CLI, in a module light enough for `telnyx-conf --help`."""

DEFAULT_TOLERANCE = 300  # seconds either side of now that a delivery's telnyx-timestamp may be
