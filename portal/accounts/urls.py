from django.urls import path

from . import views
from .follows import follow_kinds

save = views.SaveToggleView.as_view(activate=True)
unsave = views.SaveToggleView.as_view(activate=False)

app_name = "accounts"
urlpatterns = [
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path("profile/export/", views.ExportView.as_view(), name="export"),
    path("profile/delete/", views.AccountDeleteView.as_view(), name="delete"),
    path("saved/", views.BookmarkListView.as_view(), name="bookmarks"),
    path("saved/<int:content_type_id>/<int:object_id>/", save, name="save"),
    path("saved/<int:content_type_id>/<int:object_id>/remove/", unsave, name="unsave"),
    path("saved/<int:pk>/delete/", views.BookmarkDeleteView.as_view(), name="bookmark_delete"),
    path("following/<str:kind>/<int:pk>/delete/", views.FollowDeleteView.as_view(), name="follow_delete"),
]
# One follow and one unfollow URL per registered kind (portal/accounts/follows.py), e.g.
# accounts:follow_trial -> follow/trial/<int:pk>/, accounts:unfollow_tag -> follow/tag/<slug:slug>/remove/.
for _kind in follow_kinds():
    urlpatterns += [
        path(
            f"follow/{_kind.kind}/{_kind.url_path}/",
            views.FollowToggleView.as_view(kind=_kind.kind, activate=True),
            name=f"follow_{_kind.kind}",
        ),
        path(
            f"follow/{_kind.kind}/{_kind.url_path}/remove/",
            views.FollowToggleView.as_view(kind=_kind.kind, activate=False),
            name=f"unfollow_{_kind.kind}",
        ),
    ]
