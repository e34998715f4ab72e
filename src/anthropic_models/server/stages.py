"""The lifecycle stages as the catalogue keeps them: one code per stage, and a request's view.

The stages, their order and the most a request may name are the spec's (the ``lifecycle[]``
parameter's enum and maxItems); that retired models stay out of the default view is the API's
contract. A request's stages are checked by the parameter's own metadata (the one generic check).

>>> sorted(STAGE_CODE[stage] for stage in DEFAULT_LIFECYCLE) == sorted(stage_codes(None))
True
"""

from __future__ import annotations

from typing import Iterable, Optional

from anthropic_models.errors import AnthropicModelsError
from anthropic_models_generated.operations import LIST_MODELS, InvalidParameterError

__all__ = ["ALL_CODES", "DEFAULT_LIFECYCLE", "STAGES", "STAGE_CODE", "PageError", "stage_codes"]

_LIFECYCLE = LIST_MODELS.parameter("lifecycle")

STAGES: tuple[str, ...] = _LIFECYCLE.enum or ()
"""The lifecycle stages, in the spec's order: active, deprecated, retired."""

DEFAULT_LIFECYCLE: tuple[str, ...] = tuple(stage for stage in STAGES if stage != "retired")
"""The view of a list request without ``lifecycle[]``: every stage but ``retired``."""

STAGE_CODE: dict[str, int] = {stage: code for code, stage in enumerate(STAGES)}
"""Each stage's code, as the catalogue stores it (one byte per model)."""

ALL_CODES = frozenset(STAGE_CODE.values())
_DEFAULT_CODES = frozenset(STAGE_CODE[stage] for stage in DEFAULT_LIFECYCLE)


class PageError(AnthropicModelsError, ValueError):
    """A page cannot be served: bad limit or lifecycle, both cursors, or a cursor naming no model."""

    def __init__(self, parameter: str, message: str) -> None:
        self.parameter = parameter
        super().__init__(f"{parameter}: {message}")


def stage_codes(lifecycle: Optional[Iterable[str]]) -> frozenset[int]:
    """The stages a request asks for; None is the default view. PageError for a bad request."""
    if lifecycle is None:
        return _DEFAULT_CODES
    name = _LIFECYCLE.name
    if isinstance(lifecycle, (str, bytes)):
        raise PageError(name, "expected a sequence of stages, not a single string")
    try:
        values = _LIFECYCLE.check(list(lifecycle))
    except InvalidParameterError as exc:
        raise PageError(name, str(exc).removeprefix(_LIFECYCLE.python_name + " ")) from None
    assert isinstance(values, tuple)
    return frozenset(STAGE_CODE[str(value)] for value in values)
