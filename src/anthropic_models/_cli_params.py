"""Command-line options made from the spec's parameters: one ``--kebab-case`` option each.

Standard library and the generated operations only (``--help`` loads neither urllib3 nor attrs).
A parameter's option is its keyword name in kebab case (``after_id`` is ``--after-id``), typed and
checked by the parameter's metadata, its help the first sentence of the spec's description with
its bounds and default; an array parameter's option is repeated for several values. A parameter
added to the spec appears on the command that runs its operation with no hand edit.

>>> import argparse
>>> from anthropic_models_generated.operations import LIST_MODELS
>>> parser = argparse.ArgumentParser()
>>> params = add_parameter_options(parser, LIST_MODELS, skip={"after_id", "before_id"})
>>> args = parser.parse_args(["--limit", "5", "--lifecycle", "retired"])
>>> given(args)
{'limit': 5, 'lifecycle': ['retired']}
"""

from __future__ import annotations

import argparse
import os
from typing import Any, Callable, Collection, Mapping, Optional

from anthropic_models_generated.operations import InvalidParameterError, Operation, Parameter

__all__ = ["add_parameter_options", "given", "option", "words"]


def option(param: Parameter) -> str:
    """The option of a parameter: ``--`` and its keyword name in kebab case."""
    return "--" + param.python_name.replace("_", "-")


_ADDED = "spec_parameters"
"""Where the parsed arguments keep the parameters whose options the command has."""


def _reader(param: Parameter, extras: Collection[str] = ()) -> Callable[[str], Any]:
    """One command-line word read and checked as the spec says (argparse's error if not)."""

    def read(text: str) -> Any:
        if text in extras:
            return text
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # argv bytes that are not UTF-8 (surrogate-escaped)
            shown = repr(os.fsencode(text))[:80]
            raise argparse.ArgumentTypeError(f"is not valid UTF-8: {shown}") from None
        try:
            value = param.parse([text])
        except InvalidParameterError as exc:
            message = str(exc).removeprefix(param.name + " ")
            if extras:
                message += f" (or {', '.join(sorted(extras))})"
            raise argparse.ArgumentTypeError(message) from None
        return value[0] if isinstance(value, tuple) else value

    read.__name__ = param.scalar_kind  # argparse names it in "invalid ... value"
    return read


def _help(param: Parameter) -> str:
    words = [param.summary.rstrip(".")] if param.summary else []
    if param.minimum is not None and param.maximum is not None:
        words.append(f"{param.minimum}-{param.maximum}")
    if param.enum is not None:
        words.append("one of " + ", ".join(param.enum))
    if param.kind == "array":
        bound = f", at most {param.max_items}" if param.max_items is not None else ""
        words.append(f"repeat for several{bound}")
    if param.default is not None:
        words.append(f"the server's default is {param.default}")
    return "; ".join(words).replace("%", "%%")


def add_parameter_options(
    parser: argparse.ArgumentParser,
    operation: Operation,
    *,
    skip: Collection[str] = (),
    only: Optional[Collection[str]] = None,
    extra_choices: Collection[str] = (),
    aliases: Optional[Mapping[str, str]] = None,
) -> list[Parameter]:
    """Add an option per query and header parameter of ``operation`` (``only`` these, none of
    ``skip``, nor the client's own settings such as ``anthropic-version``); returns them.

    ``extra_choices`` are words the command gives a meaning of its own (``all``); they pass the
    check and the command reads them. ``aliases`` gives a parameter a second, shorter option.
    """
    added = []
    for param in operation.parameters:
        if param.location == "path" or param.client_option or param.python_name in skip:
            continue
        if only is not None and param.python_name not in only:
            continue
        alias = (aliases or {}).get(param.python_name)
        parser.add_argument(
            option(param),
            *([alias] if alias else []),
            dest=param.python_name,
            type=_reader(param, frozenset(extra_choices)),
            action="append" if param.kind == "array" else "store",
            metavar=(param.python_name if param.kind == "array" else param.scalar_kind).upper(),
            help=_help(param),
        )
        added.append(param)
    before = parser.get_default(_ADDED) or ()
    parser.set_defaults(**{_ADDED: (*before, *added)})
    return added


def given(args: argparse.Namespace) -> dict[str, Any]:
    """The spec parameters given on the command line, by keyword name (the others left out)."""
    found = {}
    for param in getattr(args, _ADDED, ()):
        value = getattr(args, param.python_name, None)
        if value is not None:
            found[param.python_name] = value
    return found


def words(args: argparse.Namespace, values: Mapping[str, Any]) -> list[str]:
    """The command-line words that give these values to the command's spec options.

    >>> import argparse
    >>> from anthropic_models_generated.operations import LIST_MODELS
    >>> parser = argparse.ArgumentParser()
    >>> _ = add_parameter_options(parser, LIST_MODELS)
    >>> words(parser.parse_args([]), {"limit": 5, "lifecycle": ["active", "retired"]})
    ['--limit', '5', '--lifecycle', 'active', '--lifecycle', 'retired']
    """
    out: list[str] = []
    for param in getattr(args, _ADDED, ()):
        value = values.get(param.python_name)
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if item is not None:
                out += [option(param), str(item)]
    return out
