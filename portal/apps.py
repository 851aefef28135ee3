from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _
from taggit.apps import TaggitAppConfig


class PortalAdminConfig(AdminConfig):
    """The admin app with our site class (kept apart from it so admin_site.py may import models)."""

    default_site = "portal.admin_site.PortalAdminSite"


class TagsConfig(TaggitAppConfig):
    """django-taggit under a name editors read on the admin home ("Tags", not the package's "Taggit")."""

    verbose_name = _("Tags")
