"""Attribution splitting and the unit gazetteer (taizhang.parsing.units)."""

from __future__ import annotations

import json
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taizhang.parsing.errors import InputError
from taizhang.parsing.units import (
    ENV_VAR,
    BracketReader,
    infer_level,
    load_gazetteer,
    split_attribution,
    unit_category,
)

SHARED = Path(__file__).parents[2] / ".." / "shared"
GOLD_DIRS = (SHARED / "gold", SHARED / "corpus" / "gold")
ROLES = ("lead", "responsible", "collectives")


def norm(name: str) -> str:
    """The scorer's normalisation (shared/tools/score_plan.py)."""
    import re

    name = unicodedata.normalize("NFKC", name)
    name = re.sub(r"[\u2010-\u2015\u2212\uff0d]", "-", name)
    return re.sub(r"\s+", "", name)


def _gold_cases() -> list:
    cases = []
    for directory in GOLD_DIRS:
        for path in sorted(directory.glob("*.json")):
            plan = json.loads(path.read_text(encoding="utf-8"))
            raws = [t["attribution_raw"] for t in plan["tasks"] if t.get("attribution_raw")]
            for task in plan["tasks"]:
                if task.get("attribution_raw") is None:
                    continue
                cases.append(pytest.param(task, raws, id=f"{path.stem[:3]}:{task['no']}"))
    if not cases:
        cases.append(pytest.param(None, None, marks=pytest.mark.skip(f"no gold under {SHARED}")))
    return cases


@pytest.mark.parametrize(("task", "raws"), _gold_cases())
def test_gold_attribution(task, raws):
    got = split_attribution(task["attribution_raw"], level=infer_level(raws))
    for role in ROLES:
        assert {norm(n) for n in getattr(got, role)} == {norm(n) for n in task[role]}, role


# --------------------------------------------------------------------------- layouts


def test_full_width_labels_and_semicolon():
    got = split_attribution("牵头单位：县委宣传部；配合单位：县教育局、县司法局")
    assert got.lead == ["县委宣传部"]
    assert got.responsible == ["县教育局", "县司法局"]


def test_traditional_labels_keep_traditional_names():
    got = split_attribution("牽頭單位：縣委宣傳部、組織部；責任單位：縣教育局、司法局", level="县")
    assert got.lead == ["縣委宣傳部", "縣委組織部"]
    assert got.responsible == ["縣教育局", "縣司法局"]


def test_wrapping_full_width_brackets_are_ignored():
    got = split_attribution("（责任单位：市司法局、公安局）", level="市")
    assert got.responsible == ["市司法局", "市公安局"]
    assert got.unknown == []


def test_unlabelled_duty_goes_to_lead_with_level_prefix():
    got = split_attribution("区委政法委、法院、检察院负责", level="区")
    assert got.lead == ["区委政法委", "区法院", "区检察院"]
    assert got.responsible == []


def test_lead_and_support_clauses():
    got = split_attribution("由市司法局牵头,市公安局、民政局配合")
    assert got.lead == ["市司法局"]
    assert got.responsible == ["市公安局", "市民政局"]


def test_any_short_verb_after_division_marker():
    got = split_attribution("省教育厅、司法厅等省有关部门按职责分工抓好落实", level="省")
    assert got.lead == ["省教育厅", "省司法厅"]
    assert got.collectives == ["省有关部门"]


def test_bare_list_is_responsible():
    assert split_attribution("綜合科").responsible == ["綜合科"]


def test_fields_separated_by_comma_before_label():
    got = split_attribution("牵头单位:县司法局,责任单位:县公安局")
    assert (got.lead, got.responsible) == (["县司法局"], ["县公安局"])


def test_separate_lines_without_punctuation():
    got = split_attribution("牵头单位:区发改局\n\n责任单位:各街道,税务局")
    assert got.responsible == ["区税务局"]
    assert got.collectives == ["各街道"]


# --------------------------------------------------------------------------- names


def test_and_inside_a_name_does_not_split():
    got = split_attribution("省住房和城乡建设厅、文化和旅游厅")
    assert got.responsible == ["省住房和城乡建设厅", "省文化和旅游厅"]


def test_and_between_complete_names_splits():
    got = split_attribution("市委宣传部和市司法局负责")
    assert got.lead == ["市委宣传部", "市司法局"]


def test_etc_dropped_before_generic_class_word():
    got = split_attribution("市公安局、司法局等部门按职责分工负责")
    assert got.lead == ["市公安局", "市司法局"]
    assert got.collectives == []


def test_collectives_verbatim_never_units():
    got = split_attribution("牵头单位:州司法局;责任单位:州有关部门,各县 (市),乡镇人民政府")
    assert got.collectives == ["州有关部门", "各县 (市)", "乡镇人民政府"]
    assert got.responsible == []


def test_party_body_after_bureau_takes_committee_prefix():
    got = split_attribution("市公安局、政法委、网信办、检察院")
    assert got.responsible == ["市公安局", "市委政法委", "市委网信办", "市检察院"]


def test_office_after_party_body_is_committee_office():
    got = split_attribution("州委组织部、办公室、政府办公室")
    assert got.responsible == ["州委组织部", "州委办公室", "州政府办公室"]


def test_autonomous_region_committee_is_dangwei():
    got = split_attribution("自治区党委宣传部、统战部,自治区司法厅")
    assert got.responsible == ["自治区党委宣传部", "自治区党委统战部", "自治区司法厅"]


def test_place_name_prefix_is_carried_over():
    got = split_attribution("银川市司法局、公安局、城市管理局")
    assert got.responsible == ["银川市司法局", "银川市公安局", "银川市城市管理局"]


def test_market_regulation_bureau_keeps_its_own_shi():
    assert split_attribution("市发改委,市场监管局").responsible == ["市发改委", "市市场监管局"]


def test_alias_dropped_but_pinyin_insert_kept():
    got = split_attribution("州委宣传部(州精神文明办)、市發(fā)改委")
    assert got.responsible == ["州委宣传部", "市發(fā)改委"]


def test_youth_league_neither_expands_nor_lends_prefix():
    got = split_attribution("市总工会、团市委、妇联", level="区")
    assert got.responsible == ["市总工会", "团市委", "市妇联"]


def test_unknown_name_is_reported():
    got = split_attribution("牵头单位:市司法局、张三丰撒旦")
    assert got.lead == ["市司法局", "张三丰撒旦"]
    assert got.unknown == ["张三丰撒旦"]


# --------------------------------------------------------------------------- level, category


@pytest.mark.parametrize(
    ("raws", "level"),
    [
        (["牵头单位:州委依法治州办;责任单位:州司法局"], "州"),
        (["市委组织部负责"], "市"),
        (["牵头单位:区发改局\n\n责任单位:立山经济开发区"], "区"),
        (["省生长改造委牵头卖力"], "省"),
        (["綜合科", "各責任科室"], None),
    ],
)
def test_infer_level(raws, level):
    assert infer_level(raws) == level


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("市委组织部", "party"),
        ("州纪委州监委", "party"),
        ("州政府办公室", "government"),
        ("市中级法院", "court"),
        ("州检察院", "procuratorate"),
        ("州妇联", "mass_organisation"),
        ("团市委", "mass_organisation"),
        ("中国移动黔南分公司", "enterprise"),
        ("州人大常委会办公室", "other"),
        ("市有关部门", None),
        ("张三丰撒旦", None),
    ],
)
def test_unit_category(name, category):
    assert unit_category(name) == category


# --------------------------------------------------------------------------- extension


def test_extension_adds_a_body(tmp_path):
    extension = tmp_path / "local.toml"
    extension.write_text('[category.government]\nkeywords = ["乌兰牧骑"]\n', encoding="utf-8")
    gazetteer = load_gazetteer(extension)
    got = split_attribution("旗文旅局、乌兰牧骑", gazetteer=gazetteer)
    assert got.responsible == ["旗文旅局", "旗乌兰牧骑"]
    assert got.unknown == []
    assert unit_category("乌兰牧骑", gazetteer) == "government"
    assert unit_category("乌兰牧骑") is None  # the packaged gazetteer is unchanged


def test_extension_taken_from_environment(tmp_path, monkeypatch):
    extension = tmp_path / "local.toml"
    extension.write_text('[collectives]\nclasses = ["驻区单位"]\n', encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(extension))
    assert split_attribution("区司法局、驻区单位").collectives == ["驻区单位"]


@pytest.mark.parametrize(
    "text",
    [
        "[category.government\nkeywords = 1",
        '[category.government]\nkeywords = "局"\n',
        '[category.ministry]\nkeywords = ["部"]\n',
        '[labels]\nleader = ["牵头"]\n',
        "[places]\nmin_length = true\n",
    ],
    ids=["syntax", "not-a-list", "unknown-category", "unknown-key", "wrong-type"],
)
def test_malformed_extension_raises_input_error(tmp_path, text):
    extension = tmp_path / "bad.toml"
    extension.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="gazetteer extension file"):
        load_gazetteer(extension)


def test_missing_extension_raises_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot be read"):
        load_gazetteer(tmp_path / "absent.toml")


# --------------------------------------------------------------------------- robustness


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from("市委局办各有关部门和及等负责牵头单位:;,、()（）县区州 \n"),
        max_size=80,
    )
)
def test_arbitrary_text_never_crashes(raw):
    got = split_attribution(raw, level=infer_level([raw]))
    assert all(name.strip() for name in got.lead + got.responsible + got.collectives)


@given(st.text(max_size=200))
def test_arbitrary_unicode_never_crashes(raw):
    split_attribution(raw)


def test_long_input_is_fast():
    raw = "(" * 5000 + "和" * 5000 + "等" * 5000 + "由" * 5000 + "市司法局负责" * 500 + ")" * 5000
    started = time.perf_counter()
    split_attribution(raw)
    assert time.perf_counter() - started < 5


def test_infer_level_keeps_traditional_characters():
    assert infer_level(["牽頭單位:縣司法局;責任單位:縣公安局"]) == "縣"


def test_label_without_colon():
    got = split_attribution("牵头单位市司法局 责任单位市公安局")
    assert (got.lead, got.responsible) == (["市司法局"], ["市公安局"])


def test_line_wrapped_inside_a_name_is_joined():
    got = split_attribution("牵\n头单位：市司\n法局；责任单位：市教育\n局")
    assert (got.lead, got.responsible) == (["市司法局"], ["市教育局"])


def test_names_on_separate_lines_stay_apart():
    assert split_attribution("市司法局\n市公安局").responsible == ["市司法局", "市公安局"]


def test_a_one_character_county_is_a_full_name_not_an_elided_one():
    attribution = split_attribution("牵头单位:州教育局;责任单位:沛县人民政府", level="州")
    assert attribution.responsible == ["沛县人民政府"]


def test_a_bracket_printed_again_is_split_once_into_lists_of_its_own():
    reader = BracketReader()
    raw = "牵头单位:县司法局;责任单位:县教育局、公安局,各乡镇"
    first, second = reader.split(raw, "县"), reader.split(raw, "县")
    assert first == second
    assert first.lead == ["县司法局"] and first.responsible == ["县教育局", "县公安局"]
    first.responsible.append("县财政局")  # a caller changing its lists changes no other's
    assert second.responsible == ["县教育局", "县公安局"]
    assert reader.split(raw, "县").responsible == ["县教育局", "县公安局"]
    assert reader.split(raw, "市").responsible == ["县教育局", "县公安局"]  # its own prefix


def test_labels_and_role_markers_are_found_anywhere_in_a_bracket():
    """The label and marker regexes skip to the characters a match can start with: the
    matches are those of the plain patterns, blanks and 【】 included."""
    reader = BracketReader()
    cases = {
        "牵头单位:县司法局;\t 责任单位: 县教育局": (["县司法局"], ["县教育局"]),
        "【牵头单位】县司法局【责任单位】县教育局": (["县司法局"], ["县教育局"]),
        "由县司法局牵头,县教育局、县公安局配合": (["县司法局"], ["县教育局", "县公安局"]),
        "县司法局、县教育局按职责分工负责": (["县司法局", "县教育局"], []),
    }
    for raw, (lead, responsible) in cases.items():
        attribution = reader.split(raw)
        assert (attribution.lead, attribution.responsible) == (lead, responsible), raw
