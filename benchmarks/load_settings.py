"""The project's settings plus one URL: the bare view benchmarks/load.py compares pages with."""

from taizhang.config.settings import *  # noqa: F403

ROOT_URLCONF = "load_urls"
