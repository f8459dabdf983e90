"""Annual reports were the `outputs` app's: this app takes over their tables.

A database made before the move has the tables (outputs_annualreport and its versions) and
their rows: the state adopts them as they are. A new database has none: they are created
here. Either way the content types follow the models to this app, so admin history and
permissions stay attached. 0002 then gives the tables this app's names."""

import django.db.models.deletion
import taizhang.annual_reports.models
from django.conf import settings
from django.db import migrations, models

MODELS = ("AnnualReport", "AnnualReportVersion")


def adopt_or_create(apps, schema_editor):
    existing = set(schema_editor.connection.introspection.table_names())
    for name in MODELS:
        model = apps.get_model("annual_reports", name)
        if model._meta.db_table not in existing:
            schema_editor.create_model(model)
    ContentType = apps.get_model("contenttypes", "ContentType")
    for content_type in ContentType.objects.filter(app_label="outputs"):
        if not ContentType.objects.filter(
            app_label="annual_reports", model=content_type.model
        ).exists():
            content_type.app_label = "annual_reports"
            content_type.save(update_fields=["app_label"])


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('plans', '0001_initial'),
        ('units', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='AnnualReport',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('year', models.PositiveSmallIntegerField(verbose_name='报告年度')),
                        ('kind', models.CharField(choices=[('government', '政府年度报告'), ('unit_year_end', '单位年终报告'), ('county_up', '县(市、区)向州(市)报告')], max_length=20, verbose_name='类型')),
                        ('state', models.CharField(choices=[('draft', '草稿'), ('final', '已定稿')], default='draft', max_length=10, verbose_name='状态')),
                        ('issuer_mark', models.CharField(max_length=100, verbose_name='发文机关标志')),
                        ('number', models.CharField(blank=True, max_length=100, verbose_name='发文字号')),
                        ('title', models.CharField(max_length=200, verbose_name='标题')),
                        ('addressee', models.CharField(max_length=200, verbose_name='主送机关')),
                        ('signature', models.CharField(max_length=100, verbose_name='落款')),
                        ('copy_to', models.CharField(blank=True, max_length=200, verbose_name='抄送机关')),
                        ('sections', models.JSONField(default=list, verbose_name='正文')),
                        ('generated_at', models.DateTimeField(verbose_name='数据生成时间')),
                        ('version', models.PositiveIntegerField(default=1, verbose_name='版本')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('finalised_at', models.DateTimeField(blank=True, null=True, verbose_name='定稿时间')),
                        ('docx', models.FileField(blank=True, upload_to=taizhang.annual_reports.models.annual_report_path, verbose_name='定稿文件（.docx）')),
                        ('pdf', models.FileField(blank=True, upload_to=taizhang.annual_reports.models.annual_report_path, verbose_name='定稿文件（.pdf）')),
                        ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('finalised_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='annual_reports', to='units.organisation')),
                        ('plan', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='annual_reports', to='plans.plan')),
                        ('region', models.ForeignKey(help_text="whose report: the prefecture or city, or one county (a unit's: its region)", on_delete=django.db.models.deletion.PROTECT, related_name='annual_reports', to='units.region')),
                        ('unit', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='annual_reports', to='units.unit')),
                        ('updated_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'outputs_annualreport',
                        'verbose_name': '年度报告',
                        'verbose_name_plural': '年度报告',
                        'ordering': ['-year', '-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='AnnualReportVersion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('number', models.PositiveIntegerField()),
                        ('action', models.CharField(max_length=20)),
                        ('snapshot', models.JSONField()),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('author', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('report', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='annual_reports.annualreport')),
                    ],
                    options={
                        'db_table': 'outputs_annualreportversion',
                        'ordering': ['number'],
                    },
                ),
                migrations.AddIndex(
                    model_name='annualreport',
                    index=models.Index(fields=['organisation', 'year', 'kind'], name='outputs_ann_organis_60a1b2_idx'),
                ),
                migrations.AddConstraint(
                    model_name='annualreportversion',
                    constraint=models.UniqueConstraint(fields=('report', 'number'), name='unique_annual_report_version'),
                ),
            ],
        ),
        migrations.RunPython(adopt_or_create, migrations.RunPython.noop),
    ]
