"""Phases and condition groups become JSON lists (step 2 of 3: ",PHASE1,PHASE2," -> ["PHASE1", "PHASE2"])."""

from django.db import migrations


def _split(text):
    return [code for code in (text or "").split(",") if code]


def _wrap(codes):
    return "," + ",".join(codes) + "," if codes else ""


def to_lists(apps, schema_editor):
    Trial = apps.get_model("trials", "Trial")
    rows = []
    for trial in Trial.objects.only("pk", "phases_text", "condition_groups_text").iterator(chunk_size=500):
        trial.phases = _split(trial.phases_text)
        trial.condition_groups = _split(trial.condition_groups_text)
        rows.append(trial)
    Trial.objects.bulk_update(rows, ["phases", "condition_groups"], batch_size=500)


def to_text(apps, schema_editor):
    Trial = apps.get_model("trials", "Trial")
    rows = []
    for trial in Trial.objects.only("pk", "phases", "condition_groups").iterator(chunk_size=500):
        trial.phases_text = _wrap(trial.phases or [])
        trial.condition_groups_text = _wrap(trial.condition_groups or [])
        rows.append(trial)
    Trial.objects.bulk_update(rows, ["phases_text", "condition_groups_text"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("trials", "0004_phases_condition_groups_json")]

    operations = [migrations.RunPython(to_lists, to_text)]
