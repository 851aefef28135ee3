"""Give the Editors and Moderators groups the glossary permissions (same split as other content)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("glossary")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editing = [f"{verb}_{model}" for model in ("term", "variant") for verb in ("add", "change", "view")]
    moderating = editing + ["delete_variant", "moderate_content"]
    for name, codenames in (("Editors", editing), ("Moderators", moderating)):
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(content_type__app_label="glossary", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("glossary", "0001_initial"),
        ("content", "0002_editor_and_moderator_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
