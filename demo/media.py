"""Tiny but valid JPEG files for the site's images, built in code (no binary in git).

Each is an 8x8 baseline grayscale JPEG of one uniform shade: one 8x8 block whose only
non-zero coefficient is DC, so one one-symbol Huffman table per class is enough. Shades
differ per file so that two images never have the same bytes (deduplication tests).
"""

from __future__ import annotations

import hashlib
import struct


def _segment(marker: int, payload: bytes) -> bytes:
    return struct.pack(">HH", 0xFF00 | marker, len(payload) + 2) + payload


def _one_symbol_table(table_class: int, symbol: int) -> bytes:
    """A DHT payload whose single symbol has the 1-bit code "0"."""
    counts = bytes([1] + [0] * 15)
    return bytes([table_class << 4]) + counts + bytes([symbol])


def _scan_data(dc: int) -> bytes:
    """Entropy-coded data for one block: DC category code, DC bits, then end-of-block."""
    category = abs(dc).bit_length()
    value = dc if dc >= 0 else dc + (1 << category) - 1
    bits = "0" + (format(value, f"0{category}b") if category else "") + "0"
    bits += "1" * (-len(bits) % 8)  # pad the last byte with ones, as the standard says
    out = bytearray()
    for i in range(0, len(bits), 8):
        byte = int(bits[i : i + 8], 2)
        out.append(byte)
        if byte == 0xFF:
            out.append(0x00)  # byte stuffing
    return bytes(out)


def tiny_jpeg(shade: int) -> bytes:
    """An 8x8 grayscale JPEG of the given shade (0-255)."""
    dc = 8 * (shade - 128)  # the DC term of a uniform block, with a quantiser of 1
    category = abs(dc).bit_length()
    return b"".join(
        [
            b"\xff\xd8",
            _segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"),
            _segment(0xDB, b"\x00" + b"\x01" * 64),
            _segment(0xC0, b"\x08\x00\x08\x00\x08\x01\x01\x11\x00"),
            _segment(0xC4, _one_symbol_table(0, category)),
            _segment(0xC4, _one_symbol_table(1, 0x00)),
            _segment(0xDA, b"\x01\x01\x00\x00\x3f\x00"),
            _scan_data(dc),
            b"\xff\xd9",
        ]
    )


def jpeg_for(name: str) -> bytes:
    """A tiny JPEG whose shade is derived from `name`, so each file differs but never changes."""
    return tiny_jpeg(32 + hashlib.sha256(name.encode()).digest()[0] % 192)
