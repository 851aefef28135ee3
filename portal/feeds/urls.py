from django.urls import path

from . import feeds, views

app_name = "feeds"
urlpatterns = [
    path("articles/", feeds.ArticleFeed(), name="articles"),
    path("questions/", feeds.QuestionFeed(), name="questions"),
    path("trial-changes/", feeds.TrialChangeFeed(), name="trial_changes"),
    path("tags/<slug:slug>/", feeds.TagFeed(), name="tag"),
    path("trials/<slug:slug>/", feeds.OneTrialFeed(), name="trial"),
    # The research-news digest by e-mail (no account needed).
    path("digest/", views.SubscribeView.as_view(), name="subscribe"),
    path("digest/confirm/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path("digest/unsubscribe/<str:token>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
    path("digest/member/", views.MemberDigestView.as_view(), name="member"),
]
