"""Attachments passed between layers."""

from __future__ import annotations

from dataclasses import dataclass

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class AttachmentView:
    """A stored file: where it came from, what it holds, whom it belongs to."""

    id: int
    owner_kind: str
    owner_id: int | None
    sha256: str
    size: int
    original_name: str
    media_type: str
    description: str
    version: int
