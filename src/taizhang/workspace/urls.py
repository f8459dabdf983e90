from django.urls import path

from taizhang.workspace.views import TodoView

app_name = "workspace"
urlpatterns = [path("", TodoView.as_view(), name="todo")]
