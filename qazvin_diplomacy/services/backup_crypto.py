"""Password encryption of backup files: scrypt + AES-256-GCM in authenticated chunks.

Layout of an encrypted backup::

    header  = MAGIC (8) | format (1) | log2(n) (1) | r (1) | p (1) | chunk size (4, big-endian)
              | salt (16) | nonce prefix (4)
    chunk i = AES-256-GCM(key, nonce = prefix | i (8 bytes, big-endian),
                          data = plaintext[i*size : (i+1)*size],
                          associated data = header | i (8) | final flag (1)) -> ciphertext + 16-byte tag

Every chunk but the last holds exactly ``chunk size`` bytes of plaintext; the last one holds
0 … ``chunk size`` bytes and is the only one sealed with the final flag set. So a changed
byte anywhere (header included, as it is bound into every chunk), chunks swapped, dropped or
appended, or a file cut short — even exactly on a chunk boundary — all fail authentication.
The nonce never repeats: a fresh random prefix and salt (hence key) per file, a counter per chunk.

scrypt with n=2**17, r=8, p=1 uses 128 MiB and about half a second on an office PC: the
work factor OWASP recommends for interactive use, and a backup is restored rarely.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Callable
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from qazvin_diplomacy.core.backups import BackupPasswordError, refused

MAGIC = b"QZDBAK1\x00"
FORMAT = 1
SCRYPT_LOG2_N = 17
SCRYPT_R = 8
SCRYPT_P = 1
CHUNK_SIZE = 1024 * 1024
TAG_SIZE = 16
_HEADER = struct.Struct(">8sBBBBI16s4s")
HEADER_SIZE = _HEADER.size

# Accepted when reading: only what this program writes (n may be lower, for tests), checked
# before scrypt runs, so a crafted header cannot make "wrong password" cost gigabytes and
# minutes (n=2**20, r=32, p=4 would take 4 GiB and 40 s). At most 128 MiB and half a second.
_LOG2_N_RANGE = range(14, SCRYPT_LOG2_N + 1)
_R_RANGE = range(SCRYPT_R, SCRYPT_R + 1)
_P_RANGE = range(SCRYPT_P, SCRYPT_P + 1)
_CHUNK_RANGE = range(4096, 16 * 1024 * 1024 + 1)


def derive_key(password: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    """A 256-bit key from ``password`` with scrypt."""
    kdf = Scrypt(salt=salt, length=32, n=2**log2_n, r=r, p=p)
    return kdf.derive(password.encode("utf-8"))


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + index.to_bytes(8, "big")


def _aad(header: bytes, index: int, final: bool) -> bytes:
    return header + index.to_bytes(8, "big") + (b"\x01" if final else b"\x00")


def is_encrypted_file(fh: BinaryIO) -> bool:
    """True when the stream (positioned at its start) begins with the encrypted-backup magic."""
    start = fh.read(len(MAGIC))
    fh.seek(0)
    return start == MAGIC


class EncryptingWriter:
    """A write-only, non-seekable stream that encrypts into ``out`` (for ``zipfile``).

    Call ``close()`` to seal the final chunk; the underlying file is not closed.
    """

    def __init__(self, out: BinaryIO, password: str) -> None:
        if not password:
            raise ValueError("empty password")
        salt = os.urandom(16)
        self._prefix = os.urandom(4)
        self._chunk = CHUNK_SIZE
        self._header = _HEADER.pack(
            MAGIC, FORMAT, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P, self._chunk, salt, self._prefix
        )
        self._aes = AESGCM(derive_key(password, salt, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P))
        self._out = out
        self._buffer = bytearray()
        self._index = 0
        self._position = 0
        self._closed = False
        out.write(self._header)

    def write(self, data: bytes) -> int:
        """Buffer ``data``; seal every full chunk that is certainly not the last one."""
        if self._closed:
            raise ValueError("write to a closed EncryptingWriter")
        self._buffer += data
        self._position += len(data)
        # Strictly more than one chunk buffered: the first one cannot be the final chunk.
        while len(self._buffer) > self._chunk:
            self._seal(bytes(self._buffer[: self._chunk]), final=False)
            del self._buffer[: self._chunk]
        return len(data)

    def tell(self) -> int:
        """Bytes of plaintext written so far (``zipfile`` needs this)."""
        return self._position

    def flush(self) -> None:
        """Nothing to do: chunks are written as soon as they are complete."""

    def close(self) -> None:
        """Seal the final chunk (possibly empty)."""
        if not self._closed:
            self._seal(bytes(self._buffer), final=True)
            self._buffer.clear()
            self._closed = True

    def _seal(self, plain: bytes, *, final: bool) -> None:
        index = self._index
        self._out.write(
            self._aes.encrypt(_nonce(self._prefix, index), plain, _aad(self._header, index, final))
        )
        self._index += 1


def decrypt_file(
    source: BinaryIO,
    target: BinaryIO,
    password: str,
    *,
    on_chunk: Callable[[int], None] | None = None,
) -> None:
    """Authenticate and decrypt all of ``source`` into ``target``.

    Raises ``BackupPasswordError`` for a wrong password or any tampering or truncation, and
    ``BackupRefused`` for a header this version cannot read. ``on_chunk(bytes_read)`` is
    called after each chunk (it may raise to stop). On error ``target`` holds a partial,
    unauthenticated prefix: the caller must discard it.
    """
    header = source.read(HEADER_SIZE)
    if len(header) < HEADER_SIZE or not header.startswith(MAGIC):
        raise refused("این پروندهٔ پشتیبان رمزگذاری‌شده این برنامه نیست.", "Not an encrypted backup.")
    _magic, fmt, log2_n, r, p, chunk, salt, prefix = _HEADER.unpack(header)
    if fmt != FORMAT:
        raise refused(
            "این پشتیبان با نسخه جدیدتری از برنامه رمزگذاری شده است؛ برنامه را به‌روز کنید.",
            "This backup was encrypted by a newer version; update the application.",
        )
    if (
        log2_n not in _LOG2_N_RANGE
        or r not in _R_RANGE
        or p not in _P_RANGE
        or chunk not in _CHUNK_RANGE
    ):
        raise BackupPasswordError("Header parameters out of range.")
    aes = AESGCM(derive_key(password, salt, log2_n, r, p))
    block = chunk + TAG_SIZE
    index = 0
    current = source.read(block)
    while True:
        following = source.read(block)
        final = not following
        if len(current) < TAG_SIZE or (not final and len(current) != block):
            raise BackupPasswordError("Truncated file.")
        try:
            plain = aes.decrypt(_nonce(prefix, index), current, _aad(header, index, final))
        except InvalidTag as exc:
            raise BackupPasswordError(f"Chunk {index} failed authentication.") from exc
        target.write(plain)
        if on_chunk is not None:
            on_chunk(len(current) + (HEADER_SIZE if index == 0 else 0))
        if final:
            return
        index += 1
        current = following
