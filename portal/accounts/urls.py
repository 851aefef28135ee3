from django.urls import path

from . import views

save = views.SaveToggleView.as_view(activate=True)
unsave = views.SaveToggleView.as_view(activate=False)
follow_trial = views.FollowToggleView.as_view(kind="trial", activate=True)
unfollow_trial = views.FollowToggleView.as_view(kind="trial", activate=False)
follow_tag = views.FollowToggleView.as_view(kind="tag", activate=True)
unfollow_tag = views.FollowToggleView.as_view(kind="tag", activate=False)

app_name = "accounts"
urlpatterns = [
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path("profile/export/", views.ExportView.as_view(), name="export"),
    path("profile/delete/", views.AccountDeleteView.as_view(), name="delete"),
    path("saved/", views.BookmarkListView.as_view(), name="bookmarks"),
    path("saved/<int:content_type_id>/<int:object_id>/", save, name="save"),
    path("saved/<int:content_type_id>/<int:object_id>/remove/", unsave, name="unsave"),
    path("saved/<int:pk>/delete/", views.BookmarkDeleteView.as_view(), name="bookmark_delete"),
    path("follow/trial/<int:pk>/", follow_trial, name="follow_trial"),
    path("follow/trial/<int:pk>/remove/", unfollow_trial, name="unfollow_trial"),
    path("follow/tag/<slug:slug>/", follow_tag, name="follow_tag"),
    path("follow/tag/<slug:slug>/remove/", unfollow_tag, name="unfollow_tag"),
    path("following/<str:kind>/<int:pk>/delete/", views.FollowDeleteView.as_view(), name="follow_delete"),
]
