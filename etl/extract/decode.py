"""Bytes → text: BOM, declared charset, strict trials, then detection.

Order: a BOM wins; then a charset declared in an HTML ``<meta>`` (GB2312/GBK are read as
GB18030, their superset); then strict UTF-8; then strict GB18030, Big5 (cp950) and UTF-16
trials, choosing between survivors by how ordinary their Chinese characters are; then
charset-normalizer's guess; last, GB18030 with replacement characters and a warning.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from etl.model import Issue
from etl.normalise.mojibake import common_chars  # the same "ordinary character" set the GBK repair uses

#: Declared or detected names → the codec we decode with (supersets preferred).
SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "gb18030": "gb18030",
    "x-gbk": "gb18030",
    "euc-cn": "gb18030",
    "hz": "hz",
    "big5": "cp950",
    "big5-hkscs": "big5hkscs",
    "big5hkscs": "big5hkscs",
    "cp950": "cp950",
    "utf8": "utf-8",
    "utf-8": "utf-8",
    "utf-16": "utf-16",
    "utf_16": "utf-16",
    "ascii": "utf-8",
    "us-ascii": "utf-8",
}
#: Detector guesses we trust for these reports; anything else falls back to GB18030 + replacements.
DETECTED_OK = frozenset({"gb18030", "cp950", "big5hkscs", "hz", "utf-16", "utf-32", "euc_jp", "shift_jis", "cp932"})
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
META_CHARSET = re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]{2,30})", re.I)
#: More than this share of NUL and other control bytes in the first 64 KiB (and not UTF-16) marks a
#: binary file (the same share as `_checked` allows in decoded text).
CONTROL_SHARE = 0.05
CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
#: Invalid sequences tolerated in a file otherwise in one encoding (plus one per 10 KB), and how many
#: non-ASCII characters that encoding must explain per invalid sequence.
MAX_BAD_SEQUENCES = 16
MIN_GOOD_PER_BAD = 20
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Decoded:
    """Decoded text (None if the bytes are not text), the codec used, and issues."""

    text: str | None
    encoding: str | None
    issues: tuple[Issue, ...] = ()


def canonical(name: str) -> str:
    """The codec to use for a declared or detected charset name."""
    key = name.strip().lower().replace("_", "-")
    if key in SUPERSETS:
        return SUPERSETS[key]
    try:
        return codecs.lookup(key).name
    except LookupError:
        return key


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KiB, if any."""
    match = META_CHARSET.search(data[:4096])
    return canonical(match.group(1).decode("ascii")) if match else None


def looks_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when BOM-less bytes read as ordinary UTF-16 text.

    NULs are the tell (the high byte of every ASCII character); Chinese characters have no
    NUL byte, so the test is whether one byte order gives mostly ordinary characters.
    """
    sample = data[:8192]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    sample = sample[: len(sample) // 2 * 2]
    best: tuple[float, str | None] = (0.0, None)
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        share = _ordinary_share(text)
        if share > best[0]:
            best = (share, codec)
    return best[1] if best[0] >= 0.9 else None


def _ordinary_share(text: str) -> float:
    """Share of characters that are printable ASCII, whitespace, common CJK or CJK punctuation."""
    if not text:
        return 0.0
    common = common_chars()
    ordinary = sum(
        1
        for c in text
        if (" " <= c <= "~") or c in "\t\r\n" or c in common or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
    )
    return ordinary / len(text)


def control_ratio(text: str) -> float:
    """Share of control characters (other than tab, newlines, form feed) in `text`."""
    if not text:
        return 0.0
    return len(CONTROL.findall(text)) / len(text)


def _plausibility(text: str) -> float:
    """Share of CJK characters that are common (simplified or traditional)."""
    chars = CJK.findall(text)
    if not chars:
        return 0.5
    common = common_chars()
    return sum(1 for c in chars if c in common) / len(chars)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes, *, html: bool = False) -> Decoded:
    """Decode `data`; never raises. Binary junk gives text None and a ``not_text`` issue."""
    issues: list[Issue] = []
    for bom, codec in BOMS:
        if data.startswith(bom):
            text = data.decode(codec, errors="replace")
            return _checked(text, codec.replace("-sig", ""), issues)
    utf16 = looks_utf16(data)
    if utf16:  # a truncated last character must not turn the whole file into "not text"
        return _checked(data.decode(utf16, errors="replace"), "utf-16", issues)
    sample = data[:65536]
    # binary by proportion: a stray NUL or control byte is damage (normalise removes it), many are binary;
    # no byte of a GB18030, Big5 or UTF-8 character is a C0 control, so bytes can be counted before decoding
    if len(sample) - len(sample.translate(None, CONTROL_BYTES)) > len(sample) * CONTROL_SHARE:
        return Decoded(None, None, (_not_text("it contains many NUL or control bytes"),))
    if html:
        declared = declared_charset(data)
        if declared:
            text = _strict(data, declared)
            if text is not None:
                return _checked(text, declared, issues)
            repaired = _localised(data, declared)
            if repaired is not None:
                return _checked(repaired[0], declared, [*issues, repaired[1]])
            issues.append(
                Issue(
                    "info",
                    "wrong_declared_charset",
                    f"The page declares {declared} but is not; the charset was detected.",
                )
            )
    text = _strict(data, "utf-8")
    if text is not None:
        return _checked(text, "utf-8", issues)
    # a UTF-8 report with a few damaged bytes is still a UTF-8 report: before the GB18030/Big5 trials
    # (which a bit flip can make succeed on UTF-8 bytes, turning every character into another one)
    repaired = _localised(data, "utf-8")
    if repaired is not None:
        return _checked(repaired[0], "utf-8", [*issues, repaired[1]])
    survivors = [(codec, t) for codec in ("gb18030", "cp950") if (t := _strict(data, codec)) is not None]
    if survivors:
        codec, text = max(survivors, key=lambda item: _plausibility(item[1]))
        return _checked(text, codec, issues)
    # a GB18030 or Big5 report with a few damaged bytes: the same local repair, before a detector's guess
    # (which one bad sequence can turn into Shift-JIS for the whole file)
    repairs = [(codec, found) for codec in ("gb18030", "cp950") if (found := _localised(data, codec)) is not None]
    if repairs:
        codec, (text, issue) = max(repairs, key=lambda item: _plausibility(item[1][0]))
        return _checked(text, codec, [*issues, issue])
    guess = _detect(data)
    if guess in DETECTED_OK:  # a single-byte guess (cp1252 …) would only hide damaged Chinese
        text = _strict(data, guess)
        if text is not None:
            return _checked(text, guess, issues)
    text = data.decode("gb18030", errors="replace")
    bad = text.count("\ufffd")
    issues.append(
        Issue(
            "warning",
            "decoded_with_replacements",
            f"{bad} byte sequences could not be decoded and were replaced with U+FFFD; "
            "the file may mix encodings or be damaged — save it again as UTF-8 if you can.",
        )
    )
    return _checked(text, "gb18030", issues)


def _localised(data: bytes, codec: str) -> tuple[str, Issue] | None:
    """`data` decoded as `codec` with each invalid sequence replaced by U+FFFD, when there are few of them.

    "Few" means at most ``MAX_BAD_SEQUENCES`` (+1 per 10 KB) and at least ``MIN_GOOD_PER_BAD`` characters
    that only `codec` explains (non-ASCII) per bad sequence: a file mostly in another encoding fails that
    and goes on to the other trials. The issue keeps the byte offsets of the damage.
    """
    try:
        decode = codecs.getdecoder(codec)
    except LookupError:
        return None
    view = memoryview(data)
    allowed = MAX_BAD_SEQUENCES + len(data) // 10_000
    pieces: list[str] = []
    bad: list[tuple[int, int]] = []  # (byte offset, character offset of the U+FFFD)
    position, chars = 0, 0
    while True:
        try:
            piece = decode(view[position:])[0]
        except UnicodeDecodeError as exc:
            piece = decode(view[position:position + exc.start])[0] if exc.start else ""
            pieces.append(piece)
            chars += len(piece)
            bad.append((position + exc.start, chars))
            pieces.append("\ufffd")
            chars += 1
            position += max(exc.end, exc.start + 1)
            if len(bad) > allowed:
                return None
            continue
        except (TypeError, ValueError):  # a codec that cannot decode from a buffer
            return None
        pieces.append(piece)
        break
    text = "".join(pieces)
    if sum(1 for c in text if c > "\x7f" and c != "\ufffd") < MIN_GOOD_PER_BAD * len(bad):
        return None
    shown = ", ".join(str(b) for b, _ in bad[:20]) + (" …" if len(bad) > 20 else "")
    issue = Issue("warning", "invalid_bytes_replaced",
                  f"{len(bad)} damaged byte sequence(s) (at byte {shown}) could not be read as {codec} and were "
                  f"replaced with U+FFFD; the rest of the file is {codec}. Figures next to them may be missing.",
                  bad[0][1], bad[-1][1] + 1)
    return text, issue


def _detect(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
    except Exception:  # detection is a hint only
        return None
    return canonical(best.encoding) if best is not None else None


def _not_text(reason: str) -> Issue:
    return Issue(
        "error",
        "not_text",
        f"The file is not text ({reason}) and is not a supported document type (HTML, PDF, DOCX); "
        "check that it is a report and not an image or archive.",
    )


def _checked(text: str, encoding: str, issues: list[Issue]) -> Decoded:
    if control_ratio(text) > 0.05 or text.count("\ufffd") > max(20, len(text) // 10):
        return Decoded(None, encoding, (*issues, _not_text("too many control or undecodable characters")))
    # Junk behind a BOM (or read as UTF-16) decodes without error into rare characters: real text,
    # simplified or traditional, is overwhelmingly ASCII, common CJK and CJK punctuation.
    if text.strip() and _ordinary_share(text) < 0.5:
        return Decoded(None, encoding, (*issues, _not_text("its characters are not ordinary Chinese or ASCII text")))
    return Decoded(text, encoding, tuple(issues))
