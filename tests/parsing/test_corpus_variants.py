"""The real corpus under the copy variants (round 13, corpusvar13): the failure classes its
pages showed, each one test on two documents, then a floor per variant over all 55 pages."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest

from taizhang.parsing import parse_text
from taizhang.parsing.reading import read_path
from taizhang.parsing.tables import find_table_rows
from tests.parsing import variants

STYLES = Path(__file__).resolve().parents[1] / "fixtures" / "styles"


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _outline(plan) -> tuple:
    measures = [(m.no, m.chapter, m.section, _squeezed(m.text)) for m in plan.tasks]
    return plan.title, plan.parents, measures


def _corpus_text(shared: Path, prefix: str) -> str:
    return read_path(next((shared / "corpus" / "raw").glob(f"{prefix}_*.txt"))).text


def _texts(shared: Path, fixture: str, *prefixes: str) -> list[str]:
    """A style fixture's text and the corpus pages' that show the same class."""
    texts = [(STYLES / fixture).read_text(encoding="utf-8")]
    return texts + [_corpus_text(shared, prefix) for prefix in prefixes]


def test_a_sharing_sites_blurb_run_into_its_first_chunk(shared_dir):
    # "…请在某某文档网上搜索。1、某县…方案为…": the title starts after the blurb and the
    # site's first chunk number is no measure (fixture styles/wenku_blurb.txt; corpus 003
    # and 029, pages of two sites, printed run-in)
    texts = _texts(shared_dir, "wenku_blurb.txt", "003", "029")
    for text in texts:
        printed = parse_text(text)
        assert printed.title
        assert _outline(parse_text(variants.run_in(text))) == _outline(printed)


def test_a_short_page_broken_at_its_margin_is_rejoined(shared_dir):
    # a one-paragraph page printed run-in, broken into fewer lines than the share test
    # reads: its lines at the margin, mid-sentence, still tell the wrap (corpus 045 and
    # fixture styles/duanye_pdf.txt as ragged PDF layers; the fixture hard-wrapped at 30)
    fixture = (STYLES / "duanye_pdf.txt").read_text(encoding="utf-8")
    copies = [(fixture, variants.ragged_pdf), (fixture, variants.hard_wrapped)]
    copies.append((_corpus_text(shared_dir, "045"), variants.ragged_pdf))
    for text, make in copies:
        printed = parse_text(text)
        assert printed.parents
        plan = parse_text(make(text))
        assert _outline(plan) == _outline(printed)
        assert [c.title for c in plan.chapters] == [c.title for c in printed.chapters]


def test_a_task_force_last_in_a_label_field_before_the_next_item_run_in(shared_dir):
    # "责任单位:…,全区经济运行各专班2.规模上…": a 专班 is a unit, so the number after it
    # opens the next item in a copy printed run-in (fixture styles/zhuanban_labels.txt;
    # corpus 011)
    texts = _texts(shared_dir, "zhuanban_labels.txt", "011")
    for text in texts:
        printed, copy = parse_text(text), parse_text(variants.run_in(text))
        units = [
            [(m.no, m.lead, m.responsible, m.collectives) for m in p.tasks] for p in (copy, printed)
        ]
        assert units[0] == units[1]


# (the fixture, the corpus pages, the fields compared, those the page must print): each
# class keeps them when the page is printed run in
RUN_IN_METADATA = [
    # "…2024年2月20日（此件公开发布）某县…工作要点为…": the covering notice's note under its
    # date is no part of the title printed run in after it (fixture styles/cijian_note.txt;
    # corpus 011, 018 and 064)
    pytest.param(
        "cijian_note.txt", ("011", "018", "064"), ("title",), ("title",), id="release-note"
    ),
    # "…规划(2023—2027年)全民健身是…": a title run into a preamble that opens with no opener
    # word ends at the bracket after its kind (fixture styles/kuohao_runin.txt; corpus 002
    # and 040), unless another kind soon follows (corpus 003 and 052: "…纲要(2020-2025年)
    # 工作措施")
    pytest.param(
        "kuohao_runin.txt",
        ("002", "040", "003", "052"),
        ("title", "period"),
        ("title",),
        id="bracket-end",
    ),
    # "…现印发给你们，请认真贯彻执行。2024年3月12日某县…安排为…": the date under the notice's
    # closing sentence signs it, printed run in as on its line (fixture
    # styles/notice_unsigned.txt; corpus 021 and 037)
    pytest.param(
        "notice_unsigned.txt", ("021", "037"), ("date", "title"), ("date",), id="undersigned-date"
    ),
    # "关于征求《X(征求意见稿)》意见的函X(征求意见稿)公共法律服务是…": the title starts after
    # the letter and keeps its last bracket (fixture styles/zhengqiu_han.txt; corpus 007)
    pytest.param(
        "zhengqiu_han.txt", ("007",), ("title", "period"), ("title",), id="comment-letter"
    ),
    # "…的实施意见2024-03-05 09:12:30  来源:…": the title ends at the page's time stamp,
    # which dates the page (round 14: fixture styles/xinwen_stamp.txt; corpus 066)
    pytest.param(
        "xinwen_stamp.txt", ("066",), ("title", "date"), ("title", "date"), id="time-stamp"
    ),
    # "政策文件:X政策文件:X平安建设是…": a page's caption over the article's own heading, run
    # in, ends the title where it is printed again (round 14: fixture
    # styles/biaoti_twice.txt; corpus 065)
    pytest.param("biaoti_twice.txt", ("065",), ("title",), ("title",), id="title-twice"),
    # "…2023年5月12日X实施办法第一条为…": a set of articles with no chapters; the title ends
    # at its first article (round 14: fixture styles/banfa_articles.txt; corpus 063)
    pytest.param("banfa_articles.txt", ("063",), ("title",), ("title",), id="first-article"),
    # "…问答 » X2021某网友 - 2024/3/15 10:26:08《X》全文为深入…": the title before the
    # preamble's opener starts where its words were printed before, in a breadcrumb, a
    # caption or a thread's title (round 14: fixture styles/luntan_byline.txt; corpus 008,
    # 033 and 071)
    pytest.param(
        "luntan_byline.txt",
        ("008", "033", "071"),
        ("title", "period"),
        ("title",),
        id="chrome-title",
    ),
    # "…• 所属单位:…办事处…关于印发《X》的通知…请认真抓好贯彻落实。…委员会2020年8月20日X为…":
    # page fields bulleted on the copy's one line leave the notice's signature after the
    # last bullet, still cut off as printed (round 22, leftovers22: fixture
    # styles/xiangmu_bullets.txt; corpus 077)
    pytest.param(
        "xiangmu_bullets.txt",
        ("077",),
        ("issuer", "date", "title"),
        ("issuer",),
        id="bulleted-signature",
    ),
]


@pytest.mark.parametrize(("fixture", "prefixes", "fields", "printed_fields"), RUN_IN_METADATA)
def test_a_run_in_page_keeps_its_metadata(shared_dir, fixture, prefixes, fields, printed_fields):
    for text in _texts(shared_dir, fixture, *prefixes):
        printed = parse_text(text)
        assert all(getattr(printed, field) for field in printed_fields)
        copy = parse_text(variants.run_in(text))
        assert [getattr(copy, f) for f in fields] == [getattr(printed, f) for f in fields]


def _metadata(plan) -> tuple:
    return plan.title, plan.issuer, plan.date, plan.parents


# (the fixture, the corpus page, the field the page prints): each class keeps the page's
# metadata when the copy is hard-wrapped (round 14)
HARD_WRAPPED_METADATA = [
    # "某网友 - 2024/3/15 10:26:08" near the margin is a byline, never joined to the
    # "《…》全文" title under it
    pytest.param("luntan_byline.txt", "008", "title", id="byline"),
    # "索引号 : …/2024-008" over "71 文　号 : …": the rest of the number is no decimal
    # outline's chapter, and the notice's title stays found
    pytest.param("suoyin_fields.txt", "051", "title", id="page-fields"),
    # "…反映。" at the margin over "某區(qū)人民政府辦公室": the signer stands on its own line
    pytest.param("pinyin_signer.txt", "052", "issuer", id="pinyin-signer"),
]


@pytest.mark.parametrize(("fixture", "prefix", "field"), HARD_WRAPPED_METADATA)
def test_a_hard_wrapped_page_keeps_its_metadata(shared_dir, fixture, prefix, field):
    for text in _texts(shared_dir, fixture, prefix):
        printed = parse_text(text)
        assert getattr(printed, field)
        assert _metadata(parse_text(variants.hard_wrapped(text))) == _metadata(printed)


def test_a_pipe_row_ending_at_the_margin_ends_its_row(shared_dir):
    # "…回覆。 | 各業務科室 |" at the margin holds all the header's cells: the next line
    # opens the next row (round 14: fixture styles/gongkai_pipes.txt as a ragged PDF
    # layer; corpus 046 ragged and hard-wrapped)
    fixture = (STYLES / "gongkai_pipes.txt").read_text(encoding="utf-8")
    corpus = _corpus_text(shared_dir, "046")
    copies = [(fixture, variants.ragged_pdf), (corpus, variants.ragged_pdf)]
    copies.append((corpus, variants.hard_wrapped))
    for text, make in copies:
        printed, copy = parse_text(text), parse_text(make(text))
        units = [[(m.no, m.lead, m.responsible) for m in p.tasks] for p in (copy, printed)]
        assert units[0] == units[1]
        assert any(m.responsible for m in printed.tasks)


def test_pipe_rows_without_a_number_column_printed_run_in(shared_dir):
    # "…任务分解重点任务 | 工作内容 | 负责科室 |信息发布 | … | 办公室 |解读回应 | …": each
    # row closed by its bar, its cells as many as the header's (round 21: fixture
    # styles/gongkai_pipes.txt and corpus 046 printed run-in)
    for text in _texts(shared_dir, "gongkai_pipes.txt", "046"):
        printed = [(r.content, r.units) for r in find_table_rows(text)]
        assert len(printed) >= 5
        assert [(r.content, r.units) for r in find_table_rows(variants.run_in(text))] == printed


_PARSE_UNDER_A_HASH_SEED = """
import json, sys
from taizhang.parsing import parse_text
from tests.parsing import variants
text = variants.run_in(open(sys.argv[1], encoding="utf-8").read())
print(json.dumps(parse_text(text).to_dict(), ensure_ascii=False, sort_keys=True))
"""


def test_a_run_in_table_parses_alike_under_every_hash_seed():
    # measure 3 run into measure 4 (no 。 between them) holds the words of two rows alike:
    # the first row, its own, gives it its units, not the one a set's order put first
    # (round 40: fixture styles/gongkai_pipes.txt printed run-in; 办公室 or 财务科 by the
    # hash seed before; the sweep of seeds, corpus and documents under six seeds agrees)
    fixture = STYLES / "gongkai_pipes.txt"
    repo = Path(__file__).resolve().parents[2]
    outputs = set()
    for seed in ("0", "1", "2", "3", "5"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        environment["PYTHONPATH"] = os.pathsep.join((str(repo / "src"), str(repo)))
        result = subprocess.run(
            [sys.executable, "-c", _PARSE_UNDER_A_HASH_SEED, str(fixture)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=repo,
            env=environment,
            check=True,
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1
    tasks = {task["no"]: task for task in json.loads(outputs.pop())["tasks"]}
    assert tasks[3]["responsible"] == ["财务科"]


def test_a_title_in_quotes_runs_on_past_a_short_line(shared_dir):
    # a copy hard-wrapped counting its stray blanks, which are then dropped: a line ending
    # inside 《 falls short of the margin, yet runs on (round 14: fixture
    # styles/kongge_yiju.txt hard-wrapped, its blanks printed in it; corpus 061 with stray
    # blanks, hard-wrapped)
    fixture = (STYLES / "kongge_yiju.txt").read_text(encoding="utf-8")
    corpus = _corpus_text(shared_dir, "061")
    copies = [variants.hard_wrapped(fixture)]
    copies.append(variants.hard_wrapped(variants.in_word_spaces(corpus)))
    for text, copy in zip((fixture, corpus), copies, strict=True):
        printed = parse_text(text)
        assert len(printed.parents) >= 3
        assert parse_text(copy).parents == printed.parents


def test_two_signers_of_one_place_run_in(shared_dir):
    # "中共青石市柳溪县委宣传部青石市柳溪县司法局2024年3月1日": the second name opens with the
    # first's place; the names are parted as on their lines (round 14: fixture
    # styles/lianhe_signers.txt; corpus 047 and 063)
    texts = _texts(shared_dir, "lianhe_signers.txt", "047", "063")
    for text in texts:
        printed = parse_text(text)
        assert " " in printed.issuer
        assert parse_text(variants.run_in(text)).issuer == printed.issuer


def test_a_notices_nested_title_stands_alone_in_its_own_brackets(shared_dir):
    # the notice prints "《…落实〈X〉实施方案》"; when the plan's own heading is lost (run into
    # its preamble), the title it gives names X in 《》 as the heading does (round 14:
    # fixture styles/qiantao_title.txt printed run-in and ragged; corpus 039 ragged)
    fixture = (STYLES / "qiantao_title.txt").read_text(encoding="utf-8")
    corpus = _corpus_text(shared_dir, "039")
    copies = [(fixture, variants.run_in), (fixture, variants.ragged_pdf)]
    copies.append((corpus, variants.ragged_pdf))
    for text, make in copies:
        printed = parse_text(text)
        assert "《" in printed.title
        assert parse_text(make(text)).title == printed.title


# The corpus under each copy variant, scored against its gold (the traditional copy's gold
# converted as test_variants.py converts the seeds'): (mean, min) floors as measured in round
# 14 (corpusleft14) after the fixes above. run_in's min leaves out two pages no copy printed
# run-in can be read back from: corpus 026, whose one measure is an unnumbered paragraph under
# a heading (run in, the heading's words and the measure's title are one phrase), and 046, a
# pipe table whose rows run into one another (a conversion's table, never printed run-in).
FLOORS = {
    "run_in": (0.978, 0.93),
    "wrap30": (0.999, 0.978),
    "ragged": (0.999, 0.978),
    "spaces": (0.999, 0.978),
    "fullwidth": (0.999, 0.978),
    "traditional": (0.999, 0.978),
    "traditional+ragged": (0.999, 0.978),
    "spaces+wrap30": (0.999, 0.978),
}
COPIES = {
    "run_in": (variants.run_in, None),
    "wrap30": (variants.hard_wrapped, None),
    "ragged": (variants.ragged_pdf, None),
    "spaces": (variants.in_word_spaces, None),
    "fullwidth": (variants.fullwidth, variants.fullwidth),
    "traditional": (variants.traditional, variants.traditional),
    "traditional+ragged": (
        lambda text: variants.ragged_pdf(variants.traditional(text)),
        variants.traditional,
    ),
    "spaces+wrap30": (lambda text: variants.hard_wrapped(variants.in_word_spaces(text)), None),
}
LEFT_OUT_OF_MIN = {("run_in", "026"), ("run_in", "046")}


def _scorer(shared: Path):
    """The acceptance scorer's main(), loaded in this process (a program per page would
    take most of the test's time)."""
    spec = importlib.util.spec_from_file_location("score_plan", shared / "tools" / "score_plan.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.main


def _overall(main, gold: dict, plan, tmp_path: Path) -> float:
    gold_path, parsed_path = tmp_path / "gold.json", tmp_path / "parsed.json"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    parsed_path.write_text(json.dumps(plan.to_dict(), ensure_ascii=False), encoding="utf-8")
    out = io.StringIO()
    argv = ["score_plan.py", str(gold_path), str(parsed_path)]
    with mock.patch.object(sys, "argv", argv), contextlib.redirect_stdout(out):
        main()
    return float(re.search(r"overall_f1=([\d.]+)", out.getvalue()).group(1))


@pytest.mark.parametrize("copy", list(FLOORS))
def test_the_corpus_in_each_copy_scores_its_floor(shared_dir, tmp_path, copy):
    make, convert = COPIES[copy]
    main = _scorer(shared_dir)
    scores = {}
    for raw in sorted((shared_dir / "corpus" / "raw").glob("*.txt")):
        gold = json.loads((shared_dir / "corpus" / "gold" / f"{raw.stem}.json").read_text("utf-8"))
        gold = variants.convert_gold(gold, convert) if convert else gold
        plan = parse_text(make(read_path(raw).text))
        scores[raw.stem[:3]] = _overall(main, gold, plan, tmp_path)
    mean_floor, min_floor = FLOORS[copy]
    assert len(scores) == 55
    assert sum(scores.values()) / len(scores) >= mean_floor
    low = {k: v for k, v in scores.items() if v < min_floor and (copy, k) not in LEFT_OUT_OF_MIN}
    assert not low
