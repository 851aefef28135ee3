from django.urls import path

from portal.content.pagecache import public_page

from . import feeds, views

app_name = "feeds"
urlpatterns = [
    path("articles/", public_page(feeds.ArticleFeed()), name="articles"),
    path("questions/", public_page(feeds.QuestionFeed()), name="questions"),
    path("trial-changes/", public_page(feeds.TrialChangeFeed()), name="trial_changes"),
    path("tags/<slug:slug>/", public_page(feeds.TagFeed()), name="tag"),
    path("trials/<slug:slug>/", public_page(feeds.OneTrialFeed()), name="trial"),
    # The research-news digest by e-mail (no account needed).
    path("digest/", views.SubscribeView.as_view(), name="subscribe"),
    path("digest/confirm/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path("digest/unsubscribe/<str:token>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
    path("digest/member/", views.MemberDigestView.as_view(), name="member"),
]
