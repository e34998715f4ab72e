"""Runtime validation of requests and responses against the embedded spec, with openapi-core."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Hashable, Mapping, Optional, cast
from urllib.parse import parse_qsl, urlsplit

from anthropic_models.errors import MissingDependencyError
from anthropic_models_generated.spec import SPEC

if TYPE_CHECKING:
    from openapi_core import OpenAPI

__all__ = ["SpecValidator", "spec_validator"]

INSTALL_HINT = "runtime validation needs openapi-core: pip install 'anthropic-models[validation]'"


def _flatten(exc: BaseException) -> list[str]:
    """Readable ``path: message`` lines out of openapi-core's chain of exceptions."""
    lines: list[str] = []
    seen: set[int] = set()
    todo: list[Optional[BaseException]] = [exc]
    root = "$"
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if hasattr(current, "location") and hasattr(current, "name"):
            root = f"{current.location} parameter {current.name}"
        for error in getattr(current, "schema_errors", None) or ():
            path = root + "".join(
                f"[{part}]" if isinstance(part, int) else f".{part}" for part in error.absolute_path
            )
            newer = " (a value newer than the spec)" if error.validator == "enum" else ""
            lines.append(f"{path}: {error.message}{newer}")
        todo.extend([current.__cause__, current.__context__])
    cause = f" ({exc.__cause__})" if exc.__cause__ else ""
    return lines or [f"{type(exc).__name__}: {exc}{cause}"]


class _Request:
    """openapi-core's request protocol over what we know of a request."""

    def __init__(self, method: str, url: str, headers: Mapping[str, str]) -> None:
        from openapi_core.datatypes import RequestParameters
        from werkzeug.datastructures import Headers, ImmutableMultiDict

        parts = urlsplit(url)
        self.method = method.lower()
        self.host_url = f"{parts.scheme}://{parts.netloc}"
        self.path = parts.path
        self.body: Optional[bytes] = None
        self.content_type = ""
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qsl(parts.query, keep_blank_values=True)),
            header=Headers(list(headers.items())),
        )


class _Response:
    """openapi-core's response protocol over a received response."""

    def __init__(self, status: int, headers: Mapping[str, str], body: bytes) -> None:
        from werkzeug.datastructures import Headers

        self.status_code = status
        self.headers = Headers(list(headers.items()))
        self.content_type = self.headers.get("content-type", "").lower()
        self.data = body


class SpecValidator:
    """Checks requests and responses against openapi.yaml; each check returns the problems found."""

    def __init__(self) -> None:
        try:
            from openapi_core import OpenAPI
        except ImportError as exc:
            raise MissingDependencyError(INSTALL_HINT) from exc
        # A relative server URL: the spec's own server is api.anthropic.com, but the same rules
        # hold for the reference server, a gateway, or a mock on any host.
        spec = cast("dict[Hashable, Any]", {**SPEC, "servers": [{"url": "/"}]})
        self._openapi: OpenAPI = OpenAPI.from_dict(spec)

    def request_errors(self, method: str, url: str, headers: Mapping[str, str]) -> list[str]:
        """Problems with a request (parameters, security); empty when it conforms."""
        from openapi_core.exceptions import OpenAPIError

        try:
            self._openapi.validate_request(_Request(method, url, headers))
        except OpenAPIError as exc:
            return _flatten(exc)
        return []

    def response_errors(
        self, method: str, url: str, status: int, headers: Mapping[str, str], body: bytes
    ) -> list[str]:
        """Problems with a response to ``method url`` (status, headers, body); empty when it conforms."""
        from openapi_core.exceptions import OpenAPIError

        request = _Request(method, url, {})
        try:
            self._openapi.validate_response(request, _Response(status, headers, body))
        except OpenAPIError as exc:
            return _flatten(exc)
        return []


@functools.lru_cache(maxsize=1)
def spec_validator() -> SpecValidator:
    """The shared validator (building one parses the spec, so it is built once)."""
    return SpecValidator()
