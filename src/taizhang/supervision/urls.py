from django.urls import path

from taizhang.supervision.views import board, duties, editing, targets

app_name = "supervision"
urlpatterns = [
    path("board/", board.BoardHomeView.as_view(), name="board_home"),
    path("plans/<int:plan_id>/board/", board.BoardView.as_view(), name="board"),
    path("plans/<int:plan_id>/targets/", targets.TargetsView.as_view(), name="targets"),
    path("targets/<int:target_id>/", targets.TargetView.as_view(), name="target"),
    path("population/", editing.PopulationView.as_view(), name="population"),
    path("plans/<int:plan_id>/duties/", duties.DutiesView.as_view(), name="duties"),
    path("duties/<int:duty_id>/", duties.DutyView.as_view(), name="duty"),
    path(
        "fulfilments/<int:fulfilment_id>/evidence/",
        duties.FulfilmentEvidenceView.as_view(),
        name="fulfilment_evidence",
    ),
    path(
        "measures/<int:measure_id>/deadline/",
        editing.MeasureDeadlineView.as_view(),
        name="measure_deadline",
    ),
]
