"""Two plans side by side: matched work, work only one has, lead units, targets."""

from dataclasses import replace

import pytest

from taizhang.matching import Item, compare_plans
from taizhang.matching.targets import metric, same_metric
from taizhang.parsing.targets import find_targets
from tests.matching.plans import COUNTY, INTENDED, qiannan

LAWYERS = "到2025年,全县每万人拥有律师数达1.5人,在每个乡镇设立公共法律服务工作站,培育法律服务机构。"
DEMO_VILLAGES = "每年组织农村法律明白人培训。到2025年,创建县级民主法治示范村10个以上。"


def with_targets(key: int, text: str, **units) -> Item:
    return Item(key, text, targets=tuple(find_targets(text)), **units)


@pytest.fixture(scope="module")
def parents():
    return qiannan()


@pytest.fixture(scope="module")
def county():
    preaching = replace(COUNTY[1], lead=("县委宣传部",))  # 黔南 7 is led by the 司法局
    return [
        COUNTY[0],
        preaching,
        *COUNTY[2:5],
        with_targets(6, DEMO_VILLAGES, lead=("县司法局",)),
        COUNTY[6],
        with_targets(8, LAWYERS, lead=("县司法局",)),
    ]


@pytest.fixture(scope="module")
def comparison(county, parents):
    return compare_plans(county, parents)


def test_the_same_work_is_matched_and_work_only_one_plan_has_is_listed(comparison, parents):
    matched = {(m.left, m.right) for m in comparison.matches}
    assert set(INTENDED.items()) <= matched
    assert (8, 45) in matched  # lawyers per 10,000 people
    assert comparison.only_left == (7,)
    assert 82 in comparison.only_right  # nothing in the county's plan on theory and opinion
    assert len(comparison.only_right) + len({m.right for m in comparison.matches}) == len(parents)


def test_matched_work_with_lead_units_that_have_nothing_in_common_is_listed(comparison):
    differences = {(d.left, d.right): d for d in comparison.lead_differences}
    assert differences[(2, 7)].left_lead == ("县委宣传部",)
    assert differences[(2, 7)].right_lead == ("州司法局",)
    assert (3, 44) not in differences  # 县司法局 and 州司法局 do the same job


def test_a_target_the_other_plan_sets_with_another_value_is_shown_beside_it(comparison):
    (lawyers,) = [g for g in comparison.target_gaps if g.side == "left" and g.key == 8]
    assert lawyers.target.value == 1.5
    assert lawyers.other is not None and lawyers.other.value == 2.3
    assert 45 in lawyers.counterparts


def test_targets_the_other_plan_lacks_are_listed_on_both_sides(comparison):
    (villages,) = [g for g in comparison.target_gaps if g.side == "left" and g.key == 6]
    assert villages.other is None and 55 in villages.counterparts
    right_55 = {g.target.quote for g in comparison.target_gaps if g.side == "right" and g.key == 55}
    assert any("法律明白人" in quote for quote in right_55)
    notaries = [g for g in comparison.target_gaps if g.side == "right" and g.key == 45]
    assert {g.target.per for g in notaries} >= {"十万人"}  # notaries: the county sets none


def test_a_metric_is_what_is_counted_whatever_the_value_and_wording():
    (ours,) = find_targets("到2025年,力争实现每万人拥有律师数达到1.8人以上。")
    (theirs,) = find_targets("2025年前,实现全州每万人拥有律师数达2.3人。")
    (other,) = find_targets("2025年前,力争每十万人拥有公证员数达1.2人。")
    assert metric(ours) == "每万人拥有律师数"
    assert same_metric(ours, theirs)
    assert not same_metric(ours, other)


def test_comparing_a_plan_with_itself_matches_every_measure_to_itself(parents):
    comparison = compare_plans(parents, parents)
    assert {(m.left, m.left) for m in comparison.matches} <= {
        (m.left, m.right) for m in comparison.matches
    }
    assert comparison.only_left == comparison.only_right == ()
    assert comparison.target_gaps == ()
