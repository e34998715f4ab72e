"""The package version (one place, read by the package, the client and pyproject)."""

__version__ = "0.1.0"
