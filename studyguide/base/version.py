"""The package's version (read by ``pyproject.toml`` and ``python -m studyguide --version``)."""

__version__ = "0.1.0"
