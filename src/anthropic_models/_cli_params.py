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
>>> given(args, params)
{'limit': 5, 'lifecycle': ['retired']}
"""

from __future__ import annotations

import argparse
from typing import Any, Callable, Collection

from anthropic_models_generated.operations import InvalidParameterError, Operation, Parameter

__all__ = ["add_parameter_options", "dest", "given", "option"]


def option(param: Parameter) -> str:
    """The option of a parameter: ``--`` and its keyword name in kebab case."""
    return "--" + param.python_name.replace("_", "-")


def dest(param: Parameter) -> str:
    """Where argparse keeps a parameter's value (not the name of an option of the command)."""
    return "spec_" + param.python_name


def _reader(param: Parameter, extras: Collection[str] = ()) -> Callable[[str], Any]:
    """One command-line word read and checked as the spec says (argparse's error if not)."""

    def read(text: str) -> Any:
        if text in extras:
            return text
        try:
            value = param.parse([text])
        except InvalidParameterError as exc:
            message = str(exc)
            raise argparse.ArgumentTypeError(message.removeprefix(param.name + " ")) from None
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
    extra_choices: Collection[str] = (),
) -> list[Parameter]:
    """Add an option per query and header parameter of ``operation`` (not ``skip``'s, nor the
    client's own settings such as ``anthropic-version``); returns the parameters added.

    ``extra_choices`` are words the command gives a meaning of its own (``all``); they pass the
    check and the command reads them.
    """
    added = []
    for param in operation.parameters:
        if param.location == "path" or param.client_option or param.python_name in skip:
            continue
        parser.add_argument(
            option(param),
            dest=dest(param),
            type=_reader(param, frozenset(extra_choices)),
            action="append" if param.kind == "array" else "store",
            metavar=(param.python_name if param.kind == "array" else param.scalar_kind).upper(),
            help=_help(param),
        )
        added.append(param)
    return added


def given(args: argparse.Namespace, params: Collection[Parameter]) -> dict[str, Any]:
    """The values given on the command line, by keyword name (the ones not given left out)."""
    found = {}
    for param in params:
        value = getattr(args, dest(param), None)
        if value is not None:
            found[param.python_name] = value
    return found
