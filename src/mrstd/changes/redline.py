"""A diff as a redline: the new document rendered by the HTML renderer, with what was
removed struck through where it stood, what was added marked, edited texts shown word by
word, and moved clauses marked at both ends."""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from ..formats.xmlescape import escape_text
from ..model import BlockNode, Clause, Paragraph
from ..rendering.html import HtmlRenderer
from .result import Change, ChangeKind, Diff
from .units import join_words, tokens

esc = escape_text

_CSS = """
.diff-summary { border: 1px solid #999; padding: .5em 1em; margin: 1em 0; }
.diff-added { border-left: 4px solid #2a7; padding-left: .5em; background: #efe; }
.diff-removed { border-left: 4px solid #c33; padding-left: .5em; background: #fee;
  text-decoration: line-through; }
.diff-changed { border-left: 4px solid #c90; padding-left: .5em; }
.diff-note, .diff-moved-from { color: #a60; font-size: .9em; font-style: italic; }
del { background: #fcc; } ins { background: #cfc; text-decoration: none; }
@media print { .diff-summary { display: none; } }
"""


class RedlineRenderer(HtmlRenderer):
    """The new document of a diff, marked."""

    extra_css = _CSS

    def __init__(self, result: Diff) -> None:
        documents = result._documents
        if documents is None:
            raise ValueError("a diff read back from JSON has no documents to render")
        super().__init__(documents[1])
        self.result = result
        self.by_node = result._by_node
        self.places = result._old_places
        self.texts = result._texts

    # ------------------------------------------------------------ hooks

    def legend(self) -> None:
        super().legend()
        counts = self.result.counts()
        shown = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())) or "no changes"
        old, new = self.result.old.identifier, self.result.new.identifier
        self.w(
            f'<div class="diff-summary"><strong>{esc(old)} → {esc(new)}</strong>: '
            f"{esc(shown)}. <del>Struck</del> text was removed, <ins>marked</ins> text added."
            "</div>"
        )

    def shows_group(self, number: int, group: str) -> bool:
        return ("group", (number, group)) in self.places

    def group_start(self, number: int, group: str) -> None:
        self.old_things(("group", (number, group)))

    def before_blocks(self, clause: Clause) -> None:
        self.old_things(("blocks", id(clause)))

    def before_subclauses(self, clause: Clause) -> None:
        self.old_things(("subclauses", id(clause)))

    def clause(self, clause: Clause, fallback: str, level: int) -> None:
        changes = self.by_node.get(id(clause), [])
        kinds = {c.kind for c in changes}
        box = _box(kinds)
        if box:
            self.w(f'<div class="{box}">')
        for change in changes:
            if change.kind is not ChangeKind.ADDED and change.kind is not ChangeKind.REMOVED:
                self.note(change)
        super().clause(clause, fallback, level)
        if box:
            self.w("</div>")
        self.old_things(("after", id(clause)))

    def block(self, b: BlockNode) -> None:
        changes = self.by_node.get(id(b), [])
        text = self.texts.get(id(b))
        if not changes:
            super().block(b)
        elif text is not None and isinstance(b, Paragraph):
            self.w('<div class="diff-changed">')
            self.redline(*text)
            self.w("</div>")
        else:
            box = _box({c.kind for c in changes}) or "diff-changed"
            self.w(f'<div class="{box}">')
            for change in changes:
                if change.kind is not ChangeKind.ADDED and change.kind is not ChangeKind.REMOVED:
                    self.note(change)
            super().block(b)
            self.w("</div>")
        self.old_things(("after", id(b)))

    # ------------------------------------------------------------ marks

    def note(self, change: Change) -> None:
        self.w(f'<p class="diff-note">{esc(change.detail)}</p>')

    def old_things(self, where: tuple[str, Any]) -> None:
        """What of the old document stood here: removed clauses and units, struck through,
        and the old places of moved clauses."""
        for thing in self.places.get(where, ()):
            if isinstance(thing, tuple):  # ("moved", the clause where it is now)
                now: Clause = thing[1]
                label = f" {now.label}" if now.label else ""
                self.w(f'<p class="diff-moved-from">A clause moved from here to{esc(label)}.</p>')
            elif isinstance(thing, Clause):
                self.clause(thing, f"removed-{id(thing)}", 3)
            else:
                self.w('<div class="diff-removed">')
                super().block(thing)
                self.w("</div>")

    def redline(self, old: str, new: str) -> None:
        """A text, word by word: removed words struck, added ones marked."""
        a, b = tokens(old), tokens(new)
        self.w("<p>")
        matcher = SequenceMatcher(None, a, b, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                self.w(esc(_shown(a[i1:i2])) + " ")
                continue
            if i2 > i1:
                self.w(f"<del>{esc(_shown(a[i1:i2]))}</del> ")
            if j2 > j1:
                self.w(f"<ins>{esc(_shown(b[j1:j2]))}</ins> ")
        self.w("</p>")


def _box(kinds: set[ChangeKind]) -> str:
    if ChangeKind.ADDED in kinds:
        return "diff-added"
    if ChangeKind.REMOVED in kinds:
        return "diff-removed"
    return ""


def _shown(words: list[str]) -> str:
    """Words as a reader sees them: a cross-reference by its target, a citation as itself."""
    return join_words(
        [w[1:-1] if w[0] == "⟦" else f"[{w[1:-1]}]" if w[0] == "⟨" else w for w in words]
    )


def render_redline(result: Diff) -> str:
    """The diff as one HTML page: the new document, marked."""
    return RedlineRenderer(result).page()
