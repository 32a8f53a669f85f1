"""A large, realistic benchmark document, generated deterministically.

About 5,000 clauses, 20,000 blocks and 5,000 cross-references: roughly 5 MB of JSON.
"""

from __future__ import annotations

import random

from mrstd.model import (
    Cell,
    Clause,
    ClauseKind,
    Dates,
    Document,
    DocumentIdentifier,
    Formula,
    IcsCode,
    Inline,
    ListBlock,
    ListItem,
    Metadata,
    Note,
    Paragraph,
    ReferenceEntry,
    Row,
    StandardRef,
    Style,
    Styled,
    Table,
    Text,
    Title,
    Xref,
)

_WORDS = [
    "the",
    "device",
    "shall",
    "be",
    "tested",
    "under",
    "the",
    "conditions",
    "specified",
    "in",
    "this",
    "clause",
    "and",
    "the",
    "results",
    "recorded",
    "with",
    "their",
    "uncertainty",
    "so",
    "that",
    "the",
    "requirements",
    "can",
    "be",
    "verified",
    "by",
    "a",
    "third",
    "party",
]


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(n)).capitalize() + ". "


def large_document(clauses: int = 5000, blocks_per_clause: int = 4, seed: int = 7) -> Document:
    """Build the benchmark document: ``clauses`` clauses of ``blocks_per_clause`` blocks."""
    rng = random.Random(seed)
    ids: list[str] = []
    body: list[Clause] = []
    top: Clause | None = None
    for i in range(clauses):
        cid = f"clause-{i}"
        ids.append(cid)
        blocks = []
        for j in range(blocks_per_clause):
            content: list[Inline] = [Text(text=_sentence(rng, 14))]
            if j == 0 and ids:
                target = ids[rng.randrange(len(ids))]
                content += [
                    Text(text="See "),
                    Xref(target=target, content=[Text(text=target)]),
                    Text(text=" and "),
                    Styled(style=Style.EMPHASIS, content=[Text(text=_sentence(rng, 3))]),
                ]
            if j == 1 and i % 5 == 0:
                content.append(
                    StandardRef(identifier="ISO 9001:2015", content=[Text(text="ISO 9001")])
                )
            kind = j % 4
            if kind == 3 and i % 10 == 0:
                blocks.append(
                    Table(
                        id=f"table-{i}",
                        caption=[Text(text="Test values")],
                        body=[
                            Row(cells=[Cell(content=[Text(text=str(r * c))]) for c in range(4)])
                            for r in range(4)
                        ],
                    )
                )
            elif kind == 3 and i % 10 == 5:
                blocks.append(
                    Formula(
                        id=f"formula-{i}",
                        mathml='<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi></math>',
                    )
                )
            elif kind == 2 and i % 3 == 0:
                blocks.append(
                    ListBlock(
                        items=[
                            ListItem(blocks=[Paragraph(content=[Text(text=_sentence(rng, 8))])])
                            for _ in range(3)
                        ]
                    )
                )
            elif kind == 2 and i % 3 == 1:
                blocks.append(Note(blocks=[Paragraph(content=[Text(text=_sentence(rng, 12))])]))
            else:
                blocks.append(Paragraph(content=content))
        clause = Clause(
            id=cid, label=str(i + 1), title=[Text(text=_sentence(rng, 4).strip())], blocks=blocks
        )
        if i % 10 == 0 or top is None:
            top = clause
            body.append(top)
        else:
            top.subclauses = (*top.subclauses, clause)
    refs = Clause(
        id="refs",
        kind=ClauseKind.NORMATIVE_REFERENCES,
        title=[Text(text="Normative references")],
        blocks=[ReferenceEntry(id="ref-9001", identifier="ISO 9001:2015")],
    )
    return Document(
        metadata=Metadata(
            identifier=DocumentIdentifier(value="ISO 99999:2026"),
            titles=[Title(language="en", main="Benchmark document")],
            dates=Dates(published="2026-01-01"),
            ics=[IcsCode(code="03.120.10")],
        ),
        body=[refs, *body],
    )


if __name__ == "__main__":
    import mrstd

    doc = large_document()
    data = mrstd.dumps(doc)
    n_blocks = sum(len(c.blocks) for c in doc.clauses())
    print(
        f"{len(data) / 1e6:.1f} MB JSON, {sum(1 for _ in doc.clauses())} clauses, {n_blocks} blocks"
    )
