"""The one error type of the build step: a message a maintainer can act on, printed as one line."""


class BuildError(Exception):
    """A problem with the spec, the overlays or the engine that stops the build.

    ``where`` names the file (and line, when known) the problem is in.
    """

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)
