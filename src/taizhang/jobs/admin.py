"""The task backend's own admin lists raw task rows in English; the jobs pages
(/jobs/) show the same work in Chinese, scoped to the organisation, so it is withdrawn."""

from django.contrib import admin
from django_tasks_db.models import DBTaskResult

if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)
