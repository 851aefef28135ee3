from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path("profile/export/", views.ExportView.as_view(), name="export"),
    path("profile/delete/", views.AccountDeleteView.as_view(), name="delete"),
    path("saved/", views.BookmarkListView.as_view(), name="bookmarks"),
    path("saved/<int:content_type_id>/<int:object_id>/", views.SaveView.as_view(), name="save"),
    path("saved/<int:content_type_id>/<int:object_id>/remove/", views.UnsaveView.as_view(), name="unsave"),
    path("saved/<int:pk>/delete/", views.BookmarkDeleteView.as_view(), name="bookmark_delete"),
    path("follow/trial/<int:pk>/", views.TrialFollowView.as_view(), name="follow_trial"),
    path("follow/trial/<int:pk>/remove/", views.TrialUnfollowView.as_view(), name="unfollow_trial"),
    path("follow/tag/<slug:slug>/", views.TagFollowView.as_view(), name="follow_tag"),
    path("follow/tag/<slug:slug>/remove/", views.TagUnfollowView.as_view(), name="unfollow_tag"),
    path("following/<str:kind>/<int:pk>/delete/", views.FollowDeleteView.as_view(), name="follow_delete"),
]
