from django.urls import path

from taizhang.workspace.filing import SheetConfirmView, SheetDownloadView, SheetUploadView
from taizhang.workspace.views import TodoView

app_name = "workspace"
urlpatterns = [
    path("", TodoView.as_view(), name="todo"),
    path("filing/sheet/", SheetDownloadView.as_view(), name="filing_sheet"),
    path("filing/upload/", SheetUploadView.as_view(), name="filing_upload"),
    path("filing/confirm/", SheetConfirmView.as_view(), name="filing_confirm"),
]
