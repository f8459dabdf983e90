"""The text the matcher compares: the work, without attribution, number, figures, punctuation."""

import pytest

from taizhang.matching import text


@pytest.mark.parametrize(
    "printed",
    [
        "3.开展宪法宣传活动。[牵头单位:州司法局;责任单位:各县(市)]",
        "(3)开展宪法宣传活动。〔牵头单位：县司法局；责任单位：各乡镇(街道)〕",
        "三、开展宪法宣传活动。（县委宣传部、县司法局负责）",
    ],
)
def test_body_drops_the_number_and_the_attribution_in_every_style(printed):
    assert text.body(printed) == "开展宪法宣传活动。"


def test_body_keeps_brackets_that_are_part_of_the_text():
    assert text.body("村(社区)法律顾问全覆盖。") == "村(社区)法律顾问全覆盖。"


def test_clean_drops_figures_and_splits_clauses_at_punctuation():
    assert (
        text.clean("到2025年,覆盖率达95%以上。建成“法治广场”")
        == "到 年 覆盖率达 以上 建成 法治广场"
    )


def test_heading_is_the_title_when_there_is_one_else_the_first_sentence():
    assert text.heading("正文第一句。第二句。", title="标题") == "标题"
    assert text.heading("4.正文第一句;第二句。") == "正文第一句"


def test_pieces_are_the_cleaned_sentences_and_hold_every_word_of_the_text():
    printed = "加强宪法学习教育。好。组织旁听庭审活动;[牵头单位:州司法局]"
    assert text.pieces(printed) == ["加强宪法学习教育", "好", "组织旁听庭审活动"]
    assert " ".join(text.pieces(printed)) == text.clean(text.body(printed))
    assert text.pieces("") == []


def test_a_fragment_is_not_a_sentence():
    assert text.is_sentence("组织旁听庭审活动")
    assert not text.is_sentence("好")
    assert not text.is_sentence("加 强")
