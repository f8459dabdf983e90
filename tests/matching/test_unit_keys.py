"""Unit keys: the same job at another level compares equal, another job does not."""

import pytest

from taizhang.matching.units import unit_key


@pytest.mark.parametrize(
    "names",
    [
        ("州司法局", "市司法局", "县司法局", "都匀市司法局"),
        ("州委宣传部(州精神文明办)", "市委宣传部", "县委宣传部"),
        ("团州委", "团市委", "团县委"),
        ("州委依法治州办", "市委依法治市办", "县委依法治县办"),
        ("州市场监管局", "市市场监管局", "县市场监管局"),
    ],
)
def test_one_job_at_every_level_has_one_key(names):
    assert len({unit_key(name) for name in names}) == 1


@pytest.mark.parametrize(
    ("one", "other"),
    [("州司法局", "州公安局"), ("市委宣传部", "市委组织部"), ("县人民法院", "县人民检察院")],
)
def test_different_jobs_keep_different_keys(one, other):
    assert unit_key(one) != unit_key(other)
