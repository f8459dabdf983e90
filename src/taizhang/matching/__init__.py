"""Link the measures of one plan to the measures of another, and compare two plans.

Pure Python and scikit-learn: nothing here imports Django, so the benchmark, the tests and
the web platform call the same functions. A county plan's measures carry out the
prefecture's; two peer plans (黔南 and 银川) implement the same national outline. Either
way the question is which measures do the same work.

    >>> from taizhang.matching import items_from_plan, propose_links, compare_plans
    >>> children, parents = items_from_plan(county_plan), items_from_plan(prefecture_plan)
    >>> for proposal in propose_links(children, parents):
    ...     proposal.child, [(c.parent, round(c.score, 2)) for c in proposal.links]

Method, parameters and measured precision and recall: docs/matching.md.
"""

from taizhang.matching.compare import Comparison, LeadDifference, Match, TargetGap, compare_plans
from taizhang.matching.items import Item, items_from_plan
from taizhang.matching.linking import Candidate, Proposal, propose_links
from taizhang.matching.settings import DEFAULT, Settings

__all__ = [
    "DEFAULT",
    "Candidate",
    "Comparison",
    "Item",
    "LeadDifference",
    "Match",
    "Proposal",
    "Settings",
    "TargetGap",
    "compare_plans",
    "items_from_plan",
    "propose_links",
]
