"""Unit names in the awkward shapes real brackets take (taizhang.parsing.units).

A second table beside test_units_levels.py (which covers every administrative level): the
shapes of a bracket rather than its level. Abbreviations beside full names, 等 endings,
enterprises and public institutions, joiners and duty tails, lists parted by ，；, a blank
or a slash, posts mixed in, notes in brackets, glued party/government pairs. Each row
holds the lead, responsible and collective units the rules of /work/shared/gold/README.md
give ("Units", "Collectives", judgment calls 6-19): split on 、 and ,; an elided prefix
filled from the body type; an alias in brackets dropped; names kept as written, never
renamed; collectives verbatim, 等 removed.

Where the README is silent the rows follow what existing gold or an earlier table does, as
noted beside each group. Rows the README leaves open are not in the table: 县委编办县人社局
(two distinct bodies glued: README 17 keeps 州纪委州监委 whole for want of a separator, but
it is one merged body), "X负责，Y落实" (does Y lead too?), "X协同Y负责" (which of them
leads?) and an unlabelled "X、Y(按职责)" (a note or a division marker?). Place names
(青山, 白水 …) and bodies are made up; the brackets were written for this table.
"""

from __future__ import annotations

import pytest

from taizhang.parsing import parse_text
from taizhang.parsing.units import split_attribution

L, R, C = "lead", "responsible", "collectives"

# (bracket, {role: names}); every bracket is a county's; a role left out is expected empty.
TABLE = [
    # ------------------------------------------------ abbreviations beside full names
    # (kept as written, README "Units": 县政府办 is not renamed 县人民政府办公室)
    ("县政府办、县委办、县司法局", {R: ["县政府办", "县委办", "县司法局"]}),
    ("县委办、县政府办、县委县政府督查室", {R: ["县委办", "县政府办", "县委县政府督查室"]}),
    ("县委办、政府办", {R: ["县委办", "县政府办"]}),
    ("县委办公室、政府办公室", {R: ["县委办公室", "县政府办公室"]}),
    ("县委组织部（县委老干部局）、县人社局", {R: ["县委组织部", "县人社局"]}),
    ("县委组织部（县委老干部局）、宣传部（网信办）", {R: ["县委组织部", "县委宣传部"]}),
    ("县委宣传部（县网信办）、县文明办", {R: ["县委宣传部", "县文明办"]}),
    ("县委宣传部(县新闻出版局)、县文旅局", {R: ["县委宣传部", "县文旅局"]}),
    ("县委宣传部、县委网信办（县互联网信息办公室）", {R: ["县委宣传部", "县委网信办"]}),
    ("县司法局（县委依法治县办）、县公安局", {R: ["县司法局", "县公安局"]}),
    ("县政府办（县金融办）、县财政局", {R: ["县政府办", "县财政局"]}),
    ("县医疗保障局（县医保中心）、县卫健局", {R: ["县医疗保障局", "县卫健局"]}),
    ("县委组织部、县委老干部局", {R: ["县委组织部", "县委老干部局"]}),
    ("县委网信办、县公安局网安大队", {R: ["县委网信办", "县公安局网安大队"]}),
    # ------------------------------------------------ 等 endings
    # (README 11: 等 removed, a collective after it kept; "等部门" drops the bare class
    # word as test_units_levels.py's "县司法局、民政局等部门" does)
    ("县公安局等部门", {R: ["县公安局"]}),
    ("县财政局等单位", {R: ["县财政局"]}),
    ("县人社局、县医保局、县税务局等部门", {R: ["县人社局", "县医保局", "县税务局"]}),
    ("县司法局等部门和单位", {R: ["县司法局"]}),
    ("县司法局等12个部门", {R: ["县司法局"]}),
    ("县第一中学、县第二中学等学校", {R: ["县第一中学", "县第二中学"]}),
    ("县直相关部门等", {C: ["县直相关部门"]}),
    ("县公安局、县司法局等相关部门", {R: ["县公安局", "县司法局"], C: ["相关部门"]}),
    ("县公安局、县应急局等有关单位", {R: ["县公安局", "县应急局"], C: ["有关单位"]}),
    ("县公安局、县应急局等县直部门", {R: ["县公安局", "县应急局"], C: ["县直部门"]}),
    ("县公安局、县应急局等县直单位", {R: ["县公安局", "县应急局"], C: ["县直单位"]}),
    ("县公安局、县应急局等各成员单位", {R: ["县公安局", "县应急局"], C: ["各成员单位"]}),
    ("县委政法委、县综治中心等成员单位", {R: ["县委政法委", "县综治中心"], C: ["成员单位"]}),
    (
        "县司法局、县公安局、县检察院、县法院等政法部门",
        {R: ["县司法局", "县公安局", "县检察院", "县法院"], C: ["政法部门"]},
    ),
    ("县人民医院等医疗机构", {R: ["县人民医院"], C: ["医疗机构"]}),
    # (README 10: "…等人民团体按职责分工分别负责" leads)
    ("县财政局、县审计局等单位按职责分工负责", {L: ["县财政局", "县审计局"]}),
    ("县公安局、县应急局等部门按职责分工分别负责", {L: ["县公安局", "县应急局"]}),
    # ------------------------------------------------ 相关 / 有关 / 其他 / 各成员单位
    ("县民政局、县财政局、相关乡镇", {R: ["县民政局", "县财政局"], C: ["相关乡镇"]}),
    ("县教育局、有关学校", {R: ["县教育局"], C: ["有关学校"]}),
    ("县卫健局、其他成员单位", {R: ["县卫健局"], C: ["其他成员单位"]}),
    (
        "县司法局、县公安局、县民政局、各成员单位",
        {R: ["县司法局", "县公安局", "县民政局"], C: ["各成员单位"]},
    ),
    ("县司法局、县公安局及各成员单位", {R: ["县司法局", "县公安局"], C: ["各成员单位"]}),
    ("县信访局及相关部门", {R: ["县信访局"], C: ["相关部门"]}),
    ("县信访局和其他相关单位", {R: ["县信访局"], C: ["其他相关单位"]}),
    ("相关职能部门", {C: ["相关职能部门"]}),
    ("其他有关部门", {C: ["其他有关部门"]}),
    ("各乡镇、县直各单位", {C: ["各乡镇", "县直各单位"]}),
    ("各乡镇（街道）、县直相关单位", {C: ["各乡镇（街道）", "县直相关单位"]}),
    ("县直有关部门、各村（社区）", {C: ["县直有关部门", "各村（社区）"]}),
    # ------------------------------------------------ enterprises and institutions
    # (README 19: kept as written, 中国移动黔南分公司 / 人行黔南州中心支行)
    ("国网青山县供电公司、县发改局", {R: ["国网青山县供电公司", "县发改局"]}),
    ("国网青山县供电有限责任公司、县发改局", {R: ["国网青山县供电有限责任公司", "县发改局"]}),
    ("中国移动青山分公司、县工信局", {R: ["中国移动青山分公司", "县工信局"]}),
    ("中国电信青山分公司、中国联通青山分公司", {R: ["中国电信青山分公司", "中国联通青山分公司"]}),
    ("中国石化青山分公司、县商务局", {R: ["中国石化青山分公司", "县商务局"]}),
    ("县人民医院、县中医院、县卫健局", {R: ["县人民医院", "县中医院", "县卫健局"]}),
    ("青山县人民医院、县卫健局", {R: ["青山县人民医院", "县卫健局"]}),
    ("县教育局、县人民医院、县第二人民医院", {R: ["县教育局", "县人民医院", "县第二人民医院"]}),
    ("县第一中学、县教育局", {R: ["县第一中学", "县教育局"]}),
    ("县职业技术学校、县人社局", {R: ["县职业技术学校", "县人社局"]}),
    ("县城投公司、县财政局", {R: ["县城投公司", "县财政局"]}),
    ("青山县水务有限责任公司、县水利局", {R: ["青山县水务有限责任公司", "县水利局"]}),
    ("青山农村商业银行股份有限公司、县金融办", {R: ["青山农村商业银行股份有限公司", "县金融办"]}),
    ("县农商银行、县金融办", {R: ["县农商银行", "县金融办"]}),
    ("县农商银行、县邮储银行、县农业发展银行", {R: ["县农商银行", "县邮储银行", "县农业发展银行"]}),
    ("县烟草专卖局（分公司）、县市场监管局", {R: ["县烟草专卖局", "县市场监管局"]}),
    ("县烟草专卖局（公司）、县市场监管局", {R: ["县烟草专卖局", "县市场监管局"]}),
    ("县邮政公司、县供电公司", {R: ["县邮政公司", "县供电公司"]}),
    ("县人保财险公司、县金融办", {R: ["县人保财险公司", "县金融办"]}),
    ("县应急局、县消防救援大队、县气象局", {R: ["县应急局", "县消防救援大队", "县气象局"]}),
    ("县融媒体中心、县委宣传部", {R: ["县融媒体中心", "县委宣传部"]}),
    # ------------------------------------------------ joiners inside a list
    ("县司法局和县公安局", {R: ["县司法局", "县公安局"]}),
    ("县司法局及县民政局", {R: ["县司法局", "县民政局"]}),
    ("县司法局与县公安局、县法院", {R: ["县司法局", "县公安局", "县法院"]}),
    ("县司法局以及县教育局", {R: ["县司法局", "县教育局"]}),
    ("县司法局联合县公安局", {R: ["县司法局", "县公安局"]}),
    # (会同: the one before leads, those after support; d76, fixture styles/shangwu_huitong.txt)
    ("县司法局会同县财政局", {L: ["县司法局"], R: ["县财政局"]}),
    ("县财政局会同县人社局、县医保局", {L: ["县财政局"], R: ["县人社局", "县医保局"]}),
    ("县财政局会同有关部门", {L: ["县财政局"], C: ["有关部门"]}),
    # (协同 and 配合 between two names: no label and no 负责, so both are responsible, as
    # after 联合; the name after the marker is no verb phrase of it)
    ("县司法局协同县公安局", {R: ["县司法局", "县公安局"]}),
    ("县司法局协同县公安局、县法院", {R: ["县司法局", "县公安局", "县法院"]}),
    ("县公安局配合县司法局", {R: ["县公安局", "县司法局"]}),
    # (a name opening with its place's name after 配合 is no verb phrase either: no 县法局;
    # fixture styles/peihe_place.txt. 做好全县… stays a verb phrase: 全县 is no place)
    ("县公安局配合青山县司法局", {R: ["县公安局", "青山县司法局"]}),
    ("县财政局牵头，配合白水市民政局", {L: ["县财政局"], R: ["白水市民政局"]}),
    ("县财政局牵头，县审计局配合做好全县", {L: ["县财政局"], R: ["县审计局"]}),
    # (round 16, units16: a verb phrase after 配合/协助/协同 opening with a verb of gazetteer.toml
    # support_phrase_verbs and ending as no name runs to the punctuation, not four characters:
    # no unit 工作 or 建设工作; fixture styles/peihe_phrase.txt, d105 配合做好, d72 协同推进)
    ("县司法局牵头，配合做好全县工作", {L: ["县司法局"]}),
    ("县司法局牵头，县公安局配合推进县城建设工作", {L: ["县司法局"], R: ["县公安局"]}),
    ("县教育局牵头，协助开展普法宣传工作，县团委负责", {L: ["县教育局"], R: ["县团委"]}),
    ("县司法局牵头，协同推进法治建设", {L: ["县司法局"]}),
    ("县人社局、县总工会和各乡镇", {R: ["县人社局", "县总工会"], C: ["各乡镇"]}),
    ("县财政局及各乡镇人民政府", {R: ["县财政局"], C: ["各乡镇人民政府"]}),
    (
        "县人社局、县医保局、县税务局和各乡镇人民政府",
        {R: ["县人社局", "县医保局", "县税务局"], C: ["各乡镇人民政府"]},
    ),
    # ------------------------------------------------ duty tails
    # (README "Schema": an unlabelled "X负责 / X按职责分工分别负责" leads; 落实 and 负责落实
    # carry the duty as 负责 and 实施 do)
    ("县公安局、县司法局分别负责", {L: ["县公安局", "县司法局"]}),
    ("县公安局、县司法局按职责负责", {L: ["县公安局", "县司法局"]}),
    ("县公安局、县司法局按照职责分工负责", {L: ["县公安局", "县司法局"]}),
    ("县公安局、县司法局按职责分工落实", {L: ["县公安局", "县司法局"]}),
    ("县公安局、县司法局负责落实", {L: ["县公安局", "县司法局"]}),
    ("县公安局、县司法局落实", {L: ["县公安局", "县司法局"]}),
    ("县财政局落实", {L: ["县财政局"]}),
    ("县委县政府督查室牵头", {L: ["县委县政府督查室"]}),
    ("县民政局、县财政局配合", {R: ["县民政局", "县财政局"]}),
    ("县财政局负责，各乡镇配合", {L: ["县财政局"], C: ["各乡镇"]}),
    ("县财政局牵头，县审计局配合", {L: ["县财政局"], R: ["县审计局"]}),
    ("县市场监管局牵头、县公安局配合", {L: ["县市场监管局"], R: ["县公安局"]}),
    # ------------------------------------------------ separators
    # (， and ； as , and ; README "Units"; a blank as tables print: test_units_levels.py;
    # a slash as 、, written for this table)
    ("县财政局，县人社局", {R: ["县财政局", "县人社局"]}),
    ("县财政局；县人社局", {R: ["县财政局", "县人社局"]}),
    ("县财政局 县人社局", {R: ["县财政局", "县人社局"]}),
    ("县司法局 县公安局 县法院", {R: ["县司法局", "县公安局", "县法院"]}),
    ("县财政局 人社局", {R: ["县财政局", "县人社局"]}),
    ("牵头单位：县财政局 县人社局", {L: ["县财政局", "县人社局"]}),
    ("县教育局/县卫健局", {R: ["县教育局", "县卫健局"]}),
    ("县教育局/县卫健局/县医保局", {R: ["县教育局", "县卫健局", "县医保局"]}),
    ("县教育局/卫健局", {R: ["县教育局", "县卫健局"]}),
    ("县教育局／卫健局／医保局", {R: ["县教育局", "县卫健局", "县医保局"]}),
    ("牵头单位：县教育局/县卫健局", {L: ["县教育局", "县卫健局"]}),
    # ------------------------------------------------ people and posts: no units
    # (a post is a person: gazetteer not_units, 副市长 in d63)
    ("县长、分管副县长、县政府办主任", {}),
    ("县政府办、县长", {R: ["县政府办"]}),
    ("各乡镇党委书记", {}),
    ("县委书记、县司法局", {R: ["县司法局"]}),
    ("各乡镇党委书记、县司法局", {R: ["县司法局"]}),
    ("县政府办主任、县财政局局长", {}),
    ("分管副县长、县财政局", {R: ["县财政局"]}),
    ("县政府分管领导、县财政局", {R: ["县财政局"]}),
    # ------------------------------------------------ numbers and notes inside
    # (a note in brackets dropped as an alias is, README "Units")
    ("县教育局（含2所县直学校）、县财政局", {R: ["县教育局", "县财政局"]}),
    ("县公安局（含各派出所）、县司法局", {R: ["县公安局", "县司法局"]}),
    ("县公安局（交警大队）、县交通运输局", {R: ["县公安局", "县交通运输局"]}),
    ("县公安局、县交通运输局（县公路段）", {R: ["县公安局", "县交通运输局"]}),
    ("责任单位：县法院、县检察院（按职责）", {R: ["县法院", "县检察院"]}),
    (
        "牵头单位：县司法局；责任单位：县公安局、县法院（按职责）",
        {L: ["县司法局"], R: ["县公安局", "县法院"]},
    ),
    # ------------------------------------------------ party/government pairs glued
    # (README 17: 州纪委州监委, with no separator, is one unit)
    ("县委县政府", {R: ["县委县政府"]}),
    ("县纪委县监委、县委组织部", {R: ["县纪委县监委", "县委组织部"]}),
    ("县委、县政府", {R: ["县委", "县政府"]}),
]


def _id(row: tuple) -> str:
    return row[0][:16]


@pytest.mark.parametrize(("raw", "expected"), TABLE, ids=[_id(r) for r in TABLE])
def test_bracket(raw, expected):
    got = split_attribution(raw, level="县")
    assert (got.lead, got.responsible, got.collectives) == (
        expected.get(L, []),
        expected.get(R, []),
        expected.get(C, []),
    )


def test_table_size():
    # (three 配合 rows added in round 15, leftovers15; four verb-phrase rows in round 16)
    assert 80 <= len(TABLE) <= 130


# A few of the shapes inside a measure of a one-measure document: the bracket is read from
# the measure's text (a nested note, a slash) as split_attribution reads it alone.
MEASURES = [
    (
        "牵头单位：县教育局/县卫健局；责任单位：县法院、县检察院（按职责）",
        {L: ["县教育局", "县卫健局"], R: ["县法院", "县检察院"]},
    ),
    ("县司法局协同县公安局、县法院", {R: ["县司法局", "县公安局", "县法院"]}),
    ("县公安局、县应急局等县直部门", {R: ["县公安局", "县应急局"], C: ["县直部门"]}),
    ("县公安局（含各派出所）、县司法局", {R: ["县公安局", "县司法局"]}),
    ("县公安局、县司法局落实", {L: ["县公安局", "县司法局"]}),
    # (round 16: the verb phrase after 配合 names no unit 建设工作)
    (
        "县民政局牵头，县农业农村局配合推进县城建设工作，县财政局负责",
        {L: ["县民政局"], R: ["县农业农村局", "县财政局"]},
    ),
]


@pytest.mark.parametrize(("raw", "expected"), MEASURES, ids=[_id(r) for r in MEASURES])
def test_bracket_in_a_measure(raw, expected):
    text = f"青山县法治宣传教育工作方案\n\n一、主要任务\n1.开展宪法宣传教育活动。（{raw}）\n"
    (task,) = parse_text(text).to_dict()["tasks"]
    assert task["attribution_raw"] == raw
    assert (task["lead"], task["responsible"], task["collectives"]) == (
        expected.get(L, []),
        expected.get(R, []),
        expected.get(C, []),
    )
