"""The annual reports' tables take this app's names (they kept the retired outputs app's
names through 0001)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("annual_reports", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelTable(name="annualreport", table=None),
        migrations.AlterModelTable(name="annualreportversion", table=None),
        migrations.RenameIndex(
            model_name="annualreport",
            new_name="annual_report_org_year_kind",
            old_name="outputs_ann_organis_60a1b2_idx",
        ),
    ]
