"""Give the Editors and Moderators groups their reader-question permissions.

Editors review, decline and merge; only Moderators (who may publish FAQs) answer and publish.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_CODENAMES = ["view_submission", "change_submission", "review_submission"]
MODERATOR_CODENAMES = [*EDITOR_CODENAMES, "answer_submission"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("faq")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in (("Editors", EDITOR_CODENAMES), ("Moderators", MODERATOR_CODENAMES)):
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="faq", codename__in=codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(content_type__app_label="faq", codename__in=MODERATOR_CODENAMES)
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        group.permissions.remove(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("faq", "0002_submission"),
        ("content", "0002_editor_and_moderator_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
