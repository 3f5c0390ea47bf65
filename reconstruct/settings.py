"""One frozen settings object, validated once and passed down; no module-level mutable state."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Settings:
    # --- labels -------------------------------------------------------------------------
    # How hosts are labelled in Chinese interviews; a label is "X：" at a line start.
    host_labels: tuple[str, ...] = ("主持人", "记者", "采访组", "本报记者", "问")
    # Labels that stand for the guest without naming one (问：… 答：…): on a page with host
    # questions each opens a guest's turn, the speaker the interview's one guest when the
    # roster, a lead field or the subtitle names only one.
    answer_labels: tuple[str, ...] = ("答",)
    # Labels that open the guest roster.
    roster_labels: tuple[str, ...] = (
        "访谈嘉宾", "嘉宾", "对话嘉宾", "访谈对象", "本期嘉宾", "做客嘉宾", "参加访谈嘉宾",
    )
    # Lead fields an interview may open with; kept as lead paragraphs.
    field_labels: tuple[str, ...] = (
        "采访对象", "采访时间", "采访日期", "采访地点", "人物简介", "嘉宾简介",
    )
    # Lead fields that list the guests with their posts: read as a roster as well.
    guest_fields: tuple[str, ...] = ("采访对象", "嘉宾简介", "人物简介")
    # Editor's note labels; a vertical label may come out reversed or rotated.
    note_labels: tuple[str, ...] = (
        "开栏语", "编者按", "编者的话", "记者手记", "短评", "相关链接", "采访手记", "编后",
    )
    # How news items open; an article starts at a line beginning with one of these.
    article_openers: tuple[str, ...] = ("本报讯", "本报消息", "据新华社", "新华社")
    # How a news item's paragraph reports what it heard, in the reporter's voice: "据了解，…",
    # or someone's words in the third person ("该院负责人表示，…": a short subject with no
    # 我 in it, then 表示). No guest opens a paragraph of an answer so (none of about
    # 10,500 gold answer paragraphs on four sets does; about one news paragraph in nine
    # does), so such a box is a news item's, wherever it is printed.
    reported_openers: tuple[str, ...] = ("据了解", "据介绍", "据悉", "记者了解到", "记者获悉")
    reported_subject_chars: int = 14

    # --- layout ------------------------------------------------------------------------
    # A paragraph's first line lost a two-unit indent; widths wobble by about half a unit
    # with punctuation squeezing and half-width runs, so 1.5 units short counts as indented.
    indent_shortfall: float = 1.5
    # The indent itself, two characters (the Chinese convention): a paragraph's first line
    # that ends a sentence this much short of its column is full (it stops short of its
    # column only by more than that); a piece of a fused line that opens a paragraph (the
    # column's last line finished, or none yet) may stop this much shorter than its column
    # (columns); the open line a row-woven column carries on may stand this much short of
    # the next line at its width (streams: 1, 3 and 4 found fewer true joins than 2 on the
    # ReportLab and pdfminer.six pages).
    paragraph_indent: float = 2.0
    # A box whose first line is this much shorter than the lines around opens a paragraph:
    # the two-unit indent less the unit that half-width runs and squeezed punctuation wobble
    # by (stricter than within a box, where the reference column is known better).
    box_indent_shortfall: float = 1.75
    # A host's second question may wrap over this many lines of a narrow question box
    # ("主要风险集中在哪些方" / "面？") before its question mark shows it is still asking.
    question_wrap_lines: int = 3
    # Stitching an answer left open in mid-sentence to the box that continues it: a
    # continuation found is worth more than none; after the open flow in reading order beats
    # before it, nearer beats farther; a box that may carry on the flow before it counts
    # less; a dictionary word across the join, words shared with the open text and the same
    # column width count for it.
    stitch_any: float = 1.0
    stitch_after: float = 0.5
    stitch_per_flow_between: float = 0.02
    stitch_tentative: float = -0.3
    stitch_word_across: float = 0.5
    # ... and so does a box that closes a quote or bracket the open sentence left open.
    stitch_closes_mark: float = 0.5
    # A box that opens with the next point of an enumeration ("三是…") carries on the text
    # that has counted up to the point before it ("一是…二是…") and not yet past it.
    stitch_enumeration: float = 0.5
    stitch_shared_words: float = 1.0
    stitch_same_width: float = 0.3
    # Words of the box that only the open answer's guest uses elsewhere (their street, their
    # hospital) say whose answer it carries on.
    stitch_voice: float = 2.0
    # A sentence left open is carried on by a box printed BEFORE it only if something speaks
    # for that box: a box read after it and near it, with nothing against it, scores about
    # this much (any 1.0, after 0.5, a few flows between); one printed before it with no
    # word read across the join, no shared words and no matching width is no reader's
    # guess (it is far likelier a lead, a note or another article), and the sentence stays
    # open rather than take it.
    stitch_floor: float = 1.25
    # A box that opens on a comma, a closing quote or bracket starts no sentence: it carries
    # on one left open somewhere.
    stitch_mid_sentence: float = 0.5
    # ... nor does a box that opens on a clause of this many Chinese characters or fewer
    # closed by a full stop or semicolon ("办。数字政府…", "方面。前年…"): a column break left
    # a sentence's last characters to the box that carries it on. (Of the 191 boxes of the
    # three typeset gold sets opening on up to three such characters, none opens a
    # paragraph; a two-character sentence, "是的。", opens a turn, after its label, not a box.)
    carried_clause_chars: int = 2
    # ... and so does one that opens on this many characters and a comma ("伍，完善…",
    # "面，人社部…"): no paragraph of the gold sets and corpora starts so (two characters do:
    # "同时，", "目前，"), while about 340 boxes of the three typeset pdftotext sets do, none
    # of them at a paragraph's start.
    carried_phrase_chars: int = 1
    # A box that opens on a phrase framing a new sentence ("随着…", "比如…", "近年来…": general
    # discourse openers, which start a sentence or a clause after a mark) does not carry on
    # a sentence left open in mid-clause (its last line ending on a character, no mark),
    # unless a word runs across that join: this much against it.
    sentence_openers: tuple[str, ...] = (
        "随着", "比如", "例如", "譬如", "近年来", "近几年", "近些年", "此外", "首先", "其次",
        "总之", "总的来说", "今年以来", "去年以来", "其中，", "所以", "现在，", "对于",
    )
    stitch_opener_after_clause: float = 1.0
    # A box right under the interview's subtitle or byline that names the reporter or the
    # interview ("记者来到…", "采访了…": how a lead tells who asked) is the lead: it carries
    # on no turn's open sentence, even when the extractor printed turns before it.
    lead_cues: tuple[str, ...] = ("记者", "采访")
    # A sentence may also stay open (its end printed where no box shows it, or lost): a box
    # is stitched on only if it scores more than this, what a box read after the sentence
    # with nothing for or against it scores. The stitching is solved with this choice open
    # to every flow at once, so no flow is pushed onto a weak box because another took the
    # strong one.
    stitch_stay_open: float = 1.0
    # Two open sentences printed one after the other are carried on by boxes printed in the
    # same order more often than crossed (an extractor reads the columns in order): a crossed
    # pair of joins gives way to the pair in order when it scores no more than this above it
    # (flows._in_order; the crossings seen scored within a few hundredths of each other).
    stitch_crossing_margin: float = 0.08
    # Widths of a column wobble by about a unit (half-width runs, squeezed punctuation); a
    # first line this much wider than the column, or this much shorter than an indented one,
    # belongs to another box.
    box_width_tolerance: float = 2.0
    # Two runs of full lines (medians) whose widths differ by more than this are two boxes;
    # a line with leading spaces is indented only when short of its column by this too.
    box_width_wobble: float = 1.0
    # A box's unpunctuated first line this much narrower than the line under it is a title
    # set on top of the box (a paragraph's first line is only the two-unit indent short),
    # when it is at least this wide (shorter lines are labels, names, stray characters).
    title_narrower: float = 4.0
    title_min_width: float = 6.0
    # Lines at most this share of a box's column, three alike in a row after a full line in
    # mid-sentence, are a narrower box printed inside it (an extractor reading across).
    beside_ratio: float = 0.7
    # A box of another width read right after an open flow is as often the answer carried
    # into a box of its own as a stranger: this bonus keeps it in the running. (A penalty
    # for the other width measured worse: the boxes of a split answer often differ in width.)
    # Less than the same width and the very width together (0.5): a box read next at another
    # width does not beat one at the open column's own width.
    stitch_adjacent: float = 0.35
    # A box printed after an open sentence whose text reads on from it strongly (lexicon.
    # join_gain at least this, as row_strong_gain: …他们的生 / 活本身…) scores this much more
    # than for a bare word across the join. (For boxes printed before it too: pdfminer.six
    # sets lost pairs, held-out text-level gained none.)
    stitch_strong_gain: float = 5.0
    stitch_reads_strongly: float = 0.5
    # A box that opens an indented paragraph after the flow printed before it carries on a
    # sentence left open elsewhere only if the sentence reads on into it at least this
    # strongly (lexicon.join_gain: …服务。我 / 们按照… 6.0; a chance word across the join,
    # …城市部 / 类似… 2.5, does not; 5 measured a pdfminer.six pair fewer).
    paragraph_box_gain: float = 3.5
    # A join whose two Chinese characters either side the page prints side by side elsewhere
    # (…统一培训、统一 / 调配…) reads on a little likelier: most joins that carry an open
    # sentence on fall between words, where jieba sees no word across (join_gain 0), but
    # text repeated on the page (a news item and its headline, an answer quoting a phrase)
    # keeps its pairs. (0.3, with the boxes set loose for such a pair: QA text-level +4,
    # pdftotext +6, pdfminer +1, ReportLab pdfminer +2, no set lower; 0.4 and 0.5 lost a
    # held-out pdfminer pair, 0.6 held-out text-level pairs to common pairs, 一类 in 每一类;
    # pairs with a punctuation mark lost ReportLab pairs; triples about the join, 0.3 more, no
    # better.)
    stitch_pair_seen: float = 0.3
    # A box taken as a column carried on in mid-sentence (the same width) is set loose for
    # the stitching when no word runs across that join and the open sentence of a flow
    # printed before it reads on into it at least this strongly: two boxes at one width
    # printed one after the other, each carrying on another's sentence. (5, the strong
    # reading above, set loose boxes a sentence ending on a word's first character reads
    # into, …我们公 / 仓…, and lost held-out pdfminer.six pairs.)
    loose_box_gain: float = 7.0
    # A glued box that opens on a clause of this many characters or fewer before a comma
    # (卖，…), with no word across its join, is set loose when its width matches another
    # open flow's column within loose_width_match units and misses its own flow's column by
    # more: nothing in the words tells the two open sentences apart, the column does.
    loose_opening_chars: int = 2
    loose_width_match: float = 0.25
    # ... and only a box of this many lines or more: a shorter box's width is its own
    # text's, not a column's (视频，带动了一波“出圈”。 alone on a line).
    loose_width_lines: int = 3
    # A box that starts a sentence after a finished one carries on the flow printed before
    # it unless another finished answer fits it better by this much (its guest's words,
    # shared words, the same width): where a box is printed is the reader's first guess.
    stitch_home: float = 0.2
    # ... and a finished answer printed at the box's very width (within half a unit: one
    # half-width character) is likelier the one it carries on; so is an open one (a column
    # carried on keeps its width to the character, another box's only by chance).
    stitch_exact_width: float = 0.2
    exact_width_tolerance: float = 0.5
    # The column a flow is set to, read as the commonest width of its lines in mid-sentence
    # (flows.flow_cap), once at least this many lines show it in both flows, and that width
    # is at least this share of them (a typeset column justified to varying counts of
    # characters shows no one width; 0.6 gained text-level pages and lost typeset ones):
    # a paragraph box at another column than a finished answer's is less likely its own.
    # (The same penalty in stitching open sentences lost a held-out pair; a bonus for the
    # same column lost 15 to 60 pairs on the text-level set.)
    cap_lines: int = 2
    cap_share: float = 0.85
    home_other_cap: float = -0.3
    # A paragraph box that opens with the next point of an enumeration a finished answer
    # has begun ("二是…" after "一是…", "另一方面…" after "一方面…") is that answer's, wherever
    # it is printed: this much on top of the stitching's own bonus for the point.
    home_enumeration: float = 0.5
    # A guest's paragraph stranded after furniture (flows._stranded) goes to the finished
    # answer that scores above this floor in _paragraph_homes (where a box printed after a
    # finished answer stays unless another beats that one).
    stranded_floor: float = 1.0
    # The first person plural: a guest speaks so, the reporter's lead does not.
    first_person: str = "我们"
    # The rest of a host's question cut off before its question mark ("…有哪些经" / "验？")
    # is a piece of at most this many characters, the last line of another block (or a
    # block of one line) ending in the question mark: flows._question_tails gives it back
    # to the question when the open question reads on into it and the text it is glued to
    # does not (a whole line of a narrow column and a little more). When only a word across
    # the join speaks for it, the piece is a word's end and the mark: at most this many
    # characters (9, a line of lines mixed by the extractor, lost a pdfminer.six pair).
    question_tail_chars: int = 20
    question_word_tail_chars: int = 6
    # Columns fused on one line by the extractor: every piece but the last of a fused line
    # is at least this wide (a post and a name, "主任 王某", are not columns), and the left
    # column's pieces agree in width within the tolerance (a column's full lines wobble by
    # about a unit).
    fused_piece_width: float = 5.0
    fused_width_tolerance: float = 1.5
    # Dealing a fused line's pieces to their columns: a column stopped in mid-sentence
    # wants the next piece (and refuses a labelled one) this much; a piece wider than the
    # column costs more than any continuation gains.
    fused_waiting: float = 2.0
    fused_too_wide: float = 3.0
    # A piece that finishes a dictionary word left open by a column's last line ("…上线了智"
    # + "慧景区…") carries that column on: the pieces of two waiting columns are told apart
    # by it. As much as the waiting bonus (1.0 and 3.0 measured worse on pdftotext pages).
    fused_word_across: float = 2.0
    # A piece whose first character and the column's last make a pair the page prints side
    # by side within a piece elsewhere (the page's own words, names, numbers with their
    # units) carries it on, half as much as a word across: with a line dealt judged with the
    # lines after it (fused_plan_lines) the joins of several lines are summed, and a few
    # such pairs outweigh one word made across a join by chance. 1.0 joined the most lines
    # right on the pdftotext pages (0.5 one pair fewer on the typeset ones; before the
    # look-ahead over several lines, 0.5 had joined the most: 0.25 and 1.0 fewer).
    fused_pair_seen: float = 1.0
    # A piece in mid-sentence fills its column's width (only a paragraph's last line stops
    # short; a turn's first line, its label in another face, is let off): one narrower than
    # a column by more than the tolerance is a narrower column's line, and costs this much
    # there. As much as the waiting bonus: a column waiting in mid-sentence gains nothing
    # from a piece too narrow for it, which goes to the narrower column it fills, finished
    # or not, as readily (0.5 was tuned when each line was dealt with one line's look ahead;
    # with the look a few lines down, 2.0 got more pairs right on the ReportLab pdftotext
    # pages, as many on the Chromium ones, one fewer on the held-out ones; 1.5 fewer).
    fused_too_narrow: float = 2.0
    # (a paragraph's first line, the column's last line finished or none yet, may stop
    # paragraph_indent shorter still)
    # A turn's first line that stops short of a column by more than the tolerance in
    # mid-sentence, or fills it within a paragraph's indent (a labelled line is set in by
    # the indent), costs this little there: let off the narrow cost, it still goes, between
    # two columns free for it, to the one whose width, less the indent, it fills.
    fused_opener_short: float = 0.25
    # A box of questions fused with the columns beside it, at staggered heights (each
    # question a paragraph of its own, its margins shifting the columns' baselines apart,
    # so a column's lines fall between another's and a box may have more columns than any
    # line has pieces): every question opens with the host's label and closes with a
    # question mark, so its pieces are dealt by sentence continuity alone. A labelled piece
    # after an open question, an unlabelled one after a finished question (or opening the
    # box), a question left open at the box's end cost this much; a column more than the
    # widest line's pieces costs a little, so that it is used only when continuity needs it.
    fused_question_break: float = 4.0
    fused_extra_column: float = 0.5
    # Ways of dealing a fused line's pieces to the columns tried one by one (with a look at
    # the next line) up to this many; beyond (a page of many columns side by side, such as
    # pdftotext -layout prints), the best way without the look ahead, by dynamic programming:
    # C(20, 10) ways took a 2 KB page 13 s.
    deal_ways_max: int = 2000
    # How many ways of dealing the box so far are kept, line by line (a box has at most a
    # few dozen pieces; 200 keeps every way that could still win on the pages measured).
    fused_question_beam: int = 200
    # A fused line's pieces are dealt judged with the ways of dealing the lines after it, up
    # to this many lines in all (columns at staggered heights print a line of each in turn:
    # the piece that reads a column on may stand a few lines down). 4 joined the most lines
    # right on the pdftotext pages (3 and 5 fewer; the whole region at once, lines below a
    # change of columns weighing in, lost pairs on the typeset ones); at most this many ways
    # of dealing are kept, line by line (a beam).
    fused_plan_lines: int = 4
    fused_deal_beam: int = 100
    # At most this many columns to a box (the typeset pages set 1-4; a fifth would be
    # narrower than a question's label and a few characters).
    max_fused_columns: int = 4
    # A page whose columns stand side by side across every line (``pdftotext -layout``: each
    # piece set at its place by runs of spaces) is not one this tool reads: at least this
    # share of its non-blank lines hold a gap of three spaces or more between characters, or
    # start after eight (0.45-0.98 of the lines on 200 typeset pages read with -layout; at
    # most 0.02 on every page of the pdftotext, pdfminer.six and text-level sets). Such a page
    # is converted as it is, with a warning to extract it again without -layout.
    side_by_side_share: float = 0.3
    # Pages printed row by row (pdfminer.six making every line, or every two or three, a box
    # of its own): this share of the lines, on a page of at least this many, stands in boxes
    # of at most row_by_row_box lines (measured: at most 0.24 on the pdftotext pages and 0.34
    # on the text-level ones, which print whole columns; 0.6 or more on nine pdfminer.six
    # pages in ten).
    row_by_row_share: float = 0.55
    row_by_row_box: int = 2
    row_by_row_min_lines: int = 12
    # Or this share of the lines stands in runs of small boxes holding at least
    # row_by_row_run lines between them: a page printed row by row beside columns the
    # extractor kept whole (ReportLab pages read by pdftotext, whose news columns, question
    # boxes and heading hold the share above to 0.27-0.54). Measured with runs of 8 lines:
    # at most 0.15 on every pdftotext and text-level page (typeset, held-out, generated);
    # 0.17-0.53 on the thirteen ReportLab pdftotext pages below row_by_row_share, which
    # unweaving rejoins (twelve at 0.2 or more). 0.2 found more QA pairs than 0.3 on the
    # pdfminer.six and ReportLab sets; runs of 6 or 12 lines fewer than of 8.
    row_by_row_run: int = 8
    row_by_row_run_share: float = 0.2
    # Boxes of at most this many lines are dealt into columns; a bigger one is a column the
    # extractor kept whole.
    row_box_lines: int = 3
    # A small box with a line this many times as wide as the median line of the page's small
    # boxes spans the columns (a question, a lead, a headline set across them): no band's
    # column holds it, so it stands apart, in print order.
    row_span_ratio: float = 3.0
    # ... unless a box printed right before or after it is this share of its width or more (two
    # wide columns side by side, whose wide boxes the extractor prints in turn).
    row_span_beside: float = 0.7
    # A band across a page holds one to this many columns (a page of narrow columns, or a
    # band that also crosses a sidebar's): five and six found more true joins, and fewer
    # false ones, than four on the pdfminer.six pages; eight was worse than six.
    row_max_period: int = 6
    # Reweaving them (streams.py): how a box carries on the box a period before it. The text
    # reading on across the join counts for, its absence against; a new turn after a finished
    # sentence and a line as wide as the open one before it count for; a label after an open
    # sentence, or another width, against; changing the number of columns costs a little.
    # How surely the text reads on is graded by lexicon.join_gain, how much likelier (natural
    # log) jieba's best segmentation finds the text run together than broken at the join: at
    # row_strong_gain or more (…老年大|学…), or with both triples about the join printed
    # elsewhere on the page, it reads on strongly (measured on the pdfminer.six pages: 41% of
    # open lines' true joins, 0.9% of the false candidates; held-out 34% / 0.7%), for
    # row_reads_strongly; at row_weak_gain or more, or with one triple or the pair across the
    # join printed elsewhere, somewhat (15% / 3.6%), for row_word_across. A bare dictionary
    # word across the join of two characters either side, the test before, fell on 5% of
    # false candidates and only 3% of true ones once these were counted.
    row_word_across: float = 1.0
    # Four times a weak join: a strong one is about ten times as telling (41% of true joins
    # against 0.9% of false ones, where a weak one is 15% against 3.6%), and it must outweigh
    # a width that misses (row_width_miss) plus a change of period (row_switch); 2.5
    # measured worse on the pdfminer.six pages.
    row_reads_strongly: float = 4.0
    row_strong_gain: float = 5.0
    row_weak_gain: float = 2.0
    row_no_word: float = 0.5
    row_new_turn: float = 0.3
    row_label_break: float = 2.0
    row_width_fit: float = 0.5
    row_width_miss: float = 1.0
    row_width_wobble: float = 1.0
    # A letter-spaced line's characters fall short of its column by at most this much
    # (justification spreads what did not fit: a punctuation mark, a number).
    row_spacing_room: float = 2.5
    # (the open line a column carries on may stand paragraph_indent short of the next line
    # at its width: a paragraph's first line is indented)
    row_switch: float = 1.5
    # A tie-break (streams._tie, in streams._match's assignment only, among links worth
    # keeping): the grades above take few values, so on the pdfminer.six pages hundreds of wrong
    # next lines score exactly as the true one; a line carrying on an open one gains up to
    # row_tie_width the closer its width comes to it (nothing at row_tie_width_cap off, the
    # wobble), too little to outweigh any grade. QA pairs: pdfminer.six 477 -> 483, held-out
    # pdfminer.six 144 -> 145, ReportLab pdftotext 348 -> 347 (cap 2: ReportLab pdfminer.six
    # 388 -> 385; cap 4 worse everywhere; join_gain as a tie-break too, and the tie in every
    # link rather than the assignment's, lost join precision).
    row_tie_width: float = 0.05
    row_tie_width_cap: float = 1.0
    # ... and up to row_tie_gain by how much likelier the text reads run together across the
    # join (lexicon.join_gain, full at row_tie_gain_cap, the strong grade's bar), less than the
    # width's: QA pairs pdfminer.six 483 -> 486, ReportLab pdfminer.six 388 -> 390, held-out
    # pdfminer.six 145 -> 144. (The width's tie after a finished line too, a mid-paragraph
    # sentence end at the column's width: ReportLab pdfminer.six 390 -> 393, pdfminer.six
    # 486 -> 485.)
    row_tie_gain: float = 0.03
    row_tie_gain_cap: float = 5.0
    # A box whose link to the box its period points to scores this little or less (the text
    # does not read on and the width misses: -row_no_word - row_width_miss) carries on no
    # box, and leaves it to the box after: a column's top, printed where the period has a
    # column go on, took the box the column's own next line carries on. Not when either line
    # is narrower than row_no_link_width: a roster's names and titles, a heading's last
    # characters vary in width in their column, and a roster split there read a headline as
    # a guest's affiliation. QA pairs with the two (without the width: 327 / 114 / 213 / 223;
    # with 6 or 10: 329 / 114 / 216 / 223 and 331 / 111 / 215 / 223): pdfminer.six 315 -> 333,
    # held-out 109 -> 115, ReportLab pdftotext 212 -> 216, pdfminer.six 220 -> 223.
    row_no_link: float = 1.5
    row_no_link_width: float = 8.0
    # A column left in mid-sentence takes a box printed after its top and before its end from
    # the box the period gave it to only when the box reads on from it by this much more
    # (one step of the text's grading and one of the width's, or a strong reading against
    # none): 2.0 gave pdfminer.six QA 0.223 and held-out 0.219, 0 and 1 gave 0.219 / 0.205,
    # 3 and 4 gave 0.220 / 0.215.
    row_rejoin_gain: float = 2.0
    # ... and takes the top of another column (a box no column carries on) printed up to
    # row_max_period boxes before its own top when the box reads on from it this well (the
    # text strongly, at the width or not; a weak reading at the width, 1.5, is not enough):
    # the band's next column's top printed among the band's first boxes, before this
    # column's own top. QA pairs pdfminer.six 485 -> 486, held-out 144 -> 143, ReportLab
    # pdfminer.six 393 -> 395 (at 4.5, the strong reading at the width alone: 486 / 143 /
    # 393; any box before the top, claimed or not, at the gain bar: 492 / 141 / 395).
    row_rejoin_back_min: float = 2.5
    # A column left in mid-sentence with no next box takes the column's top at the offset at
    # which the boxes either side of it carry on theirs (streams._along) when it carries it on
    # this well (the text reading on weakly against a missed width, or not at all at the
    # width): QA pairs ReportLab pdfminer.six 367 -> 370, pdftotext 331 -> 330, the rest the
    # same (both neighbours required: 368 / 331; at 1.5 joins gained nothing, at -1.5 joins
    # lost precision).
    row_along_min: float = 0.0
    # Where nearly all the small boxes hold a single line (this share of their lines: 0.94 on
    # half the ReportLab pdfminer.six pages printed row by row, 0.96 on half the Chromium
    # ones; at most 0.88 on the ReportLab pdftotext pages, whose boxes hold two or three
    # lines as often), each box's next box is chosen for all boxes at once (streams._match),
    # by an assignment of the greatest sum of links, rather than box by box from the periods:
    # two boxes no longer claim the same box, and a column's bottom can take the top of the
    # next column, printed before it. The link the periods give a box counts row_match_period
    # more in the first assignment; then, for row_match_rounds rounds, a link counts
    # row_match_support more for each link beside it the round before chose (the lines of a
    # band's columns carry on their columns together). A box ending in mid-sentence may carry
    # on one printed up to row_match_back before it when the text reads on (row_match_back_min:
    # strongly, or somewhat with the width), at row_match_back_cost. Measured on the
    # Chromium pdfminer.six pages (bench/joins.py): join recall 0.786 -> 0.818, precision
    # 0.891 -> 0.910, answers whole 0.226 -> 0.259 (0.830 / 0.917 / 0.268 on every page printed
    # row by row, which cost ReportLab pdftotext 9 QA pairs); period bonus 3 against 1.5 and 1, support
    # 1 against 0.7 and 1.5, 3 rounds against 2 and 5 (the same), back cost 2 against 1, 3, 4,
    # back reach 40 against 20 and 80.
    row_match_share: float = 0.9
    # ... and so are those of a run of this many small boxes or more that holds nearly all
    # single lines, on a page whose other boxes hold more: pdfminer.six prints a body of
    # narrow columns so beside columns it kept whole, where the short runs of single lines
    # pdftotext prints (the lines of two wide columns in turn, 5 to 41 boxes on the
    # ReportLab pages) are dealt better by the periods alone.
    row_match_run: int = 50
    row_match_period: float = 3.0
    row_match_support: float = 1.0
    row_match_rounds: int = 3
    row_match_back: int = 40
    # (row_match_back_min 1.5, a weak join at the width, rather than 2: such a link back, worth
    # less than its cost alone, is taken only beside one the round before chose, the bottoms of
    # a band's columns carrying on the tops of the next ones together: pdfminer.six QA 433 -> 436,
    # the other sets the same)
    row_match_back_min: float = 1.5
    row_match_back_cost: float = 2.0
    # ... and, ending in mid-sentence, on one printed more than row_max_period and up to this
    # many boxes after it, at the same bar and cost (a column's top printed after other
    # boxes, beyond any band's reach): QA pairs pdfminer.six 417 -> 433, held-out 126 -> 126,
    # ReportLab pdfminer.six 338 -> 338 (joins: 12 and 20 gained fewer answers whole, 80 lost).
    row_match_ahead: int = 40
    # ... holding this share of single lines (rather than row_match_share's): a long run of
    # pdfminer.six's single lines where a few boxes hold two. QA pairs against 0.9: pdfminer.six
    # 443 -> 445, the other sets the same (0.8: 448, held-out 128, but ReportLab pdftotext 313
    # -> 312; 0.7: 445 / 127 / 311).
    row_match_run_share: float = 0.85
    # ... and so are those of any run of this many small boxes or more, whatever its share of
    # single lines: so long a run is a body of narrow columns, never the few rows of two wide
    # columns pdftotext prints in turn. QA pairs: pdfminer.six 463 -> 470, held-out
    # pdfminer.six 125 -> 129, the other sets the same (with furniture keeping a roster's
    # box of running prose out of every title, which this reweaving put there); 70:
    # pdfminer.six 469, held-out 127, but ReportLab pdftotext 327 -> 325; 150: as without.
    row_match_long_run: int = 100
    # A line ending a sentence and this much short of its column ends its paragraph.
    short_line_shortfall: float = 1.5
    # A box of unpunctuated lines whose last line is this much shorter than its first is a
    # wrapped headline, kept whole when boxes printed row by row are rewoven (streams): a
    # headline wraps where its box ends, so its last line falls short by more than the
    # wobble of a full line (same value as short_line_shortfall, but its own question).
    wrapped_headline_shortfall: float = 1.5
    # A line this many times wider than the lines after it is not part of their box
    # (an unwrapped question or headline glued to a wrapped block).
    wide_line_ratio: float = 1.6
    # Headlines are single lines of at most this many display units.
    max_headline_width: float = 48.0
    # A news item's headline set in a narrow column wraps over this many lines at most (the
    # typeset sets print them over two to four); unpunctuated lines right above the item's
    # opener, no more than these, are its headline.
    news_heading_lines: int = 4
    # A "label" that is a word this frequent in jieba's dictionary (方面 27k, 对此 1.2k) and
    # labels a single turn is a wrapped line's first word; names score 0, the odd famous
    # one a few hundred (李娜 438). At least lexicon.FREQUENCY_FLOOR (100), below which the
    # dictionary's frequencies are not kept.
    common_word_frequency: int = 1000
    # Guest names are 2–4 characters (a middle dot allowed for minority names).
    max_name_length: int = 4
    # A vertical label's first characters read onto the end of a line after a gap ("标题
    # 编者"), its last ones on lines of their own below, within this many lines (blocks):
    # a label set beside a title stands beside its first lines, not a column away.
    trailing_label_span: int = 20
    # A roster entry printed away from its label (classify) holds at most this many
    # characters and lines per guest named in it (a post of a few dozen characters, wrapped
    # over a few lines); a title without its name at most one entry's characters, on at
    # most roster_title_lines lines: longer unpunctuated text is a headline or a column.
    roster_entry_chars: int = 48
    roster_entry_lines: int = 4
    roster_title_lines: int = 2
    # Questions printed without the host's label (a box or sidebar of questions set apart
    # from labelled answers): on a page with guests' answers and no labelled question, a
    # block of running text made only of questions — each ending with a question mark at a
    # line end, none longer than unlabelled_question_chars (no gold question of three sets
    # is longer than about 60) — is the host's; at least unlabelled_questions_min of them on
    # the page (a list of questions: one alone may be a lead's or an answer's rhetorical one).
    unlabelled_question_chars: int = 80
    unlabelled_questions_min: int = 3
    # An unlabelled question left open at a block's end runs on over at most this many
    # blocks (pdfminer.six breaks a narrow box's every line apart: a question's two or
    # three lines).
    question_run_blocks: int = 3
    # Two questions side by side read row by row (classify): a question's lines dealt
    # apart into two when the words read across the joins so dealt more likely than as
    # printed (lexicon.join_gain) — or, the rows' shape telling, when as printed they gain
    # less than this (a chance word across a join, …不|下一步… 1.1; a real one, …要|素…,
    # …打|算…, scores 5 or more).
    dealt_weak_gain: float = 2.0
    # A question's open end read atop another box's running text (classify): a block's first
    # lines, at most question_end_atop_lines of them (a question's end wraps over a line or
    # two), the last asking, each at most question_end_atop_share of the rest's lines wide
    # (a narrow question box beside a wide column, 7 characters to 17; a paragraph's own
    # lines differ by an indent, a character or two), are set apart as a block of their own.
    question_end_atop_lines: int = 3
    # A host's turn left open in a narrow box takes the next blocks of running text no wider
    # than its box (within question_box_width_tolerance characters: the same box's lines) that
    # read on across each join, up to the one that asks, within question_box_reach blocks
    # (its box's rows dealt among a few wider boxes' paragraphs).
    question_box_width_tolerance: float = 0.5
    question_box_reach: int = 6
    question_end_atop_share: float = 0.75
    # A block of at most this many characters leaves no sentence open before a roster entry
    # (a name's or a headline's wrapped end, "立华", is no sentence).
    open_sentence_chars: int = 4
    # A band of wrapped headlines printed side by side comes out as fragments, a line of each
    # headline at a time (furniture.deal_fragments): a fragment of at least this many
    # characters is dealt by its own bigrams (fewer hold too few to tell articles apart); a
    # shorter one (a headline's last character or two, wrapped alone) goes with a fragment
    # at most fragment_reach places away across whose end its article reads on ("…集中整" +
    # "治": 整治), as the band holds a few headlines.
    min_dealt_fragment: int = 3
    fragment_reach: int = 4
    # A headline's fragments lie within this many lines of each other (assemble): a band of
    # headlines wrapped side by side spans a few lines.
    headline_band_lines: int = 4
    # A flow left over with no sentence punctuation is dealt line by line to those headlines
    # when it has at most this many lines (a band of a few headlines, each wrapped over a
    # line or two); a longer one is a column of text, whatever its punctuation.
    headline_band_flow_lines: int = 6

    # --- alignment -----------------------------------------------------------------------
    # An answer printed right after its question (inline layouts) belongs to it unless the
    # words say otherwise strongly: larger than any lexical score difference seen in practice.
    anchor_weight: float = 2.0
    # ... but only this share of it for a later answer of a run printed after a question that
    # asks for no round table (align._anchors; 0.5: 6 pairs fewer on the typeset sets,
    # leaving them out altogether: 5 fewer on the text-level pages, whose runs are round tables)
    weak_anchor_share: float = 0.25
    # An anchor whose answer shares next to nothing with its question (a fit under
    # stray_anchor_fit) and fits another question by stray_anchor_lead more is a question's
    # box read in among the answers' (a list of questions set apart, its columns read
    # across): that pair is no anchor.
    # (0.25 / 0.75 -> 0.35 / 0.5: QA pdfminer +1, held-out pdfminer +1)
    stray_anchor_fit: float = 0.35
    stray_anchor_lead: float = 0.5
    # When the words deny at least this share of the anchors (two at least: each of their
    # answers fits another question better), the anchors weigh denied_anchor_weight of
    # their weight: the page's print order is doubtful, if no anchor is overruled outright.
    # (0.4 / 0.3: QA pdftotext +1, pdfminer +2, held-out pdftotext +2, ReportLab +3/+1;
    # a share of 0.3 or 0.5 the same; a weight of 0.5 or 0.7 fewer, 0 held-out text -2)
    denied_anchor_share: float = 0.4
    denied_anchor_weight: float = 0.3
    # ... on a page where under this share of the questions anchor an answer (the rest set
    # apart); an inline page prints every question before its answer, whatever the words say
    stray_anchor_share: float = 0.5
    # Weak prior that the k-th of the questions goes with the answer at the same relative place
    # on the page (answers are printed mostly in the questions' order, boxes apart); a tie
    # breaker, well under one lexical match. 0 -> 0.1: QA pairs text-level 1322 -> 1318,
    # pdftotext 891 -> 890, pdfminer 306 -> 308, held-out text 809 -> 813, held-out pdfminer
    # 107 -> 109, ReportLab 207 -> 209 / 214 -> 216 (0.05: +5 in all, text-level -1).
    order_weight: float = 0.1
    # Weight of a question naming a guest's own organisation (a phrase only their title has).
    entity_weight: float = 1.0
    # Weight of a question naming a guest, a phrase only that guest's roster title has, or
    # an abbreviation of it (0.3 -> 0.5 with the abbreviations in: QA text-level 0.766 ->
    # 0.769, pdftotext 0.585 -> 0.587, pdfminer 0.170 -> 0.169; 0.7 no better).
    title_weight: float = 0.5
    # An answer whose first sentence repeats a run of the question's words (four characters
    # or more that few other questions share) answers it: full weight from echo_length
    # characters, looked for in the first echo_window characters of the answer.
    echo_weight: float = 0.5
    # A follow-up that recalls the previous answer ("您提到X，…") says what the answer to
    # the question before it holds: X counts for that pairing (weighted as the lexical
    # score) and not for the follow-up's own.
    recall_weight: float = 1.0
    # ... and when what it recalls holds a term in quotation marks ("刚才讲到的“银发课堂”…"),
    # a coined name, the answer that prints that term verbatim said it: recall_quote_weight
    # more for that pairing (the cosine above is diluted by the answer's other words);
    # terms of at least recall_quote_length characters.
    recall_quote_weight: float = 0.5
    recall_quote_length: int = 3
    echo_length: int = 6
    echo_window: int = 30
    # How strongly rarity among the questions counts next to rarity among the answers: what
    # several questions share is the interview's theme and tells none of them apart
    # (squared: measured best on the corpus interviews with their structure given).
    question_idf_power: float = 2.0
    # Weight of TF-IDF cosine between question and answer (jieba words + character bigrams).
    lexical_weight: float = 2.0
    # The answer's opening echoes the question most; its first paragraph counts this much more.
    opening_weight: float = 1.0
    # Question types and the way answers open to them: (question pattern, answer-opening
    # pattern). A plan question is answered with what "will" be done, a status question
    # with what has been done, a question of meaning with a judgement.
    cues: tuple[tuple[str, str], ...] = (
        (r"基础|家底|优势|底气|成效|成绩|进展|现状|情况|亮点|变化|做了哪些|取得|规模|多少",
         r"近年来|目前|截至|已经|已[^经]|去年|以来|形成了|拥有|累计|基础|优势"),
        (r"理解|意义|怎么看|如何看|认识|为什么|为何|有人说|有人认为",
         r"意义|理解|认为|体现|既|是.{0,12}的|看来|之所以|因为|赞同|同意|认同|说法|觉得"),
        (r"资金|投入|钱|经费|融资|补贴",
         r"资金|投入|亿元|万元|经费|融资|补贴|财政"),
        (r"难点|困难|问题|挑战|短板|瓶颈",
         r"难点|困难|问题|挑战|短板|瓶颈|不足|最难|难在|难的是"),
        # how it began and grew: answered with its founding
        (r"发展起来|做起来|搞起来|一步步|起步|起家|历程|由来|缘起|创办|创立|成立之初|怎么开始|如何开始",
         r"成立|创办|创立|刚开始|起初|最初|最早|当初|起步|起家|那时候|起因|缘起|源于|缘于"),
        # what people want: answered with how they were asked
        (r"需求|最需要|需要什么|需要哪些|意见|意愿|呼声|心声|摸清|摸底",
         r"调查|问卷|走访|入户|征求|听取|座谈|议事|说了算|恳谈|需求"),
        # getting the public to take part, or to know better: answered with volunteers,
        # campaigns and knowledge taken to people's doors
        (r"发动|动员|全社会|公众参与|群众参与|共同参与|意识|人人有责",
         r"志愿|义务|市民|村民|居民|热心|宣传|参与|参加|知识|千家万户|进社区|进学校"),
        # how what was built is kept up afterwards: answered with who manages it
        (r"管好|管护|长效|后续管理|(?:建成|完成|改造)后", r"物业|托管|管护|自管|维护|管理"),
        # how people are got to want to: answered with what they gain
        (r"积极性|调动|动力|激励", r"有钱赚|赚钱|收益|收入|补贴|奖励|奖补|愿意|实惠"),
        # what else, in which fields: answered by naming a field first
        (r"其他方面|哪些方面|其他领域|哪些领域|还有哪些作为",
         r"^[^，。；]{1,8}(?:是大头|也是一块|方面[，,]|领域[，,])"),
        # how the gains are shared: answered with shares, dividends, guaranteed prices
        (r"利益|联结|分配|收益|怎么分|如何分",
         r"分红|入股|股份|股金|保底|返还|分配|收益"),
        # why: answered with the reasons
        (r"原因|为什么|为何", r"原因|因为|之所以|得益于|在于"),
        # what one felt: answered with feelings
        (r"感受|体会|感触", r"感受|体会|感触|感觉|觉得"),
        # the time a question asks about is the time its answer opens with: now, this
        # year, the last few years
        (r"目前|现在|当前", r"目前|现在|当前|截至"),
        (r"今年", r"今年"),
        (r"近年来|这几年|近几年", r"近年来|这几年|近几年"),
        # how many, what share: answered with a number early on, a percentage
        (r"多少|几[个家所项名位条座]", r"^.{0,20}\d"),
        (r"比例|比重|覆盖率", r"\d(?:%|％)"),
        # what role or strength something has: answered in the same words
        (r"作用|优势", r"作用|优势|在于"),
        # who they are: answered with a list of kinds of people ("有退休法官、律师…", "多数是…")
        (r"什么人|哪些人|哪类人|是谁", r"^(?:主要)?有[^，,。]{1,8}、|多数是|大多是|主要是|大部分是|人员"),
        # what the guest thinks: answered with an opinion
        (r"您认为|你认为|如何看待", r"我认为|我觉得|我们认为|在我看来"),
    )
    # Questions about what comes next, and answer openings that set out plans: the one
    # cue that also counts against a pairing when only one side has it.
    plan_question: str = r"下一步|接下来|今后|未来|下阶段|将如何|还将|还有哪些(?:打算|考虑|计划)|打算|(?<!值得)期待"
    plan_answer: str = (
        r"^.{0,12}(?:下一步|接下来|今后|未来|下阶段|希望|期待|期望)"
        r"|^(?!.{0,8}(?:去年|前年|上个?月|上半年|此前|过去|曾))"
        r".{0,6}(?:(?<![老麻武名大主])将(?![近来军])|(?<![主需重只想不])要[把在]|(?<![谈议大])会继续|还会)"
        r"|^.{0,16}(?:将继续|将持续|将进一步|将重点|将围绕|将坚持|将按照|将以|将在|将从|将着力|将加快|将全面|将聚焦"
        r"|准备|会持续|会进一步)"
    )
    # The question that closes an interview opens with "最后" or with what comes next
    # ("下一步", "接下来", "今后", "未来"…) within its first characters (after a guest's name
    # or "请…"): on every gold page of the five page sets such a question is the last one
    # asked (575 of 575), and most interviews end with one; the boxes' print order says
    # less (questions grouped at the top, one stranded after the answers, an inline
    # question's box read before others), so a single such question is read last, with
    # its answers (align._question_order). "最后一公里" is a stretch of road.
    # A question printed apart from the list of questions (stranded after the answers)
    # goes where its answer stands among the others' when the page prints its answers in
    # the list's order: at least this share of the list's pairs of answers in that order,
    # over at least answer_order_min answered questions of the list (fewer tell nothing).
    answer_order_trust: float = 1.0
    answer_order_min: int = 4
    # At most this share of those pairs in order, the boxes were set in no relation to the
    # questions (random order agrees on about half): the answers under one question are
    # then read in the roster's order (align._roster_place), not as printed.
    answer_order_void: float = 0.5
    closing_question: str = r"^.{0,10}(?:最后(?!一公里|一米|一关)|下一步|接下来|今后|未来|下阶段|展望)"
    # A plan answered to a question about plans, or a plan put to a question about
    # anything else, weighs as much as the opening's words: 0.5 -> 1.2 raised QA on all
    # three page sets (text-level 0.754 -> 0.758, pdftotext 0.567 -> 0.577, pdfminer 0.165
    # -> 0.169; 1.6 no better) and the pairing lab 118 -> 119 of 126.
    plan_weight: float = 1.2
    # A question that closes the interview (closing_question: "最后…", "下一步…" at its
    # start) is answered by speaking of plans somewhere in the answer, not only at its
    # opening ("…我们计划用两年时间…", "力争…", "争取…"): such an answer scores
    # plan_body_weight more there. "将近" is a count, not a plan. (0.8: QA held-out text +4,
    # held-out pdftotext +8, held-out pdfminer +6; 0.5 fewer, 1.2 text-level -2; any plan
    # question, plan_question, as well: no more pairs)
    plan_body: str = (
        r"计划|力争|争取|打算|准备|下一步|接下来|今后|明年|下阶段|将继续|将进一步|将加快|将持续"
        r"|要继续|会继续|要进一步|目标是"
    )
    plan_body_weight: float = 0.8
    # A yes-no question (是否, 会不会, 有没有, 是不是…, "…吗？" with no 什么, 哪, 怎 in its
    # clause; not "能否谈谈", a request) is answered by first saying yes or no ("是的。",
    # "不好找。", "能。", "确实是。"): such an opening scores yes_no_weight more there.
    # (0.5: QA held-out pdftotext +3; 1.0 and 1.5 the same, as a cue capped with the others
    # the same; a yes or no put to another question counted against: no more)
    yes_no_question: str = (
        r"是否|可否|会不会|有没有|是不是|要不要|够不够|难不难|好不好"
        r"|能不能(?!给|帮|谈|讲|说|介绍)|能否(?!分别|谈|介绍|讲|说|给)"
        r"|(?:^|[，。？?！!；;])(?:(?!什么|哪|怎|如何|多少)[^，。？?！!；;])*[吗吧][？?]"
    )
    yes_no_answer: str = (
        r"^[“\"]?(?:是的|对|没错|当然|确实|肯定|会|不会|有|没有|能|不能|可以|不|是|要|需要|不需要|不用)"
        r"[^，,。！!、；;]{0,6}[，,。！!]|^[^，,。]{0,4}确实"
    )
    yes_no_weight: float = 0.5
    # A question put to one guest of several by surname and post ("滕书记，…", "请王局长谈谈…")
    # is answered by that guest (11 of 12 answers to such questions on the gold pages): an
    # answer by another scores addressed_other_cost less there. (0.5: QA held-out pdfminer
    # +3, held-out text -1; 0.3 and 1.0 the same)
    addressed_other_cost: float = 0.5
    # Characters at the start of an answer in which its cue is looked for.
    cue_window: int = 60
    # Weight of a matching cue: enough to decide between two answers of the same guest
    # whose words overlap the question alike, not enough to outvote a named organisation.
    # (0.3 -> 0.5 with the cues of session 21: QA pdftotext +3, pdfminer +1, held-out text +6,
    # held-out pdfminer -1, ReportLab +4/+2; 0.4 and 0.45 fewer in all)
    cue_weight: float = 0.5
    # A question that addresses several guests at once (a round table) expects several
    # answers; any other question takes a second answer only when answers outnumber
    # questions and it fits there best.
    round_table_cue: str = (
        r"[两三四几各诸][位家所]|[两三四几各]个(?:部门|单位|街道|镇|乡|村|社区|学校|医院|企业|园区)"
        r"|分别|各自|都谈|都说|依次"
    )
    # A question about what a kind of body does ("学校在…方面做了哪些探索", "街道是怎么做的")
    # is put to every guest who heads one, when two or more do (by their titles). Schools,
    # streets and communities only: hospitals and companies so asked were mostly asked of
    # one guest (measured on the pairing lab: 116 -> 113 with them, 117 without).
    round_table_kinds: tuple[tuple[str, str], ...] = (
        (r"(?:^|[，。？；、])(?:各)?学校(?:在|是|有|都|如何|怎)", r"小学|中学|学校|幼儿园"),
        (r"(?:^|[，。？；、])(?:各)?街道(?:在|是|有|都|如何|怎)", r"街道"),
        (r"(?:^|[，。？；、])(?:各)?社区(?:在|是|有|都|如何|怎)", r"社区"),
    )
    round_table_cost: float = 0.05
    # (0.4 -> 0.55 once round tables by kind and plan weights were in: QA +0.001 to +0.002
    # on each page set; 0.3 worse, 0.7 no better)
    extra_answer_cost: float = 0.55
    # how an answer opens when it turns to what another guest has just said: it differs
    # from it, adds to it, or sums up what two or more guests said — so it answers the
    # same question (see align._follow_on)
    follow_on_cue: str = (
        r"(?:情况|做法|情形)(?:有些|有所|也|略|稍|就)?不(?:同|一样)|补充|刚才"
        r"|[两三几各][个位][\u3400-\u9fff]{0,6}?的(?:做法|经验|介绍|发言|情况)"
    )
    # weight of what the follow-on answer shares with the earlier answer (a cosine)
    follow_on_weight: float = 2.0
    # ... taken as at least this much when the earlier answer's guest heads a body of the
    # same kind as the follow-on's (unit_pattern's group 2: two streets' heads): a contrast,
    # "西岳街道的情况有些不同", need share no words with the answer it is set against
    sibling_share: float = 0.75
    # the bodies below a district or county that a roster title may name (a street, a
    # town, a village, a community, a school)
    unit_pattern: str = r"([\u3400-\u9fff]{2})(街道|镇|乡|村|社区|小学|中学|学校)"
    # a question about the whole district, county or city ("今年全区…的总体安排")...
    whole_question: str = r"全(?:区|县|市|省)"
    # ... is not answered by a guest who opens on their own part of it ("桂湖街道的老小区…",
    # within this many characters), unless the question names that part too
    scope_window: int = 8
    # (0.5 -> 1.0 with own_part_weight in: QA pdftotext +3, pdfminer +2)
    scope_weight: float = 1.0
    # a question put to several guests at once (round_table_cue: "两个街道…各自有什么特色做法")
    # is answered by each opening on their own part ("桂湖街道的老小区…"): that scores this more
    # (0.3: QA text-level +5, pdfminer +3, ReportLab +2/+3; 0.5: pdftotext +2, ReportLab pdfminer +1 more)
    own_part_weight: float = 0.5
    # a question that asks for one sentence ("最后请三位各用一句话，谈谈…") is answered by
    # answers of one sentence of at most brief_length characters: those score brief_weight
    # more there, longer ones as much less
    brief_question: str = r"一句话|一个词|几个字"
    brief_length: int = 60
    brief_weight: float = 1.0
    # the words that set a question in place and time ("今年以来，全县…"), not on a topic:
    # left out of its words (the time cues weigh the time)
    frame_words: str = r"全[区县市省镇乡]|今年|去年|年以|以来|今年以来|目前|近年|年来|近年来"
    # a question put to one guest by surname and post ("路董事长，您…") is that guest's: when
    # the answers outnumber the questions, a second answer goes to a question put to no one
    # in particular before it goes to one put to one guest
    addressed_extra_cost: float = 1.0
    # a question that points at one guest only, by name or by what only that guest's title
    # says ("公安领域…" with one police chief on the panel), is that guest's too
    pointed_extra_cost: float = 1.0
    # @cert, the pairing's confidence in words, from what the aligner knows of it: its
    # margin (what the best assignment loses without it), its own score (what the words
    # say, the anchor_weight of an answer printed right after its question left out) and
    # how its question and answer were read. Measured with bench/calibration.py (share of
    # pairs of a level whose question is right) on the text-level, pdftotext and held-out
    # sets: with high at a margin of 0.25 alone, "high" was right 0.93 / 0.82 / 0.93 /
    # 0.76 (held-out pdftotext) of the time; now 0.99 / 0.97 / 0.99 / 0.98.
    # A margin this large or more (pairs under 2.0 are right 0.73-0.90 of the time, over
    # it 0.91-0.98)...
    high_margin: float = 1.75
    # ... and an own score of high_score or more: a best pairing whose words barely fit
    # its question won only because every other answer fits worse, or because the layout
    # printed it after the question, which an extractor reading across columns gets wrong
    # (every "high" pair that was wrong on the held-out pdftotext pages was anchored, its
    # score made by the anchor) ...
    high_score: float = 0.75
    # ... and the question and the answer each read in one run of the page's lines, each
    # line at most this many lines after the one before (a blank line between paragraphs):
    # a turn gathered from lines apart (columns read across, a box stitched on) may have
    # taken in another answer's text, so its pairing is no sure thing. Pairs past the two
    # tests above whose answer jumps were right 0.56-0.82 of the time, against 0.95-0.99.
    cert_line_step: int = 2
    # Under this margin, or under low_score, "low": a near-tie (0.47-0.74 right under a
    # margin of 0.25, 0.50-0.74 under 0.5) or a pairing that shares next to nothing with its
    # question (an own score under 0.25).
    medium_margin: float = 0.5
    low_score: float = 0.25
    # "low" too, whatever the margin: a question read from lines apart (right 0.0-0.52 of
    # the time) or an answer whose lines break this many times or more (three runs of
    # lines): 0.29-0.56 right on the typeset sets, where the extractor interleaved columns.
    low_answer_breaks: int = 2
    # The numeric confidence (the manifest's lowest_confidence, which the CLI warns about
    # under 0.2 and the review page sorts by; its histogram) tells the level first and the
    # margin within it: low pairs take [0, low_confidence), medium ones [low_confidence,
    # high_confidence), high ones [high_confidence, 1], each rising with the margin up to
    # full_confidence_margin. So a "low" pair is always below the CLI's 0.2 and reviewed
    # before every medium and high one.
    # A guest is addressed by surname and post when the post and a pause after it follow
    # the surname within this many characters (align): a post of two to four characters and
    # its pause ("房队长，", "王副局长，").
    address_reach: int = 5
    low_confidence: float = 0.2
    high_confidence: float = 0.6
    full_confidence_margin: float = 4.0

    # --- batch --------------------------------------------------------------------------
    # Pages above this many bytes are refused (a page is a few tens of KB).
    max_input_bytes: int = 50_000_000
    jobs: int = 1

    def __post_init__(self) -> None:
        if self.indent_shortfall <= 0 or self.short_line_shortfall <= 0:
            raise ValueError("shortfalls must be positive")
        if self.wide_line_ratio <= 1:
            raise ValueError("wide_line_ratio must exceed 1")
        if not 0 <= self.medium_margin <= self.high_margin:
            raise ValueError("need 0 <= medium_margin <= high_margin")
        if self.low_score > self.high_score or self.full_confidence_margin <= 0:
            raise ValueError("need low_score <= high_score and a positive full_confidence_margin")
        if not 0 < self.low_confidence < self.high_confidence < 1:
            raise ValueError("need 0 < low_confidence < high_confidence < 1")
        if self.max_input_bytes <= 0 or self.jobs < 1:
            raise ValueError("max_input_bytes and jobs must be positive")
        if not self.host_labels:
            raise ValueError("at least one host label is needed")
        if self.row_max_period < 1:
            raise ValueError("row_max_period must be at least 1")
        if self.common_word_frequency < 100:
            raise ValueError("common_word_frequency below 100 is not kept (lexicon.FREQUENCY_FLOOR)")
