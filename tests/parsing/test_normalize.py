"""fold(): each character to its folded form, whatever path a text takes (few distinct
characters replaced one by one, many split around and joined)."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from taizhang.parsing.normalize import _FEW, _table, fold


def _reference(text: str) -> str:
    return text.translate(_table())


_FOLDING = sorted(_table())
_characters = st.one_of(
    st.sampled_from([chr(code) for code in _FOLDING]),  # traditional, full-width, dashes
    st.sampled_from(list("中文，。县司法局 \n")),
    st.characters(),  # anything, astral characters included
)


@settings(max_examples=300, deadline=None)
@given(st.text(_characters, max_size=300))
def test_fold_maps_each_character_and_keeps_the_length(text):
    folded = fold(text)
    assert folded == _reference(text)
    assert len(folded) == len(text)


def test_fold_takes_both_paths():
    few = "（牵头单位：县司法局）"  # three distinct characters to fold
    many = "".join(chr(code) for code in _FOLDING[100 : 100 + 3 * _FEW]) + "中文"
    assert fold(few) == "(牵头单位:县司法局)"
    assert fold(many) == _reference(many)
    assert fold(many) != many


def test_the_first_fold_of_a_process_reads_the_table_without_pkg_resources():
    # zhconv's module imports pkg_resources (about 0.3 s at every process start); the
    # table is read from its data file instead.
    program = (
        "import sys\n"
        "from taizhang.parsing.normalize import fold\n"
        "assert fold('總體目標') == '总体目标'\n"
        "print('pkg_resources' in sys.modules, 'zhconv.zhconv' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]
