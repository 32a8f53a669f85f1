"""Aligning two sequences of units: first in order by a key (difflib's matching blocks),
then the rest by keys that are unique on both sides, then by the words they share.

Nothing here is quadratic in the number of units: the ordered pass is difflib's, which is
close to linear on mostly equal sequences; the unique-key passes are dictionary lookups; and
the last pass compares a unit only with the few candidates that share its rarest words.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence
from difflib import SequenceMatcher
from typing import Any, Generic, Protocol, TypeVar


class Aligned(Protocol):
    def words(self) -> frozenset[str]: ...


T = TypeVar("T", bound=Aligned)
U = TypeVar("U")
Key = Callable[[T], Hashable | None]
#: A word in more units than this says little about which unit is which.
_COMMON = 40
#: Candidates compared with a unit in the last pass, at most.
_CANDIDATES = 12


class Alignment(Generic[U]):
    """Pairs of positions in ``old`` and ``new``, each position in one pair at most."""

    def __init__(self, old: Sequence[U], new: Sequence[U]) -> None:
        self.old = old
        self.new = new
        self.pairs: dict[int, int] = {}
        self.taken: set[int] = set()

    def add(self, i: int, j: int) -> None:
        if i not in self.pairs and j not in self.taken:
            self.pairs[i] = j
            self.taken.add(j)

    def old_left(self) -> list[int]:
        return [i for i in range(len(self.old)) if i not in self.pairs]

    def new_left(self) -> list[int]:
        return [j for j in range(len(self.new)) if j not in self.taken]


def in_order(alignment: Alignment[T], key: Key[T]) -> None:
    """Pair the units difflib finds in the same order with equal keys (a None key never
    pairs)."""
    old = [_key_or_unique(key(u)) for u in alignment.old]
    new = [_key_or_unique(key(u)) for u in alignment.new]
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for i, j, size in matcher.get_matching_blocks():
        for k in range(size):
            alignment.add(i + k, j + k)


def _key_or_unique(value: Hashable | None) -> Hashable:
    return object() if value is None else value


def by_unique_key(alignment: Alignment[T], key: Key[T]) -> None:
    """Pair units left on both sides whose key no other unit left on its side has."""
    old = _unique(alignment.old, alignment.old_left(), key)
    new = _unique(alignment.new, alignment.new_left(), key)
    for value, i in old.items():
        j = new.get(value)
        if j is not None:
            alignment.add(i, j)


def _unique(units: Sequence[T], left: list[int], key: Key[T]) -> dict[Hashable, int]:
    seen: dict[Hashable, int] = {}
    twice: set[Hashable] = set()
    for i in left:
        value = key(units[i])
        if value is None:
            continue
        if value in seen:
            twice.add(value)
        seen[value] = i
    return {value: i for value, i in seen.items() if value not in twice}


def by_words(alignment: Alignment[T], threshold: float) -> None:
    """Pair units left on both sides by the words they share (Jaccard similarity at least
    ``threshold``), best first, comparing each with the candidates sharing its rarer words."""
    old_left, new_left = alignment.old_left(), alignment.new_left()
    if not old_left or not new_left:
        return
    postings: defaultdict[str, list[int]] = defaultdict(list)
    for j in new_left:
        for word in alignment.new[j].words():
            postings[word].append(j)
    scored: list[tuple[float, int, int]] = []
    for i in old_left:
        words = alignment.old[i].words()
        shared: Counter[int] = Counter()
        for word in words:
            found = postings.get(word)
            if found is not None and len(found) <= _COMMON:
                shared.update(found)
        if not shared and len(new_left) <= _CANDIDATES:
            shared.update(new_left)  # every word is common: few units left, try them all
        for j, _count in shared.most_common(_CANDIDATES):
            other = alignment.new[j].words()
            union = len(words | other)
            score = len(words & other) / union if union else 1.0
            if score >= threshold:
                scored.append((score, i, j))
    for _score, i, j in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        alignment.add(i, j)


def by_position(alignment: Alignment[Any]) -> None:
    """Pair the units left between two consecutive pairs when as many are left on each
    side: the same place in both documents (for texts that cannot be compared word by word,
    as a translation)."""
    pairs = sorted(alignment.pairs.items())
    bounds = [(-1, -1), *pairs, (len(alignment.old), len(alignment.new))]
    for (i0, j0), (i1, j1) in itertools.pairwise(bounds):
        olds = [i for i in range(i0 + 1, i1) if i not in alignment.pairs]
        news = [j for j in range(j0 + 1, j1) if j not in alignment.taken]
        if len(olds) == len(news):
            for i, j in zip(olds, news, strict=True):
                alignment.add(i, j)


def out_of_order(pairs: Sequence[tuple[int, int]]) -> set[int]:
    """The old positions of the pairs that moved: those outside a longest run of pairs
    whose new positions rise with their old ones (O(n log n))."""
    ordered = sorted(pairs)
    news = [j for _, j in ordered]
    tails: list[int] = []  # the index in ``news`` ending the best run of each length
    before: list[int] = [-1] * len(news)
    tail_values: list[int] = []
    for k, value in enumerate(news):
        at = bisect.bisect_left(tail_values, value)
        if at == len(tail_values):
            tail_values.append(value)
            tails.append(k)
        else:
            tail_values[at] = value
            tails[at] = k
        before[k] = tails[at - 1] if at else -1
    keep: set[int] = set()
    k = tails[-1] if tails else -1
    while k != -1:
        keep.add(k)
        k = before[k]
    return {ordered[k][0] for k in range(len(ordered)) if k not in keep}
