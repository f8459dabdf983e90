"""The API does what its schema (/api/schema/) says: schemathesis generates requests for
every operation from the schema and checks each answer — no server error, only documented
status codes, bodies matching their declared schema. Bounded examples keep it fast."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from taizhang.api.tokens import issue_token

pytestmark = pytest.mark.django_db


# The same document /api/schema/ serves (tests/api/test_api_schema.py checks the page);
# requests go to the WSGI application in this process, on the test database.
# A well-formed request may still be refused for what it says (a wrong password, the id of
# another plan's period): that is a documented 400 with its reason, not a schema violation.
CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {
            "positive_data_acceptance": {
                "expected-statuses": ["2xx", "400", "401", "403", "404", "409", "429"]
            }
        }
    }
)
schema = schemathesis.openapi.from_dict(
    SchemaGenerator().get_schema(request=None, public=True), config=CONFIG
)
schema.app = get_wsgi_application()


@pytest.fixture
def connection_kept():
    """As Django's test client does: the requests run inside the test's transaction, so
    the end of a request must not close the database connection (PostgreSQL)."""
    signals = (request_started, request_finished)
    for signal in signals:
        signal.disconnect(close_old_connections)
    yield
    for signal in signals:
        signal.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_documented(case, world, reports, connection_kept):
    key = issue_token(world.people["office"])
    case.call_and_validate(headers={"Authorization": f"Token {key}"})
