"""Proposed links: ranked candidates per child measure, links from the threshold up."""

import time
from dataclasses import replace

import pytest

from taizhang.matching import DEFAULT, Item, propose_links
from tests.matching.plans import COUNTY, INTENDED, qiannan


@pytest.fixture(scope="module")
def parents():
    return qiannan()


@pytest.fixture(scope="module")
def proposals(parents):
    return {p.child: p for p in propose_links(COUNTY, parents)}


def test_each_county_measure_is_linked_first_to_the_measure_it_carries_out(proposals):
    for child, parent in INTENDED.items():
        links = proposals[child].links
        assert links and links[0].parent == parent


def test_a_measure_that_answers_to_nothing_above_gets_no_link(proposals):
    assert proposals[7].links == ()
    assert len(proposals[7].candidates) == DEFAULT.top_k  # still ranked, for the office to pick


def test_candidates_are_ranked_best_first_and_proposed_from_the_threshold_up(proposals):
    for proposal in proposals.values():
        scores = [c.score for c in proposal.candidates]
        assert scores == sorted(scores, reverse=True)
        assert all(0.0 <= c.similarity <= 1.0 for c in proposal.candidates)
        top = proposal.candidates[: DEFAULT.max_links]
        assert all(c.proposed == (c.score >= DEFAULT.threshold) for c in top)
        assert not any(c.proposed for c in proposal.candidates[DEFAULT.max_links :])


def test_units_both_measures_name_are_shown_as_a_hint(proposals):
    best = proposals[3].candidates[0]
    assert best.parent == 44  # 黔南 44: 州司法局 leads, 州财政局 shares
    assert best.shared_units == ("司法局", "财政局")


def test_a_child_measure_may_carry_out_several_parent_measures(parents):
    both = Item(
        9,
        "组建民法典宣讲团深入乡村宣讲民法典;"
        "在各乡镇(街道)综治中心设置心理咨询服务室,对特殊人群开展心理疏导。",
    )
    links = propose_links([*COUNTY, both], parents)[-1].links
    assert {c.parent for c in links} == {7, 62}


def test_the_threshold_and_the_number_of_links_are_settings(parents):
    everything = replace(DEFAULT, threshold=-100.0, max_links=2)
    assert all(len(p.links) == 2 for p in propose_links(COUNTY, parents, everything))
    nothing = replace(DEFAULT, threshold=100.0)
    assert all(p.links == () for p in propose_links(COUNTY, parents, nothing))


def test_a_single_new_measure_is_matched_against_the_whole_parent_plan(parents):
    (proposal,) = propose_links(COUNTY[4:5], parents)
    assert proposal.links[0].parent == INTENDED[5]


def test_results_do_not_depend_on_chance(parents):
    assert propose_links(COUNTY, parents) == propose_links(COUNTY, parents)


def test_an_empty_plan_gives_empty_proposals(parents):
    assert propose_links([], parents) == []
    assert [p.candidates for p in propose_links(COUNTY, [])] == [()] * len(COUNTY)


def test_two_whole_plans_are_matched_well_within_a_second(parents):
    propose_links(COUNTY, parents)  # warm-up: imports, data files
    started = time.perf_counter()
    propose_links(parents, parents)
    assert time.perf_counter() - started < 1.0
