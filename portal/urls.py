from django.contrib import admin
from django.urls import include, path

from portal.content import views as content_views

urlpatterns = [
    path("", content_views.HomeView.as_view(), name="home"),
    path("articles/", include("articles.urls")),
    path("faq/", include("faq.urls")),
    path("trials/", include("trials.urls")),
    path("glossary/", include("portal.glossary.urls")),
    path("tags/<slug:slug>/", content_views.TagView.as_view(), name="tag"),
    path("search/", include("portal.content.search_urls")),
    path(
        "preview/<str:app_label>/<str:model_name>/<int:pk>/",
        content_views.PreviewView.as_view(),
        name="preview",
    ),
    path("accounts/", include("portal.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]
