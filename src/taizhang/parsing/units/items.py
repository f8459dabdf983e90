"""Split one clause into the spans of its unit and collective names.

A clause is cut at separators, then at joiners (和, 及 …) between complete names, then at
等 before a collective. Brackets are never cut ("各县(市、区)" stays whole). Positions
index the folded text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from taizhang.parsing.units.clauses import PUNCTUATION
from taizhang.parsing.units.gazetteer import Gazetteer
from taizhang.parsing.vocabulary import branches, trie

HAN = re.compile("[\u4e00-\u9fff]")
_BLANKS = re.compile(r"[ \u3000]+")
_BRACKET = re.compile(r"[()]")
_SEPARATOR_OR_BRACKET = re.compile(r"[()、,;。\n\r\t]")
_SEPARATOR = re.compile(r"[、,;。\n\r\t]")
_MAX_NAME = 200  # characters: longer pieces are prose and are not split into names
_PUNCTUATION = "".join(PUNCTUATION)
# A run between separators without the punctuation around it (_strip: of PUNCTUATION,
# only " :." can stand inside a run); a run of nothing but punctuation is no piece.
_STRIPPED_PIECE = re.compile(r"[^、,;。\n\r\t :.](?:[^、,;。\n\r\t]*[^、,;。\n\r\t :.])?")
# No bracket, or closed pairs that hold no separator ("州有关部门,各县(市)"): every
# separator splits, and no piece has an unpaired bracket to trim, so the pieces are the
# runs between separators, found by one regex instead of bracket by bracket.
_FLAT_BRACKETS = re.compile(r"[^()]*(?:\([^()、,;。\n\r\t]*\)[^()]*)*")
# How many bodies 等 stands for ("县司法局等12个部门": tests/parsing/test_units_shapes.py).
_COUNT = re.compile("[0-9一二三四五六七八九十两]+个")
_OTHER_SEPARATORS = ",;。\n\r\t"  # _SEPARATOR's characters but 、


def items(folded: str, start: int, end: int, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """Spans of the unit and collective names in one clause."""
    start, end = _trim(folded, start, end, gaz.openers)
    if start >= end:
        return
    if not joins(gaz).search(folded, start, end):
        for item_start, item_end in _separated(folded, start, end, gaz):
            if is_name(folded, item_start, item_end) and not own_bodies(folded, item_start, gaz):
                yield item_start, item_end
        return
    found = [
        item
        for piece in _pieces(folded, start, end)
        for item in joined_items(folded, *_trim(folded, *piece), gaz)
    ]
    yield from _bodies_joined(folded, start, end, found, gaz)


def own_bodies(folded: str, start: int, gaz: Gazetteer) -> bool:
    """Whether an item is the bodies of the name before it (其所属学校, 下属单位), no name of its
    own to take that name's place ("县教育局、其所属学校" names no 县其所属学校)."""
    return folded.startswith(gaz.subordinates, start)


def joined_items(folded: str, start: int, end: int, gaz: Gazetteer) -> list[tuple[int, int]]:
    """The items of one piece between separators (trimmed), cut at joiners and blanks where
    a name ends and at 等 before a collective."""
    if end - start > _MAX_NAME:
        return [(start, end)]
    found = []
    for joined in _split_joiners(folded, start, end, gaz):
        for listed in _split_etc(folded, *_trim(folded, *joined), gaz):
            item_start, item_end = _trim(folded, *listed)
            if HAN.search(folded, item_start, item_end) and not own_bodies(folded, item_start, gaz):
                found.append((item_start, item_end))
    return found


def clause_pieces(folded: str, start: int, end: int, gaz: Gazetteer) -> Iterable[tuple[int, int]]:
    """The pieces between separators of a clause, as ``items`` cuts it: the items of a
    piece that ``may_join`` nothing are the piece when it ``is_name``, else its
    ``joined_items``."""
    start, end = _trim(folded, start, end, gaz.openers)
    return _separated(folded, start, end, gaz) if start < end else ()


def clause_piece_texts(folded: str, start: int, end: int, gaz: Gazetteer) -> list[str] | None:
    """The texts of ``clause_pieces`` when no bracket holds a separator (split at the
    separators and stripped in C, as _STRIPPED_PIECE reads each run), else None. The
    clause is trimmed as _trim trims it, on the text of the clause itself."""
    field = folded[start:end].strip(_PUNCTUATION)
    if "、" in field and listed_body(gaz).search(field):
        return None  # 各县(市、区)党委、政府: _separated joins the body to its collective
    openers = gaz.openers
    if openers and field.startswith(openers):
        opener = next(o for o in openers if field.startswith(o))
        field = field[len(opener) :].strip(_PUNCTUATION)
    opens = closes = 0
    if "(" in field or ")" in field:
        opens, closes = field.count("("), field.count(")")
        # (a trim takes one bracket and punctuation, which holds none)
        while opens > closes and field[:1] == "(":
            field = field[1:].strip(_PUNCTUATION)
            opens -= 1
        while closes > opens and field[-1:] == ")":
            field = field[:-1].strip(_PUNCTUATION)
            closes -= 1
    # Split at every separator: the others replaced by 、 first, each by a pass in C that
    # only a field holding it needs (the separators' class split tested every character
    # against the class).
    for separator in _OTHER_SEPARATORS:
        if separator in field:
            field = field.replace(separator, "、")
    if opens == closes == 1:  # one pair ("各县(市)"): flat when no 、 stands inside it
        opening, closing = field.find("("), field.find(")")
        if closing < opening or field.find("、", opening, closing) >= 0:
            return None
    elif (opens or closes) and not _FLAT_BRACKETS.fullmatch(field):
        return None
    runs = field.split("、")
    if " " in field or ":" in field or "." in field:
        return [piece for run in runs if (piece := run.strip(" :."))]
    # nothing to strip from any run (most fields): the runs, less any empty one
    return [run for run in runs if run] if "" in runs else runs


def may_join(folded: str, start: int, end: int, gaz: Gazetteer) -> bool:
    """Whether a piece holds a joiner, a blank or 等 (which may part it into names)."""
    return joins(gaz).search(folded, start, end) is not None


def is_name(folded: str, start: int, end: int) -> bool:
    """Whether a piece is listed: it holds a Han character (or is too long to be read)."""
    if start < end and "\u4e00" <= folded[start] <= "\u9fff":
        return True  # (most pieces open with one: a comparison, where a search costs ten)
    return end - start > _MAX_NAME or HAN.search(folded, start, end) is not None


def _separated(folded: str, start: int, end: int, gaz: Gazetteer) -> Iterable[tuple[int, int]]:
    """The pieces between separators (outside brackets) of a trimmed clause; _trim is
    idempotent, so once is enough."""
    if _FLAT_BRACKETS.fullmatch(folded, start, end):
        spans = [m.span() for m in _STRIPPED_PIECE.finditer(folded, start, end)]
    else:
        spans = [_trim(folded, *piece) for piece in _pieces(folded, start, end)]
    return _bodies_joined(folded, start, end, spans, gaz)


def _bodies_joined(
    folded: str, start: int, end: int, spans: list[tuple[int, int]], gaz: Gazetteer
) -> list[tuple[int, int]]:
    """A bare body word listed by 、 after a collective ending in a body word is the same
    places' body, one collective with it: 各县(市、区)党委、政府, 各乡镇党委、政府 (seed 000's
    closing paragraph and the addressees of d09's notice print the phrase; fixture
    styles/minzheng_bodies.txt lists it in brackets), as 各县(市、区)党委和政府 is (d73)."""
    if folded.find("、", start, end) < 0 or not listed_body(gaz).search(folded, start, end):
        return spans
    joined = spans[:1]
    for a, b in spans[1:]:
        before_start, before_end = joined[-1]
        before = folded[before_start:before_end]
        body = _bare_body_then_joiner(folded, a, b, gaz)
        if (
            body
            and folded[before_end:a].strip(" \u3000") == "、"
            and before.endswith(tuple(gaz.bare_bodies))
            and gaz.is_collective(before)
        ):
            joined[-1] = (before_start, body[0])
            if body[1] < b:  # the name after the joiner, a piece of its own
                joined.append(body[1:])
        else:
            joined.append((a, b))
    return joined


def _bare_body_then_joiner(
    folded: str, a: int, b: int, gaz: Gazetteer
) -> tuple[int, int, int] | None:
    """(end of the body word, start and end of the rest) when the piece is a bare body word,
    or one and a joiner before another name: a labelled field's pieces are parted at 、 only,
    so "各县(市、区)党委、政府和市直有关部门" gives the piece 政府和市直有关部门 (fixtures
    styles/minzheng_bodies.txt, its role-verb form, and styles/fazhi_dangzheng.txt, a
    责任单位 field, each with 和 and with 及)."""
    if folded[a:b] in gaz.bare_bodies:
        return b, b, b
    for body in gaz.bare_bodies:
        if folded.startswith(body, a, b):
            joiner = next((j for j in gaz.joiners if folded.startswith(j, a + len(body), b)), "")
            rest = a + len(body) + len(joiner)
            if joiner and rest < b:
                return a + len(body), rest, b
    return None


@lru_cache(maxsize=4)
def listed_body(gaz: Gazetteer) -> re.Pattern[str]:
    """A bare body word listed after 、 (the test before _bodies_joined reads a clause)."""
    return re.compile(rf"、(?:{trie(gaz.bare_bodies)})")


def _pieces(folded: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split at separators outside brackets (only brackets and separators are visited)."""
    depth, piece = 0, start
    for token in _SEPARATOR_OR_BRACKET.finditer(folded, start, end):
        char, i = token.group(), token.start()
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif depth == 0:
            yield piece, i
            piece = i + 1
    yield piece, end


def _split_joiners(folded: str, start: int, end: int, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """Split at 和 / 及, or at blanks, where the text before ends like a complete name.

    "市委宣传部和市司法局" is two units, "文化和旅游厅" is one; "县委宣传部 县司法局" (names
    set apart by blanks, as tables and PDF copies print them) is two, "各县 (市)" one.
    """
    piece, depth = start, 0
    brackets = [(m.start(), m.group()) for m in _BRACKET.finditer(folded, start, end)]
    seen = 0  # brackets counted into depth
    for place in _joiner_places(gaz).finditer(folded, start, end):
        i = place.start()
        if i < piece:
            continue  # inside the joiner just split at
        while seen < len(brackets) and brackets[seen][0] < i:
            depth = depth + 1 if brackets[seen][1] == "(" else max(depth - 1, 0)
            seen += 1
        if (
            depth == 0
            and folded.endswith(gaz.name_endings, piece, i)
            and not folded.endswith(gaz.not_name_endings, piece, i)
        ):
            joiner = next((j for j in gaz.joiners if folded.startswith(j, i, end)), "")
            blanks = _BLANKS.match(folded, i, end)
            joiner = joiner or (blanks.group() if blanks else "")
            after = i + len(joiner)
            if joiner and after < end and not _bare_word(folded[after:end], gaz):
                yield piece, i
                piece = after
                if folded.startswith(gaz.subordinates, piece, end):
                    return  # the name's own bodies (及其所属学校): no unit of their own
                if _verb_after_duty_joiner(folded, piece, end, joiner, gaz):
                    return
                named = _name_before_joint_verb(folded, piece, end, joiner, gaz)
                if named is not None:
                    yield piece, named
                    return
    yield piece, end


def _bare_word(rest: str, gaz: Gazetteer) -> bool:
    """Whether what follows a joiner is a bare word that names nothing of its own: a body of
    the name before it ("…党委和政府") or a class word after 等 ("县司法局等部门和单位": no
    unit 单位; tests/parsing/test_units_shapes.py, beside 等部门 in test_units_levels.py)."""
    return rest in gaz.bare_bodies or rest in gaz.generic


def _verb_after_duty_joiner(folded: str, start: int, end: int, joiner: str, gaz: Gazetteer) -> bool:
    """Whether what follows a joiner that carries a duty (联合, as 共同) is its verb phrase, no
    name: no place opens it, and it is a verb's two characters (查处, whose 处 ends names too)
    or ends unlike a name ("县公安局、县市场监管局联合开展" names no unit 开展: fixture
    styles/shipin_lianhe.txt and the 联合 rows of tests/parsing/test_units_levels.py)."""
    if joiner not in gaz.data["phrases"]["duty_adverbs"]:
        return False
    rest = folded[start:end]
    if gaz.prefix_length(rest) > 0:
        return False
    return len(rest) <= 2 or not rest.endswith(gaz.name_endings)


def _name_before_joint_verb(
    folded: str, start: int, end: int, joiner: str, gaz: Gazetteer
) -> int | None:
    """Where the name after a joiner that carries a duty (联合) ends when the verb phrase runs
    on after it ("县公安局联合县交通运输局开展", "…联合县市场监管局查处": no unit 县交通运输局开展;
    a name never ends in a verb): before the first joint verb that follows a name's ending
    (gazetteer.toml joint_verbs). None when no such verb follows."""
    if joiner not in gaz.data["phrases"]["duty_adverbs"]:
        return None
    cuts = []
    for verb in gaz.data["phrases"]["joint_verbs"]:
        at = folded.find(verb, start + 1, end)
        if at > 0 and folded.endswith(gaz.name_endings, start, at):
            cuts.append(at)
    return min(cuts, default=None)


@lru_cache(maxsize=4)
def joins(gaz: Gazetteer) -> re.Pattern[str]:
    """What may join names inside a piece: a joiner word, a blank, 等. Each branch opens
    with its literal (the blanks as two), so the engine skips to their characters: a class
    or a group in front made it try every place of the piece (a piece is read once per
    document, 62 of seed 000's; the matches are the same)."""
    return re.compile("|".join([" ", "\u3000", *branches([*gaz.joiners, gaz.etc])]))


@lru_cache(maxsize=4)
def _joiner_places(gaz: Gazetteer) -> re.Pattern[str]:
    """Every place a joiner or a blank starts (a lookahead, so none hides the next)."""
    return re.compile(rf"(?=(?:{trie(gaz.joiners)})|[ \u3000])")


def _split_etc(folded: str, start: int, end: int, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """Drop 等 at the end of a list or before a collective ("金融局等有关部门")."""
    etc = gaz.etc
    at = folded.find(etc, start, end) if etc else -1
    while at != -1:
        if at > start and folded.endswith(gaz.name_endings, start, at):
            tail_start, tail_end = _trim(folded, at + len(etc), end)
            tail = folded[tail_start:tail_end]
            # "公安局等部门", "…等12个部门": the class word (and its count) adds nothing
            if not tail or _uncounted(tail) in gaz.generic:
                yield start, at
                return
            if gaz.is_collective(tail):
                yield start, at
                yield tail_start, tail_end
                return
        at = folded.find(etc, at + len(etc), end)
    yield start, end


def _uncounted(tail: str) -> str:
    """A class word after 等 without the count before it ("12个部门" -> "部门")."""
    count = _COUNT.match(tail)
    return tail[count.end() :] if count else tail


def _trim(folded: str, start: int, end: int, openers: tuple[str, ...] = ()) -> tuple[int, int]:
    """Strip punctuation, one opening word ("由"), and brackets left unpaired by a split."""
    start, end = _strip(folded, start, end)
    if openers and folded.startswith(openers, start, end):
        opener = next(o for o in openers if folded.startswith(o, start, end))
        start, end = _strip(folded, start + len(opener), end)
    if folded.find("(", start, end) < 0 and folded.find(")", start, end) < 0:
        return start, end
    unclosed = folded.count("(", start, end) - folded.count(")", start, end)
    while unclosed > 0 and start < end and folded[start] == "(":
        start, end = _strip(folded, start + 1, end)
        unclosed -= 1
    # a note in brackets cut off by its marker ("县检察院(按职责)": round 14, tests/parsing/
    # test_units_shapes.py, a labelled field's last name and one inside a list)
    while unclosed > 0 and start < end and folded[end - 1] == "(":
        start, end = _strip(folded, start, end - 1)
        unclosed -= 1
    while unclosed < 0 and start < end and folded[end - 1] == ")":
        start, end = _strip(folded, start, end - 1)
        unclosed += 1
    return start, end


def _strip(folded: str, start: int, end: int) -> tuple[int, int]:
    piece = folded[start:end]
    kept = piece.lstrip(_PUNCTUATION)
    start += len(piece) - len(kept)
    return start, start + len(kept.rstrip(_PUNCTUATION))
