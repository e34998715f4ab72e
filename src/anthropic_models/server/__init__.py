"""The reference server: the Models API on loopback, exactly as openapi.yaml describes it.

A WSGI application over an immutable catalogue (stdlib only at its core), runnable in a thread,
from the command line (``python -m anthropic_models.server``) or under any WSGI server
(``gunicorn 'anthropic_models.server:create_app()'``).

>>> with serve_in_thread(api_key="sk-test") as server:
...     server.url.startswith("http://127.0.0.1:"), len(server.catalog)
(True, 33)
"""

from __future__ import annotations

import os
from typing import Any, Union

from anthropic_models.server.app import ModelsApp
from anthropic_models.server.catalog import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    CatalogError,
    Catalogue,
    PageError,
)
from anthropic_models.server.runner import RunningServer, serve_forever, serve_in_thread

Catalog = Catalogue
"""The earlier name of :class:`Catalogue` (one word, catalogue, for one thing), kept for
existing test suites."""

__all__ = [
    "DEFAULT_LIMIT",
    "MAX_LIMIT",
    "Catalog",
    "CatalogError",
    "Catalogue",
    "ModelsApp",
    "PageError",
    "RunningServer",
    "create_app",
    "serve_forever",
    "serve_in_thread",
]


def create_app(catalog: Union[str, os.PathLike[str], None] = None, **options: Any) -> ModelsApp:
    """A WSGI application for any WSGI server: the built-in catalogue, or one from a JSON file.

    ``options`` are those of :class:`ModelsApp` (``api_key``, ``latency_ms``, ``validate``...).

    >>> create_app(api_key="sk-test").api_key
    'sk-test'
    """
    return ModelsApp(catalog, **options)
