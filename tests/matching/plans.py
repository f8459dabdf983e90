"""County measures written for these tests, each carrying out one measure of the 黔南 plan
(demo/qiannan-*.txt) in a county's own words, units and numbers, and one (7) that answers
to nothing in it."""

from pathlib import Path

from taizhang.matching import Item, items_from_plan
from taizhang.parsing import parse_path

DEMO = Path(__file__).resolve().parents[2] / "demo"

COUNTY = [
    Item(
        1,
        "组织全县国家工作人员开展宪法学习,科级以上领导干部每年至少参加一次宪法专题学习,新任职人员就职时公开进行宪法宣誓。",
        lead=("县委依法治县办",),
        responsible=("县委组织部",),
    ),
    Item(2, "组建县民法典宣讲团,每年深入各乡镇开展民法典宣讲不少于20场。", lead=("县司法局",)),
    Item(
        3,
        "为全县村(社区)聘请法律顾问,实现一村(社区)一法律顾问,每季度开展法律顾问履职评议。",
        lead=("县司法局",),
        responsible=("县财政局",),
    ),
    Item(
        4,
        "在各乡镇(街道)建立人民调解委员会,完善人民调解与行政调解、司法调解联动机制,配齐专职人民调解员。",
        lead=("县司法局",),
    ),
    Item(
        5,
        "在县乡两级综治中心设置心理咨询服务室,对社区矫正对象等特殊人群开展个性化心理疏导。",
        lead=("县卫生健康局",),
    ),
    Item(6, "每年组织农村法律明白人培训,创建县级民主法治示范村10个以上。", lead=("县司法局",)),
    Item(7, "完成县城老旧小区供水管网改造,新建城市停车位500个。", lead=("县住房城乡建设局",)),
]

# The 黔南 measure each county measure carries out (7: none).
INTENDED = {1: 4, 2: 7, 3: 44, 4: 69, 5: 62, 6: 55}


def qiannan() -> list[Item]:
    (path,) = DEMO.glob("qiannan-*.txt")
    return items_from_plan(parse_path(path))
