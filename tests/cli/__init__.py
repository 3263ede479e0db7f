"""Tests of the bundled ``telnyx-conf`` command line."""
