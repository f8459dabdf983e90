"""Urging notices were the supervision app's: this app adopts the model with its table and
rows as they are (supervision 0002 let go of it), and the content type follows, so admin
history and permissions stay attached. 0002 then gives the tables this app's names."""

import django.db.models.deletion
import taizhang.notices.models
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="notices", model="urgenotice").exists():
        ContentType.objects.filter(app_label="supervision", model="urgenotice").update(
            app_label="notices"
        )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("plans", "0001_initial"),
        ("supervision", "0002_urgenotice_to_notices"),
        ("units", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='UrgeNotice',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('level', models.CharField(choices=[('reminder', '提醒'), ('urge', '催办'), ('circular', '通报')], max_length=20, verbose_name='级别')),
                        ('number', models.CharField(max_length=100, verbose_name='文号')),
                        ('title', models.CharField(max_length=200, verbose_name='标题')),
                        ('body', models.TextField(verbose_name='正文')),
                        ('items', models.JSONField(default=list, verbose_name='督办事项')),
                        ('document', models.FileField(blank=True, upload_to=taizhang.notices.models.notice_path, verbose_name='通知文件')),
                        ('issued_on', models.DateField(verbose_name='成文日期')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to=settings.AUTH_USER_MODEL)),
                        ('measures', models.ManyToManyField(blank=True, related_name='notices', to='plans.measure')),
                        ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='units.organisation')),
                        ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='notices', to='units.unit')),
                    ],
                    options={
                        'db_table': 'supervision_urgenotice',
                        'verbose_name': '催办通知',
                        'verbose_name_plural': '催办通知',
                        'ordering': ['-created_at'],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_type, migrations.RunPython.noop),
    ]
