"""Create the Editors and Moderators groups with their permissions.

Permissions are normally created after all migrations (post_migrate), so they are created here first.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_MODELS = {"articles": ["article", "source"], "faq": ["question", "category"], "trials": ["trial", "location"]}


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def perms(app_label, codenames):
        return list(Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))

    editor_perms, moderator_perms = [], []
    for app_label, models in CONTENT_MODELS.items():
        editing = [f"{verb}_{model}" for model in models for verb in ("add", "change", "view")]
        editor_perms += perms(app_label, editing)
        moderator_perms += perms(app_label, editing + [f"delete_{m}" for m in models[1:]] + ["moderate_content"])
    moderator_perms += perms("content", ["view_moderationevent"])
    editor_perms += perms("content", ["view_moderationevent"])
    moderator_perms += perms("taggit", ["add_tag", "change_tag", "view_tag"])
    editor_perms += perms("taggit", ["view_tag"])

    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*editor_perms)
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    moderators.permissions.add(*moderator_perms)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Moderators"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0001_initial"),
        ("articles", "0002_initial"),
        ("faq", "0001_initial"),
        ("trials", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
