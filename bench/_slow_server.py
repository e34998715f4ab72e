"""A tiny asyncio HTTP/1.1 server for the concurrency benchmark: every ``GET`` is answered after a
fixed latency with one model, that of the path's id. 127.0.0.1 only, keep-alive, a large listen
backlog (a burst of 200 connections is not dropped); it stops when its stdin closes, and by itself
after ``--lifetime`` seconds.

``python bench/_slow_server.py LATENCY_MS LIFETIME_S`` prints ``Listening on http://127.0.0.1:PORT``.
"""

from __future__ import annotations

import asyncio
import json
import sys
from urllib.parse import unquote

from anthropic_models.server import Catalogue

MODEL = json.loads(Catalogue.synthetic(1).page_json(limit=1))["data"][0]


def _answer(model_id: str, number: int) -> bytes:
    body = json.dumps({**MODEL, "id": model_id}).encode()
    head = (
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
        f"content-length: {len(body)}\r\nrequest-id: req_{number:024d}\r\n\r\n"
    )
    return head.encode() + body


async def _serve(latency: float, lifetime: float) -> None:
    answered = 0

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal answered
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = head.split(b" ", 2)[1].decode()
                await asyncio.sleep(latency)
                answered += 1
                writer.write(_answer(unquote(path.split("?")[0].rsplit("/", 1)[-1]), answered))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, IndexError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    print(f"Listening on http://127.0.0.1:{port}", flush=True)
    loop = asyncio.get_running_loop()
    stdin_closed = loop.run_in_executor(None, sys.stdin.read)
    async with server:
        await asyncio.wait_for(stdin_closed, timeout=lifetime)


def main(latency_ms: str, lifetime: str) -> None:
    try:
        asyncio.run(_serve(float(latency_ms) / 1000, float(lifetime)))
    except asyncio.TimeoutError:
        print("slow server: lifetime over, stopping", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:3])
