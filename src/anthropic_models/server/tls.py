"""TLS for the reference server: a certificate and key of your own, or a throwaway self-signed set.

:func:`self_signed` makes, with the ``openssl`` command (no Python dependency), a throwaway CA
and a server certificate for ``127.0.0.1``, ``::1`` and ``localhost``, valid two days, in a
directory of its own. The CA's private key is deleted once the certificate is signed, so the CA
can vouch for nothing else. Trust ``ca_file`` in the client (``ca_certs=``, ``SSL_CERT_FILE``).
"""

from __future__ import annotations

import os
import shutil
import ssl
import subprocess
import tempfile
from pathlib import Path
from typing import Optional, Union

import attrs

from anthropic_models.errors import AnthropicModelsError

__all__ = ["TLSError", "TLSFiles", "self_signed", "server_context"]

_VALID_DAYS = "2"
_CURVE = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
_LEAF_EXTENSIONS = """\
subjectAltName = IP:127.0.0.1, IP:::1, DNS:localhost
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
"""


class TLSError(AnthropicModelsError):
    """TLS cannot be set up: unreadable certificate or key, or no ``openssl`` to make them."""


@attrs.frozen
class TLSFiles:
    """The files of a TLS setup: the server's certificate and key, and the CA to trust (if made)."""

    cert_file: Path
    key_file: Path
    ca_file: Optional[Path] = None
    directory: Optional[Path] = None
    """A directory made for these files (removed by :meth:`remove`), or None."""

    def remove(self) -> None:
        """Delete a directory made by :func:`self_signed` (nothing for files of your own)."""
        if self.directory is not None:
            shutil.rmtree(self.directory, ignore_errors=True)


def _openssl(*args: str, cwd: Path) -> None:
    executable = shutil.which("openssl")
    if executable is None:
        raise TLSError("--tls-self-signed needs the openssl command, which is not on PATH")
    result = subprocess.run(
        [executable, *args], cwd=cwd, capture_output=True, text=True, timeout=60, check=False
    )
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["no message"])[-1]
        raise TLSError(f"openssl {args[0]} failed: {last[:200]}")


def self_signed(directory: Union[str, os.PathLike[str], None] = None) -> TLSFiles:
    """A throwaway CA and a server certificate for the loopback names, made with ``openssl``.

    ``directory``: where to write them (made if needed); None makes a temporary one, which
    :meth:`TLSFiles.remove` deletes. Raises :class:`TLSError` without ``openssl``.
    """
    made = directory is None
    where = Path(tempfile.mkdtemp(prefix="anthropic-models-tls-") if made else str(directory))
    where.mkdir(parents=True, exist_ok=True)
    try:
        _openssl(
            "req",
            "-x509",
            *_CURVE,
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            _VALID_DAYS,
            "-subj",
            "/CN=anthropic-models throwaway CA",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
            cwd=where,
        )
        _openssl(
            "req", *_CURVE, "-keyout", "server.key", "-out", "server.csr",
            "-subj", "/CN=localhost", cwd=where,
        )  # fmt: skip
        (where / "server.ext").write_text(_LEAF_EXTENSIONS, encoding="ascii")
        _openssl(
            "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
            "-CAcreateserial", "-out", "server.pem", "-days", _VALID_DAYS,
            "-extfile", "server.ext", cwd=where,
        )  # fmt: skip
    except BaseException:
        if made:
            shutil.rmtree(where, ignore_errors=True)
        raise
    finally:
        for leftover in ("ca.key", "ca.srl", "server.csr", "server.ext"):
            (where / leftover).unlink(missing_ok=True)
    (where / "server.key").chmod(0o600)
    return TLSFiles(
        cert_file=where / "server.pem",
        key_file=where / "server.key",
        ca_file=where / "ca.pem",
        directory=where if made else None,
    )


def server_context(
    cert_file: Union[str, os.PathLike[str]], key_file: Union[str, os.PathLike[str]]
) -> ssl.SSLContext:
    """A server-side TLS context (TLS 1.2 or later) serving this certificate chain and key.

    Raises :class:`TLSError` naming the files when they cannot be read or do not match.
    """
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        # A callback, so that an encrypted key fails instead of prompting on the terminal.
        context.load_cert_chain(cert_file, key_file, password=lambda: b"")
    except (OSError, ssl.SSLError) as exc:
        reason = getattr(exc, "strerror", None) or getattr(exc, "reason", None) or str(exc)
        raise TLSError(
            f"cannot use the certificate {os.fspath(cert_file)!r} with the key "
            f"{os.fspath(key_file)!r}: {reason}"
        ) from None
    return context
