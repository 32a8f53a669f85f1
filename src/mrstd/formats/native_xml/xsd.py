"""The XML Schema of native XML, generated from the same mapping the reader and writer use.

``python -m mrstd.formats.native_xml --write-xsd`` refreshes schemas/1.0/mrstd.xsd;
a test fails when the committed file is stale.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import quoteattr

from ...io import write_atomic
from ...model import SCHEMA_VERSION
from ...model import types as model_types
from .mapping import (
    NAMESPACE,
    ClassSpec,
    FieldSpec,
    Kind,
    Mapping,
    Scalar,
    _scalar,
    _strip_annotated,
    mapping,
)

XSD_PATH = Path(__file__).resolve().parents[4] / "schemas" / SCHEMA_VERSION / "mrstd.xsd"


def _xsd_pattern(pattern: str) -> str:
    """A Python regex as an XSD pattern: XSD patterns are anchored and have no ^ or $."""
    if pattern.startswith("^"):
        pattern = pattern[1:]
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1]
    if any(token in pattern for token in ("(?", "\\A", "\\Z", "\\b")):
        raise ValueError(f"pattern {pattern!r} has no XSD equivalent")
    return pattern


class _Builder:
    def __init__(self, m: Mapping) -> None:
        self.m = m
        self.lines: list[str] = []
        self.type_names = self._type_names()
        self.groups: dict[frozenset[type], str] = {}
        self.group_order: list[tuple[str, FieldSpec]] = []
        self.enums: dict[str, Scalar] = {}

    def _type_names(self) -> dict[type, str]:
        by_name: dict[str, list[type]] = {}
        for cls in self.m.specs:
            by_name.setdefault(cls.__name__, []).append(cls)
        names: dict[type, str] = {}
        for name, classes in by_name.items():
            for cls in classes:
                if len(classes) == 1:
                    names[cls] = name
                else:
                    names[cls] = f"{cls.__module__.rsplit('.', 1)[-1]}.{name}"
        return names

    def group(self, f: FieldSpec) -> str:
        key = frozenset(spec.cls for spec in f.items.values())
        name = self.groups.get(key)
        if name is None:
            tags = set(f.items)
            if "text" in tags:
                base = "Inline"
            elif "paragraph" in tags:
                base = "Block"
            else:
                base = f"Union{len(self.groups) + 1}"
            name = self.groups[key] = base
            self.group_order.append((name, f))
        return name

    def simple_type(self, scalar: Scalar) -> str:
        """A type reference for a scalar; constrained ones become named simple types."""
        if scalar.base is bool:
            return "xs:boolean"
        if scalar.enum is not None:
            name = scalar.enum.__name__
            self.enums.setdefault(name, scalar)
            return name
        facets = self._facets(scalar)
        if not facets:
            return "xs:integer" if scalar.base is int else "xs:string"
        name = self._constrained_name(scalar)
        self.enums.setdefault(name, scalar)
        return name

    def _constrained_name(self, scalar: Scalar) -> str:
        for name, known in self.enums.items():
            if known == scalar:
                return name
        named = _named_types().get(_scalar_key(scalar))
        if named is not None and named not in self.enums:
            return named
        count = sum(1 for s in self.enums.values() if s.enum is None) + 1
        return f"Restricted{count}"

    def _facets(self, scalar: Scalar) -> list[str]:
        facets: list[str] = []
        if scalar.choices is not None:
            facets += [f"<xs:enumeration value={quoteattr(c)}/>" for c in scalar.choices]
        if scalar.pattern is not None:
            facets.append(f"<xs:pattern value={quoteattr(_xsd_pattern(scalar.pattern))}/>")
        if scalar.min_length is not None:
            facets.append(f'<xs:minLength value="{scalar.min_length}"/>')
        if scalar.max_length is not None:
            facets.append(f'<xs:maxLength value="{scalar.max_length}"/>')
        for key, facet in (
            ("ge", "minInclusive"),
            ("gt", "minExclusive"),
            ("le", "maxInclusive"),
            ("lt", "maxExclusive"),
        ):
            value = getattr(scalar, key)
            if value is not None:
                facets.append(f'<xs:{facet} value="{value}"/>')
        return facets

    # ---------------------------------------------------------------- content

    def items_particle(self, f: FieldSpec, pad: str, occurs: str) -> list[str]:
        if f.kind is Kind.SEQ_SCALAR:
            assert f.scalar is not None
            t = self.simple_type(f.scalar)
            return [f'{pad}<xs:element name="item" type="{t}"{occurs}/>']
        if f.union:
            return [f'{pad}<xs:group ref="{self.group(f)}"{occurs}/>']
        ((tag, spec),) = f.items.items()
        return [f'{pad}<xs:element name="{tag}" type="{self.type_names[spec.cls]}"{occurs}/>']

    def field_element(self, f: FieldSpec, pad: str) -> list[str]:
        low = ' minOccurs="0"' if not f.required or f.kind is not Kind.MODEL else ""
        many = ' minOccurs="0" maxOccurs="unbounded"'
        name = f.xml_name
        if f.kind is Kind.MODEL and not f.union:
            ((_, spec),) = f.items.items()
            return [f'{pad}<xs:element name="{name}" type="{self.type_names[spec.cls]}"{low}/>']
        out = [f'{pad}<xs:element name="{name}"{low}>']
        if f.kind is Kind.MODEL:
            out.append(f"{pad}  <xs:complexType>")
            out.append(f"{pad}    <xs:sequence>")
            out.extend(self.items_particle(f, pad + "      ", ""))
            out.append(f"{pad}    </xs:sequence>")
        elif f.kind is Kind.SEQ_INLINE:
            out.append(f'{pad}  <xs:complexType mixed="true">')
            out.extend(self.items_particle(f, pad + "    ", many))
        elif f.kind is Kind.XML:
            out.append(f'{pad}  <xs:complexType mixed="true">')
            out.extend(self._any(pad + "    "))
        else:
            out.append(f"{pad}  <xs:complexType>")
            out.append(f"{pad}    <xs:sequence>")
            out.extend(self.items_particle(f, pad + "      ", many))
            out.append(f"{pad}    </xs:sequence>")
        out.append(f"{pad}  </xs:complexType>")
        out.append(f"{pad}</xs:element>")
        return out

    def _any(self, pad: str) -> list[str]:
        return [
            f"{pad}<xs:sequence>",
            f'{pad}  <xs:any namespace="##any" processContents="skip" minOccurs="0"/>',
            f"{pad}</xs:sequence>",
        ]

    def attributes(self, spec: ClassSpec, pad: str) -> list[str]:
        out = []
        for f in spec.attrs.values():
            assert f.scalar is not None
            use = ' use="required"' if f.required and not f.optional else ""
            out.append(
                f'{pad}<xs:attribute name="{f.xml_name}" type="{self.simple_type(f.scalar)}"{use}/>'
            )
        return out

    def complex_type(self, spec: ClassSpec) -> list[str]:
        name = self.type_names[spec.cls]
        doc = (spec.cls.__doc__ or "").strip().splitlines()[0] if spec.cls.__doc__ else ""
        out = [f'  <xs:complexType name="{name}"' + (' mixed="true">' if spec.mixed else ">")]
        if doc:
            out.append("    <xs:annotation>")
            out.append(f"      <xs:documentation>{_escape(doc)}</xs:documentation>")
            out.append("    </xs:annotation>")
        u = spec.unwrapped
        if spec.body is not None:
            out.append("    <xs:simpleContent>")
            out.append('      <xs:extension base="xs:string">')
            out.extend(self.attributes(spec, "        "))
            out.append("      </xs:extension>")
            out.append("    </xs:simpleContent>")
            out.append("  </xs:complexType>")
            return out
        if u is not None and u.kind is Kind.XML:
            out[0] = f'  <xs:complexType name="{name}" mixed="true">'
            out.extend(self._any("    "))
        elif u is not None:
            many = ' minOccurs="0" maxOccurs="unbounded"'
            if spec.mixed:
                out.extend(self.items_particle(u, "    ", many))
            else:
                out.append("    <xs:sequence>")
                out.extend(self.items_particle(u, "      ", many))
                out.append("    </xs:sequence>")
        elif spec.element_fields:
            out.append("    <xs:sequence>")
            for f in spec.element_fields:
                out.extend(self.field_element(f, "      "))
            out.append("    </xs:sequence>")
        out.extend(self.attributes(spec, "    "))
        out.append("  </xs:complexType>")
        return out

    def build(self) -> str:
        body: list[str] = []
        for spec in self.m.specs.values():
            body.extend(self.complex_type(spec))
        groups: list[str] = []
        for name, f in self.group_order:
            groups.append(f'  <xs:group name="{name}">')
            groups.append("    <xs:choice>")
            for tag, spec in f.items.items():
                groups.append(
                    f'      <xs:element name="{tag}" type="{self.type_names[spec.cls]}"/>'
                )
            groups.append("    </xs:choice>")
            groups.append("  </xs:group>")
        simple: list[str] = []
        for name, scalar in sorted(self.enums.items()):
            base = "xs:integer" if scalar.base is int else "xs:string"
            simple.append(f'  <xs:simpleType name="{name}">')
            simple.append(f'    <xs:restriction base="{base}">')
            simple.extend(f"      {facet}" for facet in self._facets(scalar))
            simple.append("    </xs:restriction>")
            simple.append("  </xs:simpleType>")
        root = self.type_names[self.m.root.cls]
        head = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            "<!-- Generated from the mrstd model by "
            "python -m mrstd.formats.native_xml (write-xsd); do not edit. -->",
            '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"',
            f'           xmlns="{NAMESPACE}"',
            f'           targetNamespace="{NAMESPACE}"',
            '           elementFormDefault="qualified"',
            f'           version="{SCHEMA_VERSION}">',
            "  <xs:annotation>",
            "    <xs:documentation>mrstd native XML, schema version "
            f"{SCHEMA_VERSION}. See docs/xml.md.</xs:documentation>",
            "  </xs:annotation>",
            f'  <xs:element name="document" type="{root}"/>',
        ]
        return "\n".join([*head, *body, *groups, *simple, "</xs:schema>", ""])


def _scalar_key(scalar: Scalar) -> tuple[object, ...]:
    return (scalar.base, scalar.pattern, scalar.min_length, scalar.max_length, scalar.ge)


def _named_types() -> dict[tuple[object, ...], str]:
    """Names of the constrained string types declared in mrstd.model.types."""
    names: dict[tuple[object, ...], str] = {}
    for name, value in vars(model_types).items():
        metas: list[object] = []
        base = _strip_annotated(value, metas)
        if not metas or name.startswith("_"):
            continue
        scalar = _scalar(base, metas)
        if scalar is not None:
            names.setdefault(_scalar_key(scalar), name)
    return names


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def generate_xsd() -> str:
    """The XSD text for the current model."""
    return _Builder(mapping()).build()


def write_xsd(path: Path = XSD_PATH) -> Path:
    """Write the XSD (atomically) and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, generate_xsd().encode("utf-8"))
    return path
