"""Line breaking: cut a run of words into subtitle events, and each event into lines.

Every way of cutting is weighed at once by dynamic programming (over the event ends, and
within an event over its line breaks), so a good cut late in a sentence can win over a
greedy fill early in it. No cost is negative, so an event whose known costs already lose
to the best found is passed by before its lines are set, and the cost of ending an event
on a word that must not end one is worked out only when a later event might start there:
the answer is the exhaustive search's, found in a fraction of the time. The rules are the
subtitlers' own (BBC Subtitle Guidelines, Netflix Timed Text Style Guide):

- hard: characters per line, lines per event, and, when the words' times are known, the
  longest and shortest time on screen and the reading speed;
- never after an article, preposition, conjunction, possessive or auxiliary, inside a name,
  between a number and its unit, or between a title and a name;
- best at a sentence end, then at clause punctuation, then before a conjunction or
  preposition; one line when the words fit; two lines of similar length with the lower a
  little longer; no one-word events or one-word lines.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, Sequence

ARTICLES = frozenset("a an the".split())
PREPOSITIONS = frozenset("""of in on at to for with from by about into onto over under between among
amongst through throughout during after before without within against across toward towards upon
via per than as like near despite beyond behind beside besides below above around along amid
amidst since until till unlike versus vs""".split())
CONJUNCTIONS = frozenset("""and or but nor yet so because although though while whereas if unless
whether""".split())
POSSESSIVES = frozenset("my your his her its our their whose".split())
AUXILIARIES = frozenset("""be am is are was were been have has had do does did will would shall should
can could may might must don't doesn't didn't won't wouldn't can't couldn't shouldn't isn't aren't
wasn't weren't hasn't haven't hadn't i'm you're we're they're i've you've we've they've i'll
you'll we'll they'll he'll she'll it'll i'd you'd we'd they'd he'd she'd""".split())
#: the words a line or event must not end on (the issue's "weak words")
WEAK_WORDS = ARTICLES | PREPOSITIONS | CONJUNCTIONS | POSSESSIVES | AUXILIARIES

# Words that lean on the next one: a break after them is poor but sometimes unavoidable.
_CLINGING = frozenset("""i we you he she they it this these those that some any each every all both
no not never very more most less least such many much few several other another own same
who whom which what where when how why there one two three four five six seven eight nine ten""".split())
# Particles of phrasal verbs ("step up", "set out"): a break before them parts the verb.
_PARTICLES = frozenset("up down out off away back apart aside".split())
# Breaking before these starts the new line with a new phrase.
_LINKS = PREPOSITIONS | CONJUNCTIONS | frozenset("that which who whom where when whose".split())
#: words that open a clause: a break before them starts a new thought
_CLAUSE_OPENERS = CONJUNCTIONS | frozenset("that which who whom where when whose".split())
#: words that open a predicate after its subject ("Computer algorithms today | are performing")
_PREDICATE = AUXILIARIES
#: words with a grammatical job rather than content
_FUNCTION = WEAK_WORDS | _CLINGING | _LINKS
_TITLES = frozenset("""president minister secretary chancellor senator governor mayor king queen prince
princess pope judge justice professor prof. dr. dr mr. mr mrs. mrs ms. ms sir lord lady general gen.
colonel col. captain capt. lieutenant sergeant ambassador envoy spokesman spokeswoman spokesperson
chairman chairwoman chair chief commander sheikh ayatollah emir sultan rev. reverend father saint
st. speaker leader premier correspondent reporter""".split())
_NAME_PARTICLES = frozenset("al el bin ibn ben abu van von de da del della der den di du dos la le".split())
_UNITS = frozenset("""percent per cent % million billion trillion thousand hundred dozen km kilometres
kilometers metres meters miles mph kg kilograms tonnes tons pounds dollars euros yen yuan rubles
roubles degrees years year months month weeks week days day hours hour minutes minutes seconds
people troops soldiers a.m. p.m. am pm bn m""".split())
_MONTHS = frozenset("""january february march april may june july august september october november
december jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.""".split())

_SENTENCE_END = re.compile(r"""[.!?]['")\]]*$""")
_CLAUSE_END = re.compile(r"""(?:[,;:]|--|[\u2013\u2014])['")\]]*$""")
_ABBREVIATION = re.compile(r"^(?:[A-Za-z]\.){1,}$|^(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Prof|Jr|Sr|No|vs)\.$")
_PUNCTUATION_ONLY = re.compile(r"""^[^\w"'(\[]+$""")
_OPENING_ONLY = re.compile(r"""["'(\[]+""")
_PREFIXED_NAME = re.compile(r"^[a-z]{1,3}-[A-Z]")
_NUMBER = re.compile(r"^[$£€]?\d[\d,.:]*(?:st|nd|rd|th|s)?$")
_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve twenty thirty
forty fifty sixty seventy eighty ninety hundred thousand million billion dozens hundreds
thousands millions billions""".split())

# Costs. A forbidden break is not impossible (a name longer than a line must break
# somewhere) but outweighs any number of poor ones.
FORBIDDEN = 1000.0
_CLINGING_COST = 6.0
_LIST_SPLIT = 40.0        # an event that ends inside a list
_EVENT_COST = {"sentence": 0.0, "clause": 0.0, "conjunction": 4.5, "link": 12.0, "predicate": 7.5, "plain": 28.0}
_LINE_COST = {"sentence": 4.0, "clause": 5.0, "conjunction": 0.0, "link": 5.0, "predicate": 4.0, "plain": 8.0}
# Punctuation left inside a line, where a reader would have liked the break.
_UNBROKEN = {"sentence": 4.0, "clause": 12.0, "conjunction": 0.0, "link": 0.0, "predicate": 0.0, "plain": 0.0}
_PER_EVENT = 2.0          # fewer, fuller events read better than many small ones
_ONE_WORD_EVENT = 25.0
_ORPHAN_EVENT = 20.0      # an event of a few words that is not a whole sentence: a tail or head left alone
ORPHAN_WORDS = 3
_STRADDLE = 30.0          # an event that ends one sentence and stops partway through the next
_SHORT = 8.0              # per second an event is on screen under COMFORTABLE
COMFORTABLE = 1500        # ms: shorter events flash by
_ORPHAN_LINE = 15.0       # a line of one word beneath or above a full one
_BALANCE = 27.0           # two lines of similar length ...
_BOTTOM_HEAVY = 0.05      # ... the lower about this share of a line longer
_OVERFULL = FORBIDDEN     # a word longer than a line stands alone, over the limit
_TIME = FORBIDDEN         # an event too long or too short on screen
_READING_SPEED = 4.0      # per character a second above the limit
_MARGIN = 1e-6            # far above the rounding of a sum of costs, far below any cost


# The word tests below are asked of the same few thousand words over and over, in one
# script and across a batch: each answer is kept.
@lru_cache(maxsize=1 << 16)
def _bare(token: str) -> str:
    """The word without surrounding quotes, brackets and trailing punctuation, lower case."""
    return token.strip("\"'()[]{}").rstrip(".,;:!?").lower()


@lru_cache(maxsize=1 << 16)
def _is_capitalised(token: str) -> bool:
    """A word of a name: "Putin", "al-Assad"; not "U.S.-backed", whose last part describes."""
    core = token.lstrip("\"'([")
    last = core.rsplit("-", 1)[-1]
    return bool(last) and last[0].isupper() or bool(_PREFIXED_NAME.match(core))


@lru_cache(maxsize=1 << 16)
def _ends_phrase(token: str) -> bool:
    return bool(_SENTENCE_END.search(token) or _CLAUSE_END.search(token) or token.endswith(('"', ")")))


@lru_cache(maxsize=1 << 16)
def is_weak(token: str) -> bool:
    """A word that must not end a line or an event: its phrase goes on after it."""
    if _ends_phrase(token):
        return False
    word = _bare(token)
    return word in WEAK_WORDS or word.endswith(("'s", "s'")) and len(word) > 2


@lru_cache(maxsize=1 << 16)
def sentence_end(token: str) -> bool:
    return bool(_SENTENCE_END.search(token)) and not _ABBREVIATION.match(token.strip("\"'()[]"))


def _name_breaks(words: Sequence[str], names: Sequence[Sequence[str]]) -> dict[int, float]:
    """Break positions (after word i) that fall inside a name, with what breaking there costs:
    the script's names (lower-thirds) most, then capitalised runs ("Syrian Democratic
    Forces", "Bashar al-Assad"), and least between a title and its name, where a name too
    long for a line had best be parted."""
    inside: dict[int, float] = {}
    for i in range(len(words) - 1):
        left, right = words[i], words[i + 1]
        if _ends_phrase(left):
            continue
        if _is_capitalised(right) and _bare(left) in _TITLES:
            inside[i] = FORBIDDEN / 2
        elif _is_capitalised(right) and _is_capitalised(left):
            inside[i] = FORBIDDEN
        elif _bare(left) in _NAME_PARTICLES and i > 0 and _is_capitalised(words[i - 1]) and _is_capitalised(right):
            inside[i - 1] = inside[i] = FORBIDDEN
    # The script's names, looked up by their first word: a report's lower-thirds repeat, and
    # comparing every word with every name grew faster than the script.
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for name in names:
        parts = tuple(_bare(p) for p in name)
        if len(parts) > 1:
            by_first.setdefault(parts[0], set()).add(parts)
    if by_first:
        bare = [_bare(w).removesuffix("'s") for w in words]
        for i, word in enumerate(bare):
            for parts in by_first.get(word, ()):
                if tuple(bare[i:i + len(parts)]) == parts:
                    inside.update(dict.fromkeys(range(i, i + len(parts) - 1), 2 * FORBIDDEN))
    return inside


def _glued(left: str, right: str) -> bool:
    """A number and its unit, or a date's day and month, which must share a line."""
    l, r = _bare(left), _bare(right)
    if _ends_phrase(left):
        return False
    number_left = bool(_NUMBER.match(left.strip("\"'("))) or l in _NUMBER_WORDS
    if number_left and (r in _UNITS or r in _NUMBER_WORDS):
        return True
    if l in _MONTHS and _NUMBER.match(right.strip("\"'(").rstrip(".,;:")):
        return True
    return bool(_NUMBER.match(left.strip("\"'("))) and r in _MONTHS


#: the most words of one item of a list ("Syrian Democratic Forces")
_LIST_ITEM = 3


def _plain_word(token: str) -> bool:
    """A word with no punctuation after it, that is not a function word: part of an item."""
    return not _ends_phrase(token) and _bare(token) not in _FUNCTION and bool(_bare(token))


def list_spans(words: Sequence[str]) -> list[tuple[int, int]]:
    """The lists in `words`, each as [start, end) word indices: items of up to three words
    parted by commas, the last joined by `and` or `or` ("Russia, Turkey and Iran"; "food,
    water, and medicine"). The first item reaches back no further than the longest of the
    others, nor past a function word; the last item no further forward."""
    spans = []
    for k in range(1, len(words) - 1):
        if _bare(words[k]) not in ("and", "or") or _ends_phrase(words[k]):
            continue
        items: list[tuple[int, int]] = []  # [start, end) of each item before `and`, nearest first
        end = k
        while True:
            start = end
            while start > 0 and end - start < _LIST_ITEM:
                word = words[start - 1]
                if start < end and word.endswith(","):
                    break  # the comma closes the item before
                if not _plain_word(word[:-1] if word.endswith(",") else word):
                    break
                start -= 1
            if start == end:
                break
            items.append((start, end))
            if start == 0 or not words[start - 1].endswith(","):
                break
            end = start
        if len(items) < 2:
            # two names or name-words joined ("Turkish and Iranian counterparts", "Russia
            # and Iran"): a pair, kept as a list is
            if not (_is_capitalised(words[k - 1]) and _is_capitalised(words[k + 1])
                    and not _ends_phrase(words[k - 1]) and k > 1 and not sentence_end(words[k - 2])):
                continue
            items = [(k - 1, k), (k - 1, k)]
        longest = max(b - a for a, b in items[:-1])
        first_start = max(items[-1][0], items[-1][1] - longest)
        stop = k + 1
        while stop < len(words) and stop - k <= longest + 1 and _plain_word(words[stop].rstrip(".,;:!?")):
            stop += 1
            if _ends_phrase(words[stop - 1]):
                break
        if stop > k + 1:
            spans.append((first_start, stop))
    return spans


def _parts_phrase(left: str, right: str) -> bool:
    """A break that parts a phrase no function word marks: a phrasal verb from its particle
    or the particle from its object ("step up | efforts"), or a last word from the word it
    completes at the end of a phrase ("firefighting | planes.", "leave | power.")."""
    if _ends_phrase(left):
        return False
    l, r = _bare(left), _bare(right)
    if r in _PARTICLES or l in _PARTICLES and r not in _LINKS:
        return True
    return _ends_phrase(right) and l not in _FUNCTION and r not in _FUNCTION \
        and not _is_capitalised(left) and not _is_capitalised(right)


def binds(left: str, right: str) -> bool:
    """Whether `left` binds to `right`: a subtitle should not end between them."""
    _, forbidden, clinging = _between(left, right)
    if forbidden or clinging or _parts_phrase(left, right):
        return True
    if _ends_phrase(left):
        return False
    return _is_capitalised(right) and (_is_capitalised(left) or _bare(left) in _TITLES)


class _Break(NamedTuple):
    kind: str        # sentence, clause, link or plain
    penalty: float   # forbidden or clinging
    parting: float = 0.0  # what ending an event here costs on top: inside a list


def _breaks(words: Sequence[str], names: Sequence[Sequence[str]]) -> list[_Break]:
    """What a break after each word (but the last) would do."""
    inside = _name_breaks(words, names)
    in_list = bytearray(len(words))
    for a, b in list_spans(words):
        in_list[a:b - 1] = b"\x01" * (b - 1 - a)
    out = []
    for i in range(len(words) - 1):
        kind, forbidden, clinging = _between(words[i], words[i + 1])
        penalty = inside.get(i, 0.0)
        if forbidden:
            penalty += FORBIDDEN
        elif clinging or _parts_phrase(words[i], words[i + 1]):
            penalty = max(penalty, _CLINGING_COST)
        out.append(_Break(kind, penalty, _LIST_SPLIT if in_list[i] else 0.0))
    return out


@lru_cache(maxsize=1 << 16)  # a script's word pairs repeat ("of the", "said that")
def _between(left: str, right: str) -> tuple[str, bool, bool]:
    """A break between two words: its kind, whether it is forbidden, whether it is poor."""
    if sentence_end(left):
        kind = "sentence"
    elif _CLAUSE_END.search(left):
        # a comma inside a list of names ("Russia, Turkey and Iran") joins more than it parts
        in_list = left.endswith(",") and _is_capitalised(left) and _is_capitalised(right)
        kind = "plain" if in_list else "clause"
    elif _bare(right) in _CLAUSE_OPENERS:
        kind = "conjunction"
    elif _bare(right) in _LINKS:
        kind = "link"
    elif _bare(right) in _PREDICATE and not is_weak(left):
        kind = "predicate"
    else:
        kind = "plain"
    forbidden = bool(is_weak(left) or _glued(left, right) or _PUNCTUATION_ONLY.match(right)
                     or _OPENING_ONLY.fullmatch(left))
    clinging = (_bare(left) in _CLINGING or _bare(right) in _PARTICLES) and not _ends_phrase(left)
    return kind, forbidden, clinging


@dataclass(frozen=True)
class Timing:
    """When each word is said, and the limits on how long an event may stay on screen (ms).

    `until` is the latest an event ending on the last word may stay up (the next segment's
    first word, less the gap)."""

    starts: Sequence[float]
    ends: Sequence[float]
    until: float
    gap: float
    min_duration: float
    max_duration: float
    max_cps: float


def _two_lines(widths: list[int], line_costs: list[float], i: int, j: int,
               max_chars: int) -> tuple[float, int] | None:
    """The best single break setting words[i:j] as two lines: (cost, start of the lower)."""
    base = widths[i]
    total = widths[j] - base - 1
    # Only breaks that leave both lines within the width (or a lone overlong word on one)
    # can be taken: find them by bisection rather than trying every word.
    first = bisect_left(widths, widths[j] - max_chars - 1, i + 1, j)
    last = bisect_right(widths, base + max_chars + 1, i + 1, j) - 1
    candidates: range | list[int] = range(first, last + 1)
    if first > i + 1 and (widths[j] - widths[i + 1] - 1 <= max_chars or j - i == 2):
        candidates = [i + 1, *candidates]
    if last < j - 1 and (widths[j - 1] - base - 1 <= max_chars or j - i == 2) and j - 1 > i + 1:
        candidates = [*candidates, j - 1]
    best_cost, best_k = math.inf, -1
    for k in candidates:
        top = widths[k] - base - 1
        bottom = total - top - 1
        cost = line_costs[k - 1] + _balance(top, bottom, max_chars)
        cost += _OVERFULL * ((top > max_chars) + (bottom > max_chars))
        cost += _ORPHAN_LINE * ((k - i == 1) + (j - k == 1))
        if cost < best_cost:
            best_cost, best_k = cost, k
    return None if best_k < 0 else (best_cost, best_k)


def _many_lines(widths: list[int], line_costs: list[float], i: int, j: int,
                max_chars: int, max_lines: int, memo: dict) -> tuple[float, tuple[int, ...]] | None:
    """The best way to set words[i:j] as at most max_lines lines: (cost, where the lines
    after the first start)."""
    total = widths[j] - widths[i] - 1
    if total <= max_chars or j - i == 1:
        return (_OVERFULL if total > max_chars else 0.0), ()
    if max_lines < 2:
        return None
    key = (i, max_lines)  # the memo holds settings of words ending at j only
    if key in memo:
        return memo[key]
    if max_lines == 2:
        two = _two_lines(widths, line_costs, i, j, max_chars)
        memo[key] = None if two is None else (two[0], (two[1],))
        return memo[key]
    # More than two lines: the first line, then the best setting of the rest.
    best: tuple[float, tuple[int, ...]] | None = None
    for k in range(i + 1, j):
        top = widths[k] - widths[i] - 1
        if top > max_chars and k - i > 1:
            break
        rest = _many_lines(widths, line_costs, k, j, max_chars, max_lines - 1, memo)
        if rest is None:
            continue
        following = widths[rest[1][0] if rest[1] else j] - widths[k] - 1
        cost = rest[0] + line_costs[k - 1] + _balance(top, following, max_chars) \
            + _ORPHAN_LINE * (k - i == 1) + _OVERFULL * (top > max_chars)
        if best is None or cost < best[0]:
            best = (cost, (k, *rest[1]))
    memo[key] = best
    return best


def _balance(top: int, bottom: int, max_chars: int) -> float:
    """Lines of similar length, the lower one a little longer (a pyramid)."""
    ideal = _BOTTOM_HEAVY * max_chars
    off = (bottom - top - ideal) / max_chars
    return _BALANCE * off * off


def break_events(words: Sequence[str], max_chars: int, max_lines: int, *,
                 names: Sequence[Sequence[str]] = (), timing: Timing | None = None,
                 exhaustive: bool = False) -> list[list[str]]:
    """The best events for `words`: a list of events, each a list of lines (strings).

    `exhaustive` weighs every event, passing none by: the same answer, slower (for tests).
    """
    n = len(words)
    if n == 0:
        return []
    widths = [0]  # widths[k]: characters of words[:k], each with a space after it
    for word in words:
        widths.append(widths[-1] + len(word) + 1)
    breaks = _breaks(words, names)
    capacity = max_lines * (max_chars + 1)
    line_costs = [_LINE_COST[b.kind] + b.penalty for b in breaks]
    event_costs = [_EVENT_COST[b.kind] + b.penalty + b.parting for b in breaks]
    unbroken_at = [_UNBROKEN[b.kind] for b in breaks]
    # unbroken[k]: the punctuation costs of breaks 0..k-1 if none of them is taken
    unbroken = [0.0]
    for cost in unbroken_at:
        unbroken.append(unbroken[-1] + cost)
    # sentences[k]: how many sentence ends there are among breaks 0..k-1
    sentences = [0]
    for b in breaks:
        sentences.append(sentences[-1] + (b.kind == "sentence"))

    # last_sentence[k]: the last sentence end among breaks 0..k-1 (its word's index), or -1
    last_sentence = [-1]
    for k, b in enumerate(breaks):
        last_sentence.append(k if b.kind == "sentence" else last_sentence[-1])
    # the most punctuation costs the line breaks inside one event can take back
    taken_most = max(_UNBROKEN.values()) * (max_lines - 1)
    margin = math.inf if exhaustive else _MARGIN  # an infinite margin passes nothing by
    memo: dict[int, dict] = {}  # by the end j being settled: settings of words[i:j] by (i, lines)
    # best[j]: the least cost of words[:j] as events, once settled; floor[j] never exceeds it
    best = [math.inf] * (n + 1)
    floor = [0.0] * (n + 1)
    settled = bytearray(n + 1)
    settled[0] = 1
    choice: list[tuple[int, tuple[int, ...]]] = [(0, ())] * (n + 1)
    best[0] = 0.0
    if timing is not None:
        starts, ends, gap = timing.starts, timing.ends, timing.gap
        min_duration, max_duration, max_cps = timing.min_duration, timing.max_duration, timing.max_cps

    def earliest(j: int) -> int:
        """The earliest start whose words fit in an event ending at j (a word too long for a
        line still stands alone)."""
        return min(bisect_left(widths, widths[j] - 1 - capacity), j - 1)

    def settle(j: int) -> int | None:
        """Weigh every event ending at j, setting best[j] and choice[j]; or, when one starts
        at an end not yet settled and might win, that end, to be settled first."""
        end_cost = _PER_EVENT
        if j < n:
            end_cost += event_costs[j - 1]
        straddles = j < n and breaks[j - 1].kind != "sentence"
        whole_end = not straddles
        if timing is not None:
            limit = starts[j] - gap if j < n else timing.until
            last_end = ends[j - 1]
        best_j, chosen = math.inf, (-1, ())
        unsettled = []
        for i in range(j - 1, earliest(j) - 1, -1):
            # The cheapest test first: many starts stop here. Every test passes by only what
            # costs more than the best so far: of equal costs the shorter event wins.
            if floor[i] + end_cost - margin > best_j:
                continue
            if not settled[i]:
                unsettled.append(i)
                continue
            so_far = best[i] + end_cost
            chars = widths[j] - widths[i] - 1
            inner = unbroken[j - 1] - unbroken[i]
            straddle = 0.0
            if straddles and sentences[j - 1] > sentences[i]:
                # a few words of the next sentence hanging at the end ("... transition. Turkey,")
                straddle = _STRADDLE + (_ORPHAN_EVENT if j - 1 - last_sentence[j - 1] <= ORPHAN_WORDS else 0.0)
            one_word = _ONE_WORD_EVENT if j - i == 1 and n > 1 else 0.0
            if j - i <= ORPHAN_WORDS and not (whole_end and (i == 0 or breaks[i - 1].kind == "sentence")):
                one_word += _ORPHAN_EVENT
            short = overlong = pace = 0.0  # what showing the event costs in time
            if timing is not None:
                start = starts[i]
                available = limit - start
                if available > max_duration:
                    available = max_duration
                if available < COMFORTABLE:
                    short = _SHORT * (COMFORTABLE - available) / 1000
                if last_end - start > max_duration and j - i > 1:
                    overlong = _TIME * (1 + (last_end - start - max_duration) / 1000)
                if available < min_duration:
                    pace = _TIME * (1 + (min_duration - available) / 1000)
                elif chars * 1000 > max_cps * available:
                    pace = _READING_SPEED * (chars * 1000 / available - max_cps)
            # No cost is negative: a start that loses on what is known before the lines are
            # set (the punctuation left inside, less what line breaks could take back) is
            # passed by. The margin covers rounding in the order the costs are added.
            known = max(inner - taken_most, 0.0) if chars > max_chars else inner
            if so_far + known + straddle + one_word + short + overlong + pace - margin > best_j:
                continue
            # One line, two, or (rarely) more: the common cases without building lists.
            if chars <= max_chars or j - i == 1:
                setting_cost, lower = (_OVERFULL if chars > max_chars else 0.0), ()
            elif max_lines == 2:
                two = _two_lines(widths, line_costs, i, j, max_chars)
                if two is None:
                    continue
                setting_cost, lower = two[0], (two[1],)
            else:
                setting = _many_lines(widths, line_costs, i, j, max_chars, max_lines,
                                      memo.setdefault(j, {}))
                if setting is None:
                    continue
                setting_cost, lower = setting
            for k in lower:  # the breaks taken between lines are not left unbroken
                inner -= unbroken_at[k - 1]
            cost = best[i] + setting_cost + end_cost + inner + straddle + one_word
            cost += short
            cost += overlong
            cost += pace
            if cost < best_j or cost == best_j and i > chosen[0]:
                best_j, chosen = cost, (i, lower)
        for i in unsettled:
            if floor[i] + end_cost - margin <= best_j:
                return i
        best[j] = floor[j] = best_j
        choice[j] = chosen
        settled[j] = 1
        memo.pop(j, None)  # no later event ends at j: memory stays linear in the words
        return None

    for j in range(1, n + 1):
        if j < n and event_costs[j - 1] >= FORBIDDEN and not exhaustive:
            # An event may end on a word that must not end one only where nothing else fits,
            # so such an end is settled only when a later event might start there; until
            # then its cost is known to be at least the forbidden break's above the least
            # cost it could follow.
            floor[j] = min(floor[earliest(j):j]) + _PER_EVENT + event_costs[j - 1]
            continue
        pending = [j]  # ends to settle, each before the one below it
        while pending:
            needed = settle(pending[-1])
            if needed is None:
                pending.pop()
            else:
                pending.append(needed)
    events = []
    j = n
    while j > 0:
        i, lower = choice[j]
        bounds = (i, *lower, j)
        events.append([" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:])])
        j = i
    return events[::-1]
