"""The OpenAPI schema generates cleanly and describes the endpoints."""

from __future__ import annotations

import pytest
import yaml
from django.core.management import call_command
from django.urls import reverse
from rest_framework.test import APIClient

ENDPOINTS = [
    "/api/token/",
    "/api/plans/",
    "/api/plans/{plan_id}/",
    "/api/plans/{plan_id}/progress/",
    "/api/periods/",
    "/api/periods/{period_id}/",
    "/api/measures/",
    "/api/measures/{measure_id}/",
    "/api/units/",
    "/api/units/{unit_id}/",
    "/api/reports/",
    "/api/reports/{report_id}/",
    "/api/reports/{report_id}/submit/",
    "/api/reports/{report_id}/review/",
]


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    """Generated with validation, failing on any warning."""
    path = tmp_path_factory.mktemp("schema") / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(path))
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_schema_is_openapi_3(schema):
    assert schema["openapi"].startswith("3.")


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_schema_contains_the_endpoint(schema, endpoint):
    assert endpoint in schema["paths"]


def test_schema_documents_the_409_of_a_stale_save(schema):
    assert "409" in schema["paths"]["/api/reports/{report_id}/"]["patch"]["responses"]


def test_schema_names_each_group_of_a_plans_completion(schema):
    group = schema["components"]["schemas"]["ChapterCompletion"]
    assert {"group", "label", "chapter", "done", "total", "rate"} <= set(group["required"])
    assert group["properties"]["chapter"]["nullable"] is True


@pytest.mark.django_db
def test_schema_is_served_at_api_schema():
    response = APIClient().get(reverse("api:schema"))
    assert response.status_code == 200
    assert b"/api/measures/" in response.content
