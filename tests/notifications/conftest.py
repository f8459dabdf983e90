import pytest

from tests.notifications.fake_robot import serve


@pytest.fixture
def fake_robot(settings):
    """A robot platform on 127.0.0.1, and the settings that let webhooks point there."""
    robot, server = serve()
    settings.TAIZHANG_WEBHOOK_HOSTS = {"wecom": ["127.0.0.1"], "dingtalk": ["127.0.0.1"]}
    yield robot
    server.shutdown()
    server.server_close()
