from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content for a fresh site (`python manage.py load_demo_content`). Above every app: it
    may import all of them, and nothing imports it."""

    name = "portal.demo"
    label = "demo"
    verbose_name = "Demo content"
