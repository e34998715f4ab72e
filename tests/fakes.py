"""A fake urllib3 pool: records each request and answers from a script, without sockets."""

from __future__ import annotations

from typing import Any, Callable, Optional, Union

import attrs
from urllib3.util.retry import Retry

Answer = Union["FakeResponse", BaseException]


@attrs.define
class FakeResponse:
    """A canned response; ``stream`` yields the body in chunks of ``chunk`` bytes."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = attrs.field(factory=dict)
    chunk: int = 65536
    released: bool = False
    closed: bool = False
    retries: Optional[Retry] = None
    fail_after: Optional[BaseException] = None

    offset: int = 0

    def read1(self, amt: int) -> bytes:
        size = min(amt, self.chunk)
        chunk = self.body[self.offset : self.offset + size]
        self.offset += len(chunk)
        if not chunk and self.fail_after is not None:
            raise self.fail_after
        return chunk

    def read(self, amt: int) -> bytes:
        raise AssertionError("the transport must read with read1")

    def get_redirect_location(self) -> Optional[str]:
        return self.headers.get("location") if 300 <= self.status < 400 else None

    def release_conn(self) -> None:
        self.released = True

    def close(self) -> None:
        self.closed = True


@attrs.define
class Sent:
    """One recorded call of urlopen."""

    method: str
    url: str
    redirect: bool
    options: dict[str, Any]

    @property
    def headers(self) -> dict[str, str]:
        headers: dict[str, str] = self.options["headers"]
        return headers


@attrs.define
class FakePool:
    """Answers each urlopen with the next scripted answer (or what ``handler`` returns)."""

    answers: list[Answer] = attrs.field(factory=list)
    handler: Optional[Callable[[Sent], Answer]] = None
    sent: list[Sent] = attrs.field(factory=list)

    def urlopen(self, method: str, url: str, redirect: bool = True, **kw: Any) -> FakeResponse:
        request = Sent(method, url, redirect, kw)
        self.sent.append(request)
        answer = self.handler(request) if self.handler else self.answers.pop(0)
        if isinstance(answer, BaseException):
            raise answer
        return answer
