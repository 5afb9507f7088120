"""Repair GB2312/GBK text that was decoded one byte off ("shifted" mojibake).

Mechanism (seen in real pages): a GBK byte stream is decoded starting one byte late. Every
double-byte character is then read as (trail of char i, lead of char i+1), which gives
plausible-looking but wrong characters such as ``。ㄒ唬`` for ``（一）``. The decoder lost the
first byte into an undecodable pair (shown as ``?``), and falls back in step when a trail
byte happens to be ASCII (GBK trail bytes 0x40–0x7E), so the run ends with a stray ASCII
letter (``╊I`` is ``）領``). Pairs that decode to nothing visible (GBK user-defined areas)
were dropped by the damaging tool, so a run may lack two bytes.

Repair: encode the run back to GBK, put back the lost leading byte (or drop the unknown
first character), re-pair the bytes and decode again. A run is replaced only when the
re-decoded text is clearly more plausible (no rare symbols, and common characters,
full-width digits, ordinal brackets or dates). Lost bytes are guessed only when a pattern
(``（二）``, ``…月12日``) picks a single candidate, or, for a second lost pair in a run, when
the document's own undamaged text attests the guessed words (`DocumentWords`). Everything
else is left in place and reported as ``unrepairable_mojibake``.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from functools import lru_cache

from etl.model import Issue, Repair
from etl.normalise.patterns import MOJIBAKE_COMMON_PUNCT as COMMON_PUNCT
from etl.normalise.patterns import MOJIBAKE_PATTERN_CHARS as PATTERN_CHARS
from etl.normalise.patterns import MOJIBAKE_PATTERN_ENDS as PATTERN_ENDS
from etl.normalise.patterns import MOJIBAKE_PATTERNS as PATTERNS
from etl.normalise.pinyin import GLOSS_AT, is_pinyin
from etl.normalise.tracked import Edit, Tracked, apply_edits

KIND = "gbk_shift"

#: A run: '?' or U+FFFD, then non-ASCII characters, then an optional ASCII character that may
#: be the trail byte of the last character (0x40–0x7E) or a second '?'.
RUN = re.compile(r"[?\ufffd]([^\x00-\x7f\s\ufffd?]{1,60})([\x40-\x7e?]?)")
#: Damaged spots that are not one-byte-off runs but still lost characters (for reporting).
SUSPECT = re.compile(r"[?\ufffd][\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]?[A-Za-z]?(?=[\u3000-\u9fff\uff00-\uffef])")

GUESS_PENALTY = 1.6  # a guessed character must be backed by a pattern to win
PATTERN_BONUS = 4.0
TAG_RESIDUE = re.compile(r"/[A-Za-z][A-Za-z0-9]{0,10}>")
MAX_RUNS = 500  # per document: bound the work on pathological input
MAX_REPORTED = 50  # damaged spots reported one by one; the rest are counted in one issue
TRAILS = tuple(range(0x40, 0x7F)) + tuple(range(0x80, 0xFF))


@lru_cache(maxsize=1)
def common_chars() -> frozenset[str]:
    """GB2312 level-1 hanzi (the ~3,755 most frequent) and their traditional forms."""
    level1 = []
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                level1.append(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    text = "".join(level1)
    chars = set(text)
    try:
        import opencc

        for config in ("s2t", "s2tw", "s2hk"):
            chars.update(opencc.OpenCC(config).convert(text))
    except Exception:  # OpenCC missing or broken: the simplified set alone still works
        pass
    return frozenset(chars)


@lru_cache(maxsize=1)
def _invisible_pairs() -> tuple[tuple[int, int], ...]:
    """Byte pairs a GBK decoder cannot show (user-defined/unassigned): the ones that vanish."""
    pairs = []
    for lead in range(0x81, 0xFF):
        for trail in range(0x81, 0xFF):
            try:
                char = bytes((lead, trail)).decode("gbk")
            except UnicodeDecodeError:
                pairs.append((lead, trail))
                continue
            if 0xE000 <= ord(char) <= 0xF8FF:
                pairs.append((lead, trail))
    return tuple(pairs)


@lru_cache(maxsize=65536)
def _char_score(char: str) -> float:
    """How plausible one character is in a report (positive: ordinary; negative: junk)."""
    if char in COMMON_PUNCT:
        return 1.0
    code = ord(char)
    if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
        return 1.5  # full-width digits and letters
    if char in common_chars():
        return 1.0
    if 0x2460 <= code <= 0x2469:
        return 0.5  # circled digits ①…⑩
    if 0x4E00 <= code <= 0x9FFF:
        return -0.5  # rare hanzi
    return -3.0  # kana, bopomofo, box drawing, Greek, private use, symbols


def _pattern_score(text: str) -> float:
    return PATTERN_BONUS * sum(len(pattern.findall(text)) for pattern in PATTERNS)


def _text_score(text: str) -> float:
    return sum(map(_char_score, text)) + _pattern_score(text)


@dataclass
class _Candidate:
    text: str
    score: float
    guesses: int


def _decode_pairs(data: bytes) -> str | None:
    try:
        return data.decode("gbk")
    except UnicodeDecodeError:
        return None


def _decode_with_lost_pair(data: bytes) -> list[_Candidate]:
    """Candidates for `data` (even length, pairs aligned), also with one dropped pair put back.

    A dropped pair is only worth guessing when it completes a pattern (an ordinal bracket or
    a date), so only pairs that produce one of the pattern characters are tried.
    """
    found: list[_Candidate] = []
    plain = _decode_pairs(data)
    if plain is not None:
        found.append(_Candidate(plain, _text_score(plain), 0))
    if len(data) > 60 or 0xA3 not in data:  # patterns need full-width brackets or digits (lead byte 0xA3)
        return found
    by_first, by_second = _invisible_index()
    leads, trails = _pattern_bytes()
    for index in range(0, len(data), 2):
        head = _decode_pairs(data[:index])
        tail = _decode_pairs(data[index + 2 :])
        if head is None or tail is None:
            continue
        lead, trail = data[index], data[index + 1]
        pairs: set[tuple[int, int]] = set()
        for p1 in leads.get(lead, ()):
            pairs.update(by_first.get(p1, ()))
        for p2 in trails.get(trail, ()):
            pairs.update(by_second.get(p2, ()))
        best: list[_Candidate] = []
        for p1, p2 in pairs:
            left = _decode_pairs(bytes((lead, p1)))
            right = _decode_pairs(bytes((p2, trail)))
            if left is None or right is None or len(left) != 1 or len(right) != 1:
                continue
            text = head + left + right + tail
            best.append(_Candidate(text, _text_score(text) - 2 * GUESS_PENALTY, 2))
        if best:
            best.sort(key=lambda c: -c.score)
            # a guess counts only when a single candidate is best
            if len(best) == 1 or best[0].score > best[1].score:
                found.append(best[0])
    return found


@lru_cache(maxsize=1)
def _invisible_index() -> tuple[dict[int, list[tuple[int, int]]], dict[int, list[tuple[int, int]]]]:
    by_first: dict[int, list[tuple[int, int]]] = {}
    by_second: dict[int, list[tuple[int, int]]] = {}
    for pair in _invisible_pairs():
        by_first.setdefault(pair[0], []).append(pair)
        by_second.setdefault(pair[1], []).append(pair)
    return by_first, by_second


@lru_cache(maxsize=1)
def _pattern_bytes() -> tuple[dict[int, set[int]], dict[int, set[int]]]:
    """For the characters the patterns need: lead byte → trail bytes, and trail → leads."""
    leads: dict[int, set[int]] = {}
    trails: dict[int, set[int]] = {}
    for char in PATTERN_CHARS:
        lead, trail = char.encode("gbk")
        leads.setdefault(lead, set()).add(trail)
        trails.setdefault(trail, set()).add(lead)
    return leads, trails


@lru_cache(maxsize=256)
def _completions(lead: int) -> tuple[tuple[str, float], ...]:
    """Every character a lead byte can start, with its plausibility score."""
    found = []
    for trail in TRAILS:
        char = _decode_pairs(bytes((lead, trail)))
        if char is not None and len(char) == 1:  # one double-byte character
            found.append((char, _char_score(char)))
    return tuple(found)


def _complete_dangling(prefix: bytes, lead: int) -> list[_Candidate]:
    """Candidates for a run that ends in a lead byte whose trail byte was lost."""
    head = _decode_pairs(prefix)
    if head is None:
        return []
    head_score = _text_score(head)
    head_tail_patterns = _pattern_score(head[-11:])
    options = []
    for char, char_score in _completions(lead):
        score = head_score + char_score - GUESS_PENALTY
        if char in PATTERN_ENDS:  # only a pattern ending at the new character changes the rest
            score += _pattern_score((head + char)[-12:]) - head_tail_patterns
        options.append(_Candidate(head + char, score, 1))
    options.sort(key=lambda c: -c.score)
    chosen = [_Candidate(head, head_score, 0)]
    if options and (len(options) == 1 or options[0].score > options[1].score):
        chosen.append(options[0])
    return chosen


class DocumentWords:
    """Character bigrams of a document outside its damaged runs: a tiny language model.

    A run can lose more than one pair; the second loss has no pattern to go by, but the
    same words usually occur intact elsewhere in the report (``著力抓好`` twice), so a guess
    is accepted when it makes at least two more of the run's bigrams attested in the text.
    """

    MIN_GAIN = 2

    def __init__(self, text: str) -> None:
        clean = RUN.sub("\n", text)
        self.chars = frozenset(clean)
        self.bigrams = frozenset(map(operator.add, clean, clean[1:]))

    def attested(self, text: str) -> int:
        return sum(1 for pair in map(operator.add, text, text[1:]) if pair in self.bigrams)

    def refine(self, text: str, after: str) -> str:
        """`text` (a repaired run) with one more lost pair put back where the document says so."""
        try:
            data = text.encode("gbk")
        except UnicodeEncodeError:
            return text
        if len(data) != 2 * len(text) or len(data) > 60:
            return text
        base = self.attested(text + after)
        by_first, _ = _invisible_index()
        options: list[tuple[int, str]] = []
        for index in range(0, len(data), 2):
            lead, trail = data[index], data[index + 1]
            head, tail = text[: index // 2], text[index // 2 + 1 :]
            for p1, pairs in by_first.items():
                left = _decode_pairs(bytes((lead, p1)))
                if left is None or len(left) != 1 or left not in self.chars:
                    continue
                for _, p2 in pairs:
                    right = _decode_pairs(bytes((p2, trail)))
                    if right is None or len(right) != 1 or right not in self.chars:
                        continue
                    candidate = head + left + right + tail
                    options.append((self.attested(candidate + after) - base, candidate))
        options.sort(key=lambda item: -item[0])
        if options and options[0][0] >= self.MIN_GAIN and (len(options) == 1 or options[0][0] > options[1][0]):
            return options[0][1]
        return text


def repair_run(run: str, follower: str) -> tuple[str, bool] | None:
    """Re-decode `run` (the characters after the '?') one byte over.

    `follower` is the ASCII character after the run ('' if none): it may be the last trail
    byte. Returns (replacement, follower_consumed) or None when no repair is plausible.
    """
    try:
        data = run.encode("gbk")
    except UnicodeEncodeError:
        return None
    if len(data) != 2 * len(run):
        return None
    original_score = _text_score(run)
    starts: list[tuple[bytes, int]] = [(data[1:], 1)]  # drop the unknown first character
    for lost in (0xA1, 0xA3):  # the usual lost lead bytes: full-width space/punctuation/digits
        if _decode_pairs(bytes((lost, data[0]))) is not None:
            starts.append((bytes((lost,)) + data, 0))
    consumed_options = [False]
    if follower and follower != "?":
        consumed_options.append(True)
    candidates: list[tuple[_Candidate, bool]] = []
    for body, dropped in starts:
        for consume in consumed_options:
            stream = body + follower.encode("ascii") if consume else body
            if len(stream) % 2 == 0:
                for candidate in _decode_with_lost_pair(stream):
                    candidate.guesses += dropped
                    candidates.append((candidate, consume))
            elif not consume:
                for candidate in _complete_dangling(stream[:-1], stream[-1]):
                    candidate.guesses += dropped
                    candidates.append((candidate, False))
    if not candidates:
        return None
    candidates.sort(key=lambda item: (-item[0].score, item[0].guesses))
    best, consumed = candidates[0]
    text = best.text.replace("\u3000", "")  # a lost indentation space carries nothing
    if any(_char_score(c) < 0 for c in best.text) or best.score <= original_score + 2.0:
        return None
    return text, consumed


def repair_shifted_gbk(tracked: Tracked) -> tuple[Tracked, Repair | None, list[Issue]]:
    """Repair one-byte-off GBK runs; report runs that cannot be repaired (positions: original text)."""
    edits: list[Edit] = []
    positions: list[int] = []
    repaired_spans: list[tuple[int, int]] = []
    words: DocumentWords | None = None
    for count, match in enumerate(RUN.finditer(tracked.text)):
        if count >= MAX_RUNS:
            break
        result = repair_run(match.group(1), match.group(2))
        if result is None:
            continue
        replacement, consumed = result
        end = match.end() if consumed or match.group(2) == "?" else match.end(1)
        words = words or DocumentWords(tracked.text)
        replacement = words.refine(replacement, tracked.text[end : end + 2])
        # what the damage left right after the run goes with it: a trailing '?' was an
        # undecodable pair that swallowed the next ASCII character, often the '<' of a tag
        # ("?/span>"); a consumed trail letter may carry a pinyin gloss ("現(xiàn)")
        leftover = TAG_RESIDUE.match(tracked.text, end) if match.group(2) == "?" else None
        if consumed:
            leftover = GLOSS_AT.match(tracked.text, end)
            if leftover and not is_pinyin(leftover.group(1)):
                leftover = None
        if leftover:
            end = leftover.end()
        edits.append((match.start(), end, replacement))
        positions.append(tracked.original_offset(match.start()))
        repaired_spans.append((match.start(), end))
    issues: list[Issue] = []
    skipped = 0
    for match in SUSPECT.finditer(tracked.text):
        if any(start <= match.start() < end for start, end in repaired_spans):
            continue
        if len(issues) >= MAX_REPORTED:
            skipped += 1
            continue
        where = tracked.original_offset(match.start())
        line = tracked.text.count("\n", 0, match.start()) + 1
        issues.append(
            Issue(
                "warning",
                "unrepairable_mojibake",
                f"Characters on line {line} (offset {where} of the decoded text) were lost in a bad encoding "
                f"conversion ({tracked.text[match.start() : match.end() + 3]!r}) and cannot be recovered; "
                "check this spot against the original page.",
                where,
                where + (match.end() - match.start()) + 1,
            )
        )
    if skipped:
        issues.append(
            Issue(
                "warning",
                "unrepairable_mojibake",
                f"{skipped} more damaged spots like these were found; the file's encoding is badly broken — "
                "try to get a clean copy of the report.",
            )
        )
    if not edits:
        return tracked, None, issues
    return apply_edits(tracked, edits), Repair(KIND, len(edits), tuple(positions)), issues
