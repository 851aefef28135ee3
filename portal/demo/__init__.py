"""Demo content for a fresh site: `python manage.py load_demo_content` (data in data.py, logic in loader.py)."""
