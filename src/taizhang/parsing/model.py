"""The Plan document: what the parser produces (schema: shared/gold/README.md)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields


@dataclass
class Target:
    """A quantitative target: "到2025年…覆盖率达95%以上" -> value 95, unit %, >=, 2025."""

    quote: str
    value: float
    unit: str
    comparator: str = "="  # "=", ">=" or "<=" (an upper bound: 控制在5%以下)
    year: int | None = None
    per: str | None = None  # denominator of a per-capita target: "每万人" -> "万人"


@dataclass
class Attribution:
    """The units a measure names, split from its bracket."""

    lead: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    collectives: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # names the gazetteer does not recognise
    # Pieces that could not be split into units: names run together ("州纪委州监委"), or a
    # bracket that gave no unit at all.
    unsplit: list[str] = field(default_factory=list)


@dataclass
class Diagnostic:
    """Something an office should check before confirming an import."""

    code: str  # machine-readable: "no-attribution", "numbering-gap", "unknown-unit", ...
    message: str  # one English sentence
    line: int | None = None  # 1-based line number in the source text
    level: str = "warning"  # "warning" or "info"


@dataclass
class Chapter:
    no: str
    title: str
    line: int | None = None


@dataclass
class Section:
    no: str
    chapter: str | None
    title: str
    line: int | None = None


@dataclass
class Measure:
    no: int
    chapter: str | None
    section: str | None
    title: str | None
    text: str
    attribution_raw: str | None
    lead: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    collectives: list[str] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    recurring: list[str] = field(default_factory=list)
    deadline: str | None = None  # completion deadline as printed: "2023年底前", "到2025年"
    line: int | None = None
    key: str | None = None  # stable name from the normalised text (corrections.measure_key)


@dataclass
class Metadata:
    title: str | None = None
    issuer: str | None = None
    date: str | None = None  # "YYYY-MM-DD"
    period: list[int] | None = None  # [start_year, end_year]
    parents: list[str] = field(default_factory=list)


@dataclass
class PlanDocument:
    title: str | None = None
    issuer: str | None = None
    date: str | None = None
    period: list[int] | None = None
    parents: list[str] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    tasks: list[Measure] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The JSON-ready form, keys in schema order."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> PlanDocument:
        """The document back from its JSON form (``to_dict``), e.g. a stored import; keys
        a caller added (a preview's annotations) are left out."""

        def made(kind, item: dict):
            return kind(**{k: v for k, v in item.items() if k in _fields(kind)})

        def targets(items):
            return [made(Target, t) for t in items or []]

        return cls(
            **{k: data.get(k) for k in ("title", "issuer", "date", "period")},
            parents=list(data.get("parents") or []),
            targets=targets(data.get("targets")),
            chapters=[made(Chapter, c) for c in data.get("chapters") or []],
            sections=[made(Section, s) for s in data.get("sections") or []],
            tasks=[
                made(Measure, {**m, "targets": targets(m.get("targets"))})
                for m in data.get("tasks") or []
            ],
            diagnostics=[made(Diagnostic, d) for d in data.get("diagnostics") or []],
        )


def _fields(kind) -> set[str]:
    return {f.name for f in fields(kind)}
