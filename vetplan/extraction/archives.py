"""Checking an Office file's zip container before any parser unpacks it (zip bombs).

A .docx or .xlsx is a zip archive. Its central directory says how many members it holds and
how big each one is unpacked. Python's zipfile never returns more than a member's declared
size (a member that would unpack to more fails its CRC check), so refusing an archive whose
declared sizes add up to too much bounds what python-docx and openpyxl can ever read: a 1 MB
file holding 1 GiB of zeros, or 300 MB of valid XML, is refused in milliseconds, before a
byte is unpacked. The member count is read from the end-of-central-directory record first,
before zipfile builds an object for every member.
"""

from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

MIB = 1024 * 1024

# End of central directory: signature, disk numbers, entries (this disk, total), directory size and offset, comment length.
_EOCD = struct.Struct("<4s4H2LH")
_EOCD_SIGNATURE = b"PK\x05\x06"
_EOCD_SEARCH = _EOCD.size + 65535  # the record, then a comment of up to 64 KiB


@dataclass(frozen=True)
class ZipLimits:
    """What an Office file may hold: members, bytes unpacked, and bytes of any member read whole."""

    members: int
    unpacked: int  # every member together
    member: int  # any one member the parser reads whole
    streamed: tuple[str, ...] = ()  # member name prefixes the parser streams (exempt from `member`)


# python-docx holds every part and the document's XML tree in memory: 16 MB of document.xml (a
# plan of several hundred pages; real ones have a few MB) takes about 100 MB and 3.5 s to read.
DOCX_LIMITS = ZipLimits(members=1000, unpacked=64 * MIB, member=16 * MIB)
# openpyxl (read-only) streams the worksheets; the shared strings and styles are read whole.
# 200,000 rows of a data template unpack to about 100 MB.
XLSX_LIMITS = ZipLimits(members=1000, unpacked=256 * MIB, member=32 * MIB, streamed=("xl/worksheets/",))


class ArchiveError(ValueError):
    """An archive over the limits; `reason` says which, in Chinese."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class ArchiveSize:
    unpacked: int
    sizes: dict[str, int]  # member name → unpacked bytes


def check_zip(source: Path | str | bytes | IO[bytes], limits: ZipLimits) -> ArchiveSize:
    """The archive's declared sizes if within `limits`; ArchiveError if not, BadZipFile if not a zip.

    A file object is read from its start and left at its start.
    """
    if isinstance(source, bytes):
        return _check(io.BytesIO(source), limits)
    if isinstance(source, Path | str):
        with open(source, "rb") as stream:
            return _check(stream, limits)
    try:
        return _check(source, limits)
    finally:
        source.seek(0)


def _check(stream: IO[bytes], limits: ZipLimits) -> ArchiveSize:
    members, directory_size = _directory_counts(stream)
    if members > limits.members:
        raise ArchiveError(
            f"文件包含 {members} 个压缩成员，超过上限 {limits.members} 个，系统拒绝读取（文件可能是恶意构造的）"
        )
    if directory_size > limits.members * 2048:  # 46 bytes a member plus its name and extra fields
        raise ArchiveError("文件的压缩目录异常庞大，系统拒绝读取（文件可能是恶意构造的）")
    stream.seek(0)
    with zipfile.ZipFile(stream) as archive:
        infos = archive.infolist()
    total = sum(info.file_size for info in infos)
    if total > limits.unpacked:
        raise ArchiveError(
            f"文件解压后有 {_mb(total)} MB，超过上限 {_mb(limits.unpacked)} MB，系统拒绝读取（文件可能是恶意构造的“压缩炸弹”）"
        )
    for info in infos:
        if info.file_size > limits.member and not info.filename.startswith(limits.streamed):
            raise ArchiveError(
                f"文件中的“{info.filename}”解压后有 {_mb(info.file_size)} MB，超过上限 {_mb(limits.member)} MB，系统拒绝读取"
                "（文件可能是恶意构造的“压缩炸弹”）"
            )
    return ArchiveSize(total, {info.filename: info.file_size for info in infos})


def _directory_counts(stream: IO[bytes]) -> tuple[int, int]:
    """(members, central directory bytes) from the end-of-central-directory record."""
    size = stream.seek(0, io.SEEK_END)
    stream.seek(max(0, size - _EOCD_SEARCH))
    tail = stream.read()
    at = tail.rfind(_EOCD_SIGNATURE)
    if at < 0 or len(tail) - at < _EOCD.size:
        raise zipfile.BadZipFile("no end of central directory record")
    _, _, _, _, members, directory_size, _, _ = _EOCD.unpack_from(tail, at)
    if members == 0xFFFF or directory_size == 0xFFFFFFFF:
        # Deferred to a ZIP64 record: more members or directory bytes than any Office file we accept.
        raise ArchiveError("文件的压缩目录超出上限（ZIP64），系统拒绝读取（文件可能是恶意构造的）")
    return members, directory_size


def _mb(size: int) -> str:
    return f"{size / MIB:.1f}".removesuffix(".0")
