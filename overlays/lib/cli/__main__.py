"""``python -m telnyx_conferencing.cli``: the same as the ``telnyx-conf`` console script."""

from . import main

if __name__ == "__main__":
    main()
