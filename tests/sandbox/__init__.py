"""Tests of the offline sandbox (`telnyx_conferencing.sandbox`)."""
