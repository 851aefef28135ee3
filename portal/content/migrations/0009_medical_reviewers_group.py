"""Create the "Medical reviewers" group: the people an article or FAQ can name as its medical reviewer.

Membership is what makes a person eligible (see `portal.content.review`); the group itself only
reads content and its history, so a reviewer who is not also an editor or moderator changes nothing.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Medical reviewers"
VIEW = {"articles": ["article", "source"], "faq": ["question", "category"], "content": ["moderationevent"]}


def create_group(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perms = [
        perm
        for app_label, models in VIEW.items()
        for perm in Permission.objects.filter(
            content_type__app_label=app_label, codename__in=[f"view_{model}" for model in models]
        )
    ]
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*perms)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0008_pending_drafts_and_revisions"),
        ("articles", "0006_medical_reviewer"),
        ("faq", "0009_medical_reviewer"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
