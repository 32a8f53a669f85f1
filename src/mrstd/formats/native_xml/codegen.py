"""Specialised reader and writer functions, generated once from the mapping.

A generic walker that consults tables at every element spends most of its time on
dispatch; generating one straight-line function per model type keeps a load of the
benchmark document within a few times lxml's own parse (docs/performance.md).
The generated code only ever refers to names from the mapping, never to data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .mapping import ClassSpec, FieldSpec, Kind, Mapping

Namespace = dict[str, Any]


class _Names:
    """Python identifiers for the objects the generated code refers to."""

    def __init__(self, namespace: Namespace) -> None:
        self.namespace = namespace
        self.ids: dict[tuple[str, int], str] = {}

    def ref(self, prefix: str, value: Any) -> str:
        key = (prefix, id(value))
        name = self.ids.get(key)
        if name is None:
            name = self.ids[key] = f"{prefix}{len(self.ids)}"
            self.namespace[name] = value
        return name


def _construct(cls_ref: str, cls: type, data: str, indent: str, target: str) -> list[str]:
    """Code that builds an instance of ``cls`` from the dict expression ``data``."""
    if "__setattr__" in vars(cls):  # frozen: bypass its __setattr__
        return [
            f"{indent}{target} = NEW({cls_ref})",
            f"{indent}SETATTR({target}, '__dict__', {data})",
        ]
    return [f"{indent}{target} = NEW({cls_ref})", f"{indent}{target}.__dict__ = {data}"]


def _fn(kind: str, spec: ClassSpec, index: dict[type, int]) -> str:
    return f"{kind}_{index[spec.cls]}_{spec.cls.__name__}"


def _field_fn(kind: str, f: FieldSpec, owner: ClassSpec, index: dict[type, int]) -> str:
    return f"{kind}_{index[owner.cls]}_{f.name}"


# --------------------------------------------------------------------- reading


def build_reader(
    mapping: Mapping,
    q: Callable[[str], str],
    helpers: Namespace,
    converter: Callable[[Any], Any],
) -> dict[type, Callable[[Any], Any]]:
    """One ``read(element) -> instance`` function per model type."""
    namespace: Namespace = dict(helpers)
    names = _Names(namespace)
    index = {cls: i for i, cls in enumerate(mapping.specs)}
    lines: list[str] = []
    for spec in mapping.specs.values():
        lines.extend(_reader_for(spec, mapping, q, names, index, converter))
        for f in spec.fields:
            lines.extend(_field_reader(f, spec, q, names, index, converter))
    source = "\n".join(lines)
    exec(compile(source, "<mrstd native_xml reader>", "exec"), namespace)
    resolve_dispatch(namespace)
    return {cls: namespace[_fn("r", spec, index)] for cls, spec in mapping.specs.items()}


def _template(spec: ClassSpec, names: _Names) -> str:
    parts = []
    for f in spec.fields:
        value = "MISSING" if f.required else names.ref("D", f.default)
        if not f.required and f.default is None:
            value = "None"
        parts.append(f"{f.name!r}: {value}")
    return "{" + ", ".join(parts) + "}"


def _reader_for(
    spec: ClassSpec,
    mapping: Mapping,
    q: Callable[[str], str],
    names: _Names,
    index: dict[type, int],
    converter: Callable[[Any], Any],
) -> list[str]:
    cls = names.ref("C", spec.cls)
    out = [f"def {_fn('r', spec, index)}(el):", f"    d = {_template(spec, names)}"]
    mutable = [f for f in spec.fields if isinstance(f.default, (list, dict, set))]
    for f in mutable:
        out.append(f"    d[{f.name!r}] = type(d[{f.name!r}])()")
    # Names first, values only of known names: lxml's items() looks each value up by name,
    # which is quadratic in the number of attributes (100,000 took minutes), while an
    # unknown name stops the walk at once.
    out.append("    keys = el.keys()")
    out.append("    if keys:")
    out.append("        k = None")
    out.append("        try:")
    out.append("            for k in keys:")
    first = True
    for f in spec.attrs.values():
        assert f.scalar is not None
        conv = converter(f.scalar)
        value = "el.get(k)" if conv is None else f"{names.ref('V', conv)}(el.get(k))"
        word = "if" if first else "elif"
        out.append(f"                {word} k == {f.xml_name!r}:")
        out.append(f"                    d[{f.name!r}] = {value}")
        first = False
    word = "if" if first else "elif"
    out.append(f"                {word} not k.startswith(XSI):")
    out.append("                    unknown_attribute(el, k)")
    out.append("        except BadValue as exc:")
    out.append("            raise Invalid(el, str(exc), k) from None")
    u = spec.unwrapped
    if spec.body is not None:
        out.append("    if len(el):")
        out.append("        no_children(el)")
        out.append(f"    d[{spec.body.name!r}] = el.text or ''")
    elif u is not None and u.kind in (Kind.SEQ_INLINE, Kind.SEQ_MODEL):
        out.extend(seq_body(u, q, names, index, "    "))
        out.append(f"    d[{u.name!r}] = res")
    elif u is not None:
        out.append(f"    d[{u.name!r}] = {_field_fn('c', u, spec, index)}(el)")
    elif spec.children:
        out.append("    t = el.text")
        out.append("    if t and not t.isspace():")
        out.append("        text_not_allowed(el)")
        expected = names.ref("N", [f.xml_name for f in spec.element_fields])
        for f in spec.element_fields:
            out.append(f"    s_{f.name} = False")
        out.append("    for c in el:")
        out.append("        tag = c.tag")
        first = True
        for f in spec.element_fields:
            word = "if" if first else "elif"
            first = False
            out.append(f"        {word} tag == {q(f.xml_name)!r}:")
            out.append(f"            if s_{f.name}:")
            out.append(f"                duplicate(c, {f.xml_name!r})")
            out.append(f"            s_{f.name} = True")
            if f.kind is Kind.MODEL and not f.union:
                (item,) = f.items.values()
                out.append(f"            d[{f.name!r}] = {_fn('r', item, index)}(c)")
            else:
                out.append("            if c.keys():")
                out.append("                unknown_attribute(c, c.keys()[0])")
                out.append(f"            d[{f.name!r}] = {_field_fn('c', f, spec, index)}(c)")
        out.append("        else:")
        out.append(f"            unexpected(c, el, {expected})")
        out.append("        t = c.tail")
        out.append("        if t and not t.isspace():")
        out.append("            text_not_allowed(el)")
    else:
        out.append("    if len(el) or (el.text and not el.text.isspace()):")
        out.append("        no_content(el)")
    for f in spec.fields:
        if f.required:
            out.append(f"    if d[{f.name!r}] is MISSING:")
            out.append(f"        missing(el, {f.name!r})")
    out.extend(_construct(cls, spec.cls, "d", "    ", "o"))
    out.append("    return o")
    out.append("")
    return out


def _text_run(names: _Names, text_spec: ClassSpec, var: str, indent: str, target: str) -> list[str]:
    """Code that builds a Text run holding ``var`` into ``target``."""
    parts = []
    for f in text_spec.fields:
        if f.name == "text":
            parts.append(f"'text': {var}")
        else:
            parts.append(f"{f.name!r}: {names.ref('D', f.default)}")
    cls = names.ref("C", text_spec.cls)
    data = "{" + ", ".join(parts) + "}"
    return _construct(cls, text_spec.cls, data, indent, target)


def _field_reader(
    f: FieldSpec,
    owner: ClassSpec,
    q: Callable[[str], str],
    names: _Names,
    index: dict[type, int],
    converter: Callable[[Any], Any],
) -> list[str]:
    """``c_<owner>_<field>(el)``: the value of a field held in an element's content."""
    name = _field_fn("c", f, owner, index)
    seq = "list" if f.container is list else "tuple"
    if f.kind is Kind.XML:
        assert f.scalar is not None
        conv = converter(f.scalar)
        if conv is None:
            return [f"def {name}(el):", "    return read_xml(el)", ""]
        return [
            f"def {name}(el):",
            "    try:",
            f"        return {names.ref('V', conv)}(read_xml(el))",
            "    except BadValue as exc:",
            "        raise Invalid(el, str(exc)) from None",
            "",
        ]
    if f.kind in (Kind.ATTR, Kind.BODY, Kind.CONST):
        return []
    if f.kind is Kind.MODEL and not f.union:
        return []
    if f.kind is Kind.SEQ_SCALAR:
        assert f.scalar is not None
        conv = converter(f.scalar)
        return [
            f"def {name}(el):",
            f"    return {seq}(read_scalars(el, {names.ref('V', conv)}))",
            "",
        ]
    out = [f"def {name}(el):"]
    out.extend(seq_body(f, q, names, index, "    "))
    if f.kind is Kind.MODEL:
        out.append("    if len(res) != 1:")
        out.append(f"        exactly_one(el, {f.xml_name!r})")
        out.append("    return res[0]")
    else:
        out.append("    return res")
    out.append("")
    return out


def seq_body(
    f: FieldSpec, q: Callable[[str], str], names: _Names, index: dict[type, int], pad: str
) -> list[str]:
    """Code that reads the items of sequence ``f`` held by ``el`` into ``res``."""
    expected = names.ref("N", list(f.items))
    dispatch = names.ref("I", {q(tag): _fn("r", spec, index) for tag, spec in f.items.items()})
    names.namespace.setdefault("_pending", []).append(dispatch)
    seq = "list" if f.container is list else "tuple"
    out: list[str] = []
    if f.kind is Kind.SEQ_INLINE:
        text_spec = next(s for s in f.items.values() if s.tag == "text")
        out.append(f"{pad}t = el.text")
        out.append(f"{pad}if not len(el):")
        out.append(f"{pad}    if t:")
        out.extend(_text_run(names, text_spec, "t", pad + "        ", "o"))
        out.append(f"{pad}        res = (o,)" if seq == "tuple" else f"{pad}        res = [o]")
        out.append(f"{pad}    else:")
        out.append(f"{pad}        res = ()" if seq == "tuple" else f"{pad}        res = []")
        out.append(f"{pad}else:")
        p2 = pad + "    "
        out.append(f"{p2}fns = {dispatch}")
        out.append(f"{p2}runs = []")
        out.append(f"{p2}if t:")
        out.extend(_text_run(names, text_spec, "t", p2 + "    ", "o"))
        out.append(f"{p2}    runs.append(o)")
        out.append(f"{p2}for c in el:")
        out.append(f"{p2}    fn = fns.get(c.tag)")
        out.append(f"{p2}    if fn is None:")
        out.append(f"{p2}        unexpected(c, el, {expected})")
        out.append(f"{p2}    else:")
        out.append(f"{p2}        runs.append(fn(c))")
        out.append(f"{p2}    t = c.tail")
        out.append(f"{p2}    if t:")
        out.extend(_text_run(names, text_spec, "t", p2 + "        ", "o"))
        out.append(f"{p2}        runs.append(o)")
        out.append(f"{p2}res = {seq}(runs)" if seq == "tuple" else f"{p2}res = runs")
        return out
    out.append(f"{pad}fns = {dispatch}")
    out.append(f"{pad}t = el.text")
    out.append(f"{pad}if t and not t.isspace():")
    out.append(f"{pad}    text_not_allowed(el)")
    out.append(f"{pad}runs = []")
    out.append(f"{pad}for c in el:")
    out.append(f"{pad}    fn = fns.get(c.tag)")
    out.append(f"{pad}    if fn is None:")
    out.append(f"{pad}        unexpected(c, el, {expected})")
    out.append(f"{pad}    else:")
    out.append(f"{pad}        runs.append(fn(c))")
    out.append(f"{pad}    t = c.tail")
    out.append(f"{pad}    if t and not t.isspace():")
    out.append(f"{pad}        text_not_allowed(el)")
    out.append(f"{pad}res = {seq}(runs)" if seq == "tuple" else f"{pad}res = runs")
    return out


def resolve_dispatch(namespace: Namespace) -> None:
    """Replace function names in dispatch tables by the functions themselves."""
    for key in namespace.get("_pending", []):
        table = namespace[key]
        for tag, fn in list(table.items()):
            if isinstance(fn, str):
                table[tag] = namespace[fn]


# --------------------------------------------------------------------- writing


def build_writer(
    mapping: Mapping, helpers: Namespace, formatter: Callable[[FieldSpec], Any]
) -> dict[type, Callable[..., None]]:
    """One ``write(obj, out, name, level)`` function per model type."""
    namespace: Namespace = dict(helpers)
    names = _Names(namespace)
    index = {cls: i for i, cls in enumerate(mapping.specs)}
    lines: list[str] = []
    for spec in mapping.specs.values():
        lines.extend(_writer_for(spec, names, index, formatter))
    source = "\n".join(lines)
    exec(compile(source, "<mrstd native_xml writer>", "exec"), namespace)
    # Dispatch tables map each item type to (function, element name).
    for key in namespace.get("_wpending", []):
        table = namespace[key]
        for cls, (fn, tag) in list(table.items()):
            table[cls] = (namespace[fn], tag)
    return {cls: namespace[_fn("w", spec, index)] for cls, spec in mapping.specs.items()}


def _dispatch(f: FieldSpec, names: _Names, index: dict[type, int]) -> str:
    table = {spec.cls: (_fn("w", spec, index), spec.tag) for spec in f.items.values()}
    ref = names.ref("W", table)
    names.namespace.setdefault("_wpending", []).append(ref)
    return ref


def _simple_text(spec: ClassSpec) -> bool:
    return {f.name for f in spec.fields} <= {"type", "text"}


def _write_items(
    f: FieldSpec, var: str, level: str, names: _Names, index: dict[type, int], pad: str
) -> list[str]:
    """Code writing the items of sequence ``var`` (or one XML string) at ``level``."""
    if f.kind is Kind.XML:
        return [f"{pad}out.append(xml_markup({var}))"]
    if f.kind is Kind.SEQ_SCALAR:
        fmt = names.ref("F", f.scalar)
        return [
            f"{pad}ind2 = PRETTY[{level}] if {level} >= 0 else ''",
            f"{pad}for it in {var}:",
            f"{pad}    out.append(ind2 + '<item>' + item_text({fmt}, it) + '</item>')",
        ]
    table = _dispatch(f, names, index)
    if f.kind is Kind.SEQ_INLINE:
        text_spec = next(s for s in f.items.values() if s.tag == "text")
        if not _simple_text(text_spec):
            return [f"{pad}write_inline_slow({var}, out, {table})"]
        text_cls = names.ref("C", text_spec.cls)
        return [
            f"{pad}after = False",
            f"{pad}for it in {var}:",
            f"{pad}    if type(it) is {text_cls}:",
            f"{pad}        t = it.text",
            f"{pad}        if t and not after:",
            f"{pad}            out.append(esc_text(t))",
            f"{pad}            after = True",
            f"{pad}        else:",
            f"{pad}            out.append('<text>' + esc_text(t) + '</text>' if t else '<text/>')",
            f"{pad}            after = False",
            f"{pad}    else:",
            f"{pad}        after = False",
            f"{pad}        fn, tag = {table}[type(it)]",
            f"{pad}        fn(it, out, tag, INLINE)",
        ]
    return [
        f"{pad}ind2 = PRETTY[{level}] if {level} >= 0 else ''",
        f"{pad}for it in {var}:",
        f"{pad}    fn, tag = {table}[type(it)]",
        f"{pad}    out.append(ind2)",
        f"{pad}    fn(it, out, tag, {level})",
    ]


def _writer_for(
    spec: ClassSpec,
    names: _Names,
    index: dict[type, int],
    formatter: Callable[[FieldSpec], Any],
) -> list[str]:
    out = [f"def {_fn('w', spec, index)}(o, out, name, level):", "    d = o.__dict__"]
    out.append("    h = '<' + name")
    for f in spec.attrs.values():
        fmt = formatter(f)
        out.append(f"    v = d[{f.name!r}]")
        if f.required and not f.optional:
            cond = None
        elif f.required or f.default is None:
            cond = "v is not None"
        else:
            cond = f"v is not None and v != {names.ref('D', f.default)}"
        expr = f"{names.ref('E', fmt)}[v]" if isinstance(fmt, dict) else f"{names.ref('A', fmt)}(v)"
        line = f"h += ' {f.xml_name}=\"' + {expr} + '\"'"
        if cond is None:
            out.append(f"    {line}")
        else:
            out.append(f"    if {cond}:")
            out.append(f"        {line}")
    if spec.body is not None:
        out.append(f"    t = d[{spec.body.name!r}]")
        out.append("    if t:")
        out.append("        out.append(h + '>' + esc_text(t) + '</' + name + '>')")
        out.append("    else:")
        out.append("        out.append(h + '/>')")
        out.append("")
        return out
    u = spec.unwrapped
    if u is not None:
        out.append(f"    v = d[{u.name!r}]")
        if u.kind is Kind.XML:
            out.append("    if v:")
            out.append("        out.append(h + '>' + xml_markup(v) + '</' + name + '>')")
            out.append("    else:")
            out.append("        out.append(h + '/>')")
            out.append("")
            return out
        out.append("    if v:")
        out.append("        out.append(h + '>')")
        if u.kind is Kind.SEQ_INLINE:
            out.extend(_write_items(u, "v", "level + 1", names, index, "        "))
            out.append("        out.append('</' + name + '>')")
        else:
            out.extend(_write_items(u, "v", "level + 1", names, index, "        "))
            out.append(
                "        out.append((PRETTY[level] if level >= 0 else '') + '</' + name + '>')"
            )
        out.append("    else:")
        out.append("        out.append(h + '/>')")
        out.append("")
        return out
    elements = spec.element_fields
    if not elements:
        out.append("    out.append(h + '/>')")
        out.append("")
        return out
    out.append("    i = len(out)")
    out.append("    out.append(h)")
    out.append("    inner = level + 1")
    out.append("    ind = PRETTY[inner] if inner >= 0 else ''")
    for f in elements:
        out.append(f"    v = d[{f.name!r}]")
        tag = f.xml_name
        if f.kind is Kind.MODEL:
            cond = "v is not None"
            if not f.required and f.default is not None:
                cond += f" and v != {names.ref('D', f.default)}"
            out.append(f"    if {cond}:")
            if f.union:
                table = _dispatch(f, names, index)
                out.append(f"        out.append(ind + '<{tag}>')")
                out.append(f"        fn, tag = {table}[type(v)]")
                out.append("        out.append(PRETTY[inner + 1] if inner >= 0 else '')")
                out.append("        fn(v, out, tag, inner + 1)")
                out.append(f"        out.append(ind + '</{tag}>')")
            else:
                (item,) = f.items.values()
                out.append("        out.append(ind)")
                out.append(f"        {_fn('w', item, index)}(v, out, {tag!r}, inner)")
            continue
        if f.kind is Kind.XML:
            out.append("    if v is not None:")
            out.append(f"        out.append(ind + '<{tag}>' + xml_markup(v) + '</{tag}>')")
            continue
        out.append("    if v:")
        out.append(f"        out.append(ind + '<{tag}>')")
        out.extend(_write_items(f, "v", "inner + 1", names, index, "        "))
        if f.kind is Kind.SEQ_INLINE:
            out.append(f"        out.append('</{tag}>')")
        else:
            out.append(f"        out.append(ind + '</{tag}>')")
    out.append("    if len(out) == i + 1:")
    out.append("        out[i] = h + '/>'")
    out.append("    else:")
    out.append("        out[i] = h + '>'")
    out.append("        out.append((PRETTY[level] if level >= 0 else '') + '</' + name + '>')")
    out.append("")
    return out
