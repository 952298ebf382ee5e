"""The one error type the package raises for bad input.

Every problem with a seed text, a sidecar or a data file is reported as a
:class:`InputError` whose message is a single line that starts with the file
(and line, where one applies), in the ``path:line: message`` form that editors
and CI logs understand.
"""

from __future__ import annotations

from pathlib import Path


class InputError(ValueError):
    """Bad input in a seed text, a sidecar or a curated data file."""

    def __init__(self, path: Path | str, message: str, line: int | None = None):
        self.path = Path(path)
        self.line = line
        self.reason = " ".join(str(message).split())  # always one line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = display_path(self.path)
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.reason}"


def display_path(path: Path) -> str:
    """The path relative to the working directory when it lies below it (never just ".").

    Only the folder is resolved: a symbolic link is named as itself, never as what it points to.
    """
    resolved = Path(path).parent.resolve() / Path(path).name
    try:
        relative = resolved.relative_to(Path.cwd().resolve())
    except ValueError:
        return str(path)
    return str(relative) if relative.parts else str(resolved)
