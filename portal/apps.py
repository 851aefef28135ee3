from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    """The admin app with our site class (kept apart from it so admin_site.py may import models)."""

    default_site = "portal.admin_site.PortalAdminSite"
