from django.contrib.auth.decorators import login_required
from django.urls import path
from django.views.generic import TemplateView

app_name = "plans"


def _placeholder(title):
    return login_required(
        TemplateView.as_view(template_name="placeholder.html", extra_context={"title": title})
    )


urlpatterns = [
    path("", _placeholder("实施方案"), name="list"),
    path("import/", _placeholder("导入方案"), name="import"),
]
