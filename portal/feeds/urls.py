from django.urls import path

from . import feeds

app_name = "feeds"
urlpatterns = [
    path("articles/", feeds.ArticleFeed(), name="articles"),
    path("questions/", feeds.QuestionFeed(), name="questions"),
    path("trial-changes/", feeds.TrialChangeFeed(), name="trial_changes"),
    path("tags/<slug:slug>/", feeds.TagFeed(), name="tag"),
    path("trials/<slug:slug>/", feeds.OneTrialFeed(), name="trial"),
]
