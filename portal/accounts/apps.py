from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "portal.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from portal.content.selectors import public_tag_or_404

        from . import follows, selectors, services
        from .models import TagFollow

        follows.register(
            follows.FollowKind(
                kind="tag",
                follow_model=TagFollow,
                url_path="<slug:slug>",
                url_kwargs=lambda tag: {"slug": tag.slug},
                get_target=lambda kwargs: public_tag_or_404(kwargs["slug"]),  # tags only drafts use do not exist
                target_url=lambda tag: reverse("tag", args=[tag.slug]),
                is_following=lambda user, target: selectors.is_following_tag(user=user, tag=target),
                follow=lambda user, target: services.tag_follow(user=user, tag=target),
                unfollow=lambda user, target: services.tag_unfollow(user=user, tag=target),
                button_name=lambda tag: tag.name,
                button_hint=_("E-mail me when something new is published on this topic."),
                message_name=lambda tag: tag.name,
                followed=_(
                    "You are following “%(name)s”. We will e-mail you when something new is published about it."
                ),
                unfollowed=_("You no longer follow “%(name)s”."),
                profile_title=_("Topics"),
                profile_follows=lambda user: selectors.tag_follows(user=user),
                profile_template="accounts/_tag_follows.html",
                export_key="topics",
                export=services.tag_follows_export,
                position=200,
            )
        )
