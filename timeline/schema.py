"""What an event store holds: sources, lanes, eras and cited events (pydantic models of events.yaml)."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

from timeline import dates
from timeline.weburl import is_web_url

SLUG = r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$"


def _as_text(value: Any) -> Any:
    """YAML reads 1997 as a number and 2015-05-09 as a date; a date field wants the text."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _edtf(value: str) -> str:
    dates.parse(value)  # raises EdtfError (a ValueError) with a hint
    return value


def _web_url(value: str) -> str:
    if not is_web_url(value):
        raise ValueError("a URL must start with http:// or https:// and contain no spaces or quotes")
    return value


EdtfDate = Annotated[str, BeforeValidator(_as_text), AfterValidator(_edtf), WithJsonSchema({"type": ["string", "integer"], "pattern": dates.EDTF_PATTERN})]
"""An EDTF date (level 0/1): 1997, 1997-06, 1997-06-27, 199X, 2018-23 (autumn), 1992/1997, 2019-01/.., ~1997, 1997?"""
Slug = Annotated[str, Field(pattern=SLUG, max_length=120)]
WebUrl = Annotated[str, AfterValidator(_web_url)]
Text = Annotated[str, BeforeValidator(_as_text)]


class Model(BaseModel):
    """Base for every model: unknown keys are mistakes, and field docstrings document the schema."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, str_strip_whitespace=False)


class Source(Model):
    """A document events are cited from: a file, or a segment of a file holding several articles."""

    id: Slug
    """Stable identifier, used by citations (e.g. rferl-2019-return-and-repent)."""
    file: str
    """Path of the text, relative to the folder of events.yaml."""
    segment: tuple[int, int] | None = None
    """[start, end) character offsets of this article inside its file, when the file holds several."""
    title: Text | None = None
    """Headline of the article."""
    publisher: Text | None = None
    """Who published it (e.g. RFE/RL, VICE News, CABAR.asia)."""
    author: Text | None = None
    """Byline, when known."""
    url: WebUrl | None = None
    """Where it was published; only when known, never guessed."""
    published: EdtfDate | None = None
    """Publication date, EDTF at the precision known."""
    published_basis: Literal["stated", "inferred"] | None = None
    """Whether the article states its date, or it was inferred from the text."""
    published_note: Text | None = None
    """Where the date is stated, or the reasoning behind an inferred date."""
    published_reviewed: bool = False
    """true once an editor has checked an inferred date and accepts it: check and build stop warning about
    it (the page still shows it as inferred)."""
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    """SHA-256 of the source's text (of its segment, when it has one), to notice a changed file."""

    @model_validator(mode="after")
    def _basis(self) -> Source:
        if self.published and not self.published_basis:
            raise ValueError("give published_basis: stated or inferred")
        if self.published_basis == "inferred" and not self.published_note:
            raise ValueError("an inferred publication date needs published_note saying what it rests on")
        if self.segment and not 0 <= self.segment[0] < self.segment[1]:
            raise ValueError("segment must be [start, end) with 0 <= start < end")
        return self


class Citation(Model):
    """Where a source says it: the exact quote and its character offset in the source's file."""

    source: str
    """Id of a source listed under sources."""
    quote: Annotated[str, Field(min_length=1, max_length=2000)]
    """The exact text, character for character, as it appears in the source."""
    offset: Annotated[int, Field(ge=0)]
    """Python character index of the quote in the source file as read (UTF-8)."""


class Claim(Model):
    """One side of a dispute: what some sources say, and where."""

    value: Text
    """What these sources claim (an EDTF date for a date dispute, or a figure such as '1,100')."""
    citations: Annotated[list[Citation], Field(min_length=1)]
    """The sources that say so."""
    note: Text | None = None
    """How this side is worded or qualified."""


class Dispute(Model):
    """A point on which the sources disagree; every side is shown with its citations."""

    about: Literal["date", "figure", "fact"] = "fact"
    """What kind of thing is disputed."""
    description: Text
    """The question in a sentence, e.g. 'How many Tajiks joined IS?'."""
    claims: Annotated[list[Claim], Field(min_length=2)]
    """The competing claims, each with its citations."""


class Media(Model):
    """A picture shown with an event: a local image file, carried inside the page, or a web address, linked to."""

    file: str | None = None
    """A PNG, JPEG, GIF or WebP file, relative to events.yaml and inside the project; the page embeds it."""
    url: WebUrl | None = None
    """An http(s) address of the picture; the page links to it and never loads it (it makes no outside request)."""
    alt: Annotated[str, Field(min_length=1, max_length=500)]
    """What the picture shows, for readers who cannot see it."""
    caption: Text | None = None
    """A line shown under the picture."""
    credit: Text | None = None
    """Who made the picture or holds its rights."""

    @model_validator(mode="after")
    def _one_place(self) -> Media:
        if (self.file is None) == (self.url is None):
            raise ValueError("give media either file or url, not both")
        return self


class Event(Model):
    """A dated happening with the citations that report it."""

    id: Slug
    """Stable slug; also the page anchor (timeline.html#<id>)."""
    date: EdtfDate
    """When it happened, EDTF at the precision the sources support; never padded."""
    title: Annotated[str, Field(min_length=1, max_length=200)]
    """Short title a reader understands: subject, verb, object."""
    summary: Text = ""
    """One or two sentences on what happened."""
    note: Text | None = None
    """The editor's annotation, e.g. for students."""
    lane: Slug | None = None
    """Theme lane (id from lanes)."""
    tags: list[str] = []
    """Free tags for filtering."""
    actors: list[str] = []
    """People and organisations involved."""
    places: list[str] = []
    """Places involved."""
    importance: Annotated[float, Field(ge=0, allow_inf_nan=False)] = 1.0
    """Higher is more worth showing (1 routine .. 5 turning point)."""
    status: Literal["candidate", "reviewed"] = "candidate"
    """candidate: found by extraction, not yet checked; reviewed: checked by an editor."""
    citations: Annotated[list[Citation], Field(min_length=1)]
    """Every source passage that reports it."""
    disputes: list[Dispute] = []
    """Dates or figures the sources disagree on."""
    media: Media | None = None
    """An optional picture shown with the event in the page's panel and list."""


class Lane(Model):
    """A theme; events in one lane share a row of the timeline."""

    id: Slug
    label: Text
    """Name shown on the page."""
    description: Text | None = None


class Era(Model):
    """A period drawn as a labelled background band (e.g. the civil war)."""

    id: Slug
    title: Text
    date: EdtfDate
    """The period, usually an interval such as 1992/1997."""
    description: Text | None = None
    citations: list[Citation] = []


class Rejected(Model):
    """A candidate the editor rejected; extraction will not bring it back."""

    key: str
    """Fingerprint of the rejected happening (date and quote)."""
    title: Text | None = None
    reason: Text | None = None


class Store(Model):
    """The whole of events.yaml."""

    title: Text = "Timeline"
    """Title of the timeline page."""
    description: Text | None = None
    """A paragraph introducing the timeline."""
    sources: list[Source] = []
    lanes: list[Lane] = []
    eras: list[Era] = []
    events: list[Event] = []
    rejected: list[Rejected] = []

    def source(self, source_id: str) -> Source | None:
        """The source with this id, if registered."""
        return next((s for s in self.sources if s.id == source_id), None)

    def event(self, event_id: str) -> Event | None:
        """The event with this id, if present."""
        return next((e for e in self.events if e.id == event_id), None)
