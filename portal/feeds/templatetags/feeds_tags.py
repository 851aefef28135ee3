from __future__ import annotations

from django import template

from ..forms import MemberDigestForm
from ..models import DigestSubscription

register = template.Library()


@register.inclusion_tag("feeds/_member_digest.html", takes_context=True)
def member_digest(context) -> dict:
    """The profile's research-news choice (one query)."""
    user = context["request"].user
    subscription = DigestSubscription.objects.filter(user=user).first()
    form = MemberDigestForm(initial={"frequency": subscription.frequency if subscription else "never"})
    return {"form": form, "subscription": subscription, "user": user, "csrf_token": context.get("csrf_token")}
