"""Constrained string types shared across the model.

The patterns live here so that pydantic and the generated JSON Schema enforce the same thing.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

#: An element id, usable as an XML ``xs:ID`` (an NCName).
Id = Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_.\-]*$")]

#: ICS code: two digits, optionally three, optionally two (ICS 7th ed., domain note 2).
IcsCodeStr = Annotated[str, Field(pattern=r"^[0-9]{2}(\.[0-9]{3}(\.[0-9]{2})?)?$")]

#: CCS code: one letter A-Z except I and O, then two digits (domain note 2).
CcsCodeStr = Annotated[str, Field(pattern=r"^[A-HJ-NP-Z][0-9]{2}$")]

#: Harmonized stage code SS.ss (ISO/IEC Directives Part 1, Annex SD).
StageCode = Annotated[str, Field(pattern=r"^[0-9]{2}\.[0-9]{2}$")]

#: A calendar date, possibly reduced to a year or a month (ISO 8601-1:2019, 5.2.2).
PartialDate = Annotated[str, Field(pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")]

#: A language tag; checked against BCP 47 by validation rules, not by the model.
LanguageTag = Annotated[str, Field(min_length=1)]

#: A designation of a standard as written, e.g. ``ISO 9001:2015``; see :mod:`mrstd.ids`.
IdentifierStr = Annotated[str, Field(min_length=1)]
