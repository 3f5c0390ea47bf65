"""Typed containers passed between the pipeline stages.

Every stage takes and returns these frozen dataclasses; nothing between stages is a dict.
Derive changed copies with :func:`dataclasses.replace`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Literal

Role = Literal["host", "guest"]
Certainty = Literal["high", "medium", "low"]
# What a roster prints between its titles and names (parse_roster strips it from both): no
# character of a guest's entry, so not one the printed roster must keep in the text.
ROSTER_SEPARATORS = " \u3000、，,：:；;|/"
# A guest "title" holding one of these is text run into the roster, not a post: a sentence's
# punctuation, a quotation (none of 1,176 gold titles has one).
_NOT_IN_A_POST = "，。；！？“”"
# A title ends in a post (meta.split_title's lexicon) or in a character naming a person by
# what they do (工程师, 教练员, 执行官, 创始人, 护士, 学者): the lexicon can never list every
# post, but a title always ends by saying who the guest is, and a sentence run into it rarely
# does so (…平均时间, …负责). None of 1,507 gold titles ends otherwise.
_ENDS_A_POST = "员师官人士者"


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What is known about a page from outside its text (``--meta``); nothing is invented."""

    source: str = "page.txt"
    newspaper: str | None = None
    date: str | None = None
    page: str | None = None
    url: str | None = None
    licence: str | None = None
    sha256: str | None = None


@dataclass(frozen=True, slots=True)
class Line:
    """One physical line of the input, numbered from 1 as in the file."""

    number: int
    text: str


@dataclass(frozen=True, slots=True)
class Page:
    """The decoded input: its lines, the encoding they were read with, and their provenance."""

    lines: tuple[Line, ...]
    meta: PageMeta = field(default_factory=PageMeta)
    encoding: str = "utf-8"
    removed_chars: int = 0  # characters illegal in XML dropped while reading
    folded_chars: int = 0  # radical code points folded to the ideographs they stand for


class Kind(enum.Enum):
    """What a block is, as decided by :mod:`reconstruct.classify`."""

    QUESTION = "question"  # a host's turn (主持人：/记者：/采访组：)
    ANSWER = "answer"  # a guest's turn (姓名：)
    TEXT = "text"  # running text with no label of its own: a continuation
    ARTICLE = "article"  # the start of a news item (本报讯…)
    HEADLINE = "headline"  # a stand-alone line that heads something
    SUBTITLE = "subtitle"  # ——subtitle
    BYLINE = "byline"  # 记者 甲 乙
    ROSTER = "roster"  # 访谈嘉宾：… with titles and names
    NOTE_LABEL = "note_label"  # 开栏语 / 编者按 …, possibly reversed
    FIELD = "field"  # 采访对象：/采访时间：… lead fields of the interview


@dataclass(frozen=True, slots=True)
class Block:
    """A run of lines that belong together on the page (between blank lines or labels)."""

    lines: tuple[Line, ...]
    width: float  # typical line width in display units (full-width 1, half-width 0.5)
    kind: Kind = Kind.TEXT
    speaker: str | None = None  # the label without its colon, for QUESTION/ANSWER
    label: str | None = None  # the canonical label, for NOTE_LABEL/FIELD

    @property
    def first(self) -> int:
        return self.lines[0].number

    @property
    def last(self) -> int:
        return self.lines[-1].number


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Repaired text of one printed paragraph and the input lines it came from."""

    text: str
    lines: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Guest:
    name: str
    title: str = ""
    id: str = ""
    # False for a guest the page knows only by an answer label (答：…), which names no one:
    # the header lists the guest without a name rather than one called 答.
    named: bool = True

    def reads_as_entry(self, guests: tuple[Guest, ...] = ()) -> bool:
        """Does the title read as a roster entry's, its characters kept by the header alone?
        Not when it names another of ``guests`` or holds a sentence's punctuation or a
        quotation (a lead's slogan, a second entry run into it), nor when it does not end in
        a post (the header's roleName, or a character naming a person, ``_ENDS_A_POST``): a
        title runs up to its post, so characters after it, or with none, are text a wrong
        join ran into the roster."""
        from .meta import split_title  # meta builds on this module

        if any(o.name and o.name in self.title for o in guests if o is not self):
            return False
        if any(p in self.title for p in _NOT_IN_A_POST):
            return False
        return self.title.endswith(tuple(_ENDS_A_POST)) or bool(split_title(self.title)[1])


@dataclass(frozen=True, slots=True)
class Candidate:
    """An answer the aligner considered for a question, with its score."""

    answer: int  # index into Interview.answers
    score: float


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker's turn in reading order; answers carry the aligner's confidence."""

    speaker: str
    role: Role
    paragraphs: tuple[Paragraph, ...]
    question: int | None = None  # for answers: index of the question answered
    answer: int | None = None  # for answers: index into Interview.answers
    confidence: float | None = None  # 0..1, margin of this pairing over its runner-up
    cert: Certainty | None = None
    runner_up: Candidate | None = None
    resp: str | None = None  # who fixed this pairing by hand (overrides)

    @property
    def text(self) -> str:
        return "".join([p.text for p in self.paragraphs])  # (a list joins faster than a generator)


@dataclass(frozen=True, slots=True)
class Interview:
    title: str = ""
    subtitle: str = ""
    reporters: tuple[str, ...] = ()
    label: str = ""  # the editor's note label, as printed upright
    editor_note: tuple[Paragraph, ...] = ()
    lead: tuple[Paragraph, ...] = ()
    host: str = "主持人"
    guests: tuple[Guest, ...] = ()
    questions: tuple[Turn, ...] = ()  # host turns in reading order
    answers: tuple[Turn, ...] = ()  # guest turns in page order, before alignment
    turns: tuple[Turn, ...] = ()  # the transcript in reading order, after alignment
    # (question, answer) index pairs the layout ties together: answers printed right after
    # their question, as in inline layouts; the aligner favours these pairings
    anchored: tuple[tuple[int, int], ...] = ()
    # furniture as printed, so that nothing of it is lost: the byline line(s), the roster's
    # label and the roster's text (titles and names as they stand on the page)
    byline: tuple[str, ...] = ()
    roster_label: str = ""
    roster_text: str = ""

    @property
    def roster_unparsed(self) -> str:
        """The characters of the printed roster that its guests' names and titles do not
        account for ("" when they account for every one): text set there that reads as none
        of them (a lead or an answer's line run into it, a title without its name), which the
        text must print too, for the header is no place to keep the page's words.

        Each guest's title, then name, takes its characters out of the roster (and any second
        label) where it is first printed (a narrow box may give every title before the names);
        every character left, bar the separators between entries, is unaccounted, be it a
        single one. A title only accounts for its characters when it reads as an entry
        (:meth:`Guest.reads_as_entry`)."""
        rest = "".join(self.roster_text.split()) + "".join(self.roster_label.split()[1:])
        for g in self.guests:
            for part in (g.title, g.name) if g.reads_as_entry(self.guests) else (g.name,):
                part = "".join(part.split())
                if part:
                    rest = rest.replace(part, "", 1)
        return "".join(c for c in rest if c not in ROSTER_SEPARATORS)

    @property
    def inline(self) -> bool:
        """Every answer was printed right after its question."""
        return bool(self.answers) and len(self.anchored) == len(self.answers)


@dataclass(frozen=True, slots=True)
class Article:
    headline: str = ""
    paragraphs: tuple[Paragraph, ...] = ()


@dataclass(frozen=True, slots=True)
class PageResult:
    """Everything recovered from one page."""

    meta: PageMeta
    interviews: tuple[Interview, ...] = ()
    articles: tuple[Article, ...] = ()
    leftovers: tuple[Paragraph, ...] = ()  # text that fits nowhere: kept and marked
    warnings: tuple[str, ...] = ()
    encoding: str = "utf-8"
    removed_chars: int = 0
    # What the stages normalised on this page, in words, for the TEI editorialDecl
    # (e.g. "label 语开栏 printed reversed, read as 开栏语"); stages may add to it.
    normalised: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Override:
    """A hand correction (``--overrides``): question ``question`` (1-based, in transcript
    order) is answered by ``speaker``'s answer that starts with ``starts`` (whitespace ignored)."""

    question: int
    speaker: str = ""
    starts: str = ""
