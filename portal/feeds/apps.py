from django.apps import AppConfig


class FeedsConfig(AppConfig):
    """Atom feeds and the public research-news digest: ways to follow the research without an account."""

    name = "portal.feeds"
    label = "feeds"
    verbose_name = "Feeds and research news digest"

    def ready(self) -> None:
        from portal.accounts.services import register_data_exporter

        from .models import DigestSubscription

        def export_digest(user) -> dict | None:
            subscription = DigestSubscription.objects.filter(user=user).first()
            if subscription is None:
                return None
            return {
                "email": subscription.email,
                "frequency": subscription.frequency,
                "confirmed_at": subscription.confirmed_at.isoformat() if subscription.confirmed_at else None,
                "last_sent_at": subscription.last_sent_at.isoformat() if subscription.last_sent_at else None,
            }

        register_data_exporter("research_digest", export_digest)
