"""Text that was UTF-8 but was read in a single-byte character set (Windows-1252 or Latin-1).

A spreadsheet that opens a UTF-8 file as Windows-1252 shows each non-ASCII character as two to four
characters ('’' as 'â€™', 'é' as 'Ã©', 'š' as 'Å¡', 'Д' as 'Ð”') and a byte order mark as 'ï»¿'; saved
again, the damage is written as real text. This module finds such stretches by re-reading them as bytes.
"""
from __future__ import annotations

import re

BOM_AS_TEXT = "\ufeff".encode("utf-8").decode("latin-1")  # 'ï»¿'


def _byte_of() -> dict[str, int]:
    """Each character a byte 0x80-0xFF becomes in Windows-1252 or in Latin-1, and that byte."""
    table = {chr(b): b for b in range(0x80, 0x100)}  # Latin-1 (and Windows-1252's undefined bytes)
    for b in range(0x80, 0xA0):
        try:
            table[bytes([b]).decode("cp1252")] = b
        except UnicodeDecodeError:
            pass
    return table


BYTE_OF = _byte_of()
_CONT = "".join(sorted(re.escape(c) for c, b in BYTE_OF.items() if 0x80 <= b <= 0xBF))
# Lead bytes whose characters are likely in text: Latin-1 and Latin Extended-A (C2-C5), combining marks,
# Greek, Cyrillic, Hebrew, Arabic (CC-DB); punctuation and symbols (E2); emoji (F0). Leads C6-CB are
# left out: their characters (Æ Ç È É Ê Ë) end real words before a quotation mark ('ÉTÉ»').
_LEADS = "\u00c2-\u00c5\u00cc-\u00db"
SUSPECT = re.compile(f"[{_LEADS}][{_CONT}]|\u00e2[{_CONT}]{{2}}|\u00f0[{_CONT}]{{3}}")


def mojibake(text: str) -> str | None:
    """The first stretch of text that is UTF-8 read as Windows-1252 or Latin-1 ('â€™'), or None."""
    if text.startswith(BOM_AS_TEXT):
        return BOM_AS_TEXT
    for match in SUSPECT.finditer(text):
        if _decodes(match.group(0)):
            return match.group(0)
    return None


def _decodes(stretch: str) -> bool:
    try:
        return len(bytes(BYTE_OF[c] for c in stretch).decode("utf-8")) == 1
    except UnicodeDecodeError:
        return False


def repaired(stretch: str) -> str:
    """What a mis-read stretch was meant to be ('â€™' -> '’')."""
    return bytes(BYTE_OF[c] for c in stretch).decode("utf-8", errors="replace")
