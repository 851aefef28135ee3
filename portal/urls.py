from django.contrib import admin
from django.urls import include, path

from portal.accounts.login import LoginView
from portal.content import views as content_views
from portal.content.pagecache import public_page

urlpatterns = [
    path("", public_page(content_views.HomeView.as_view()), name="home"),
    path("articles/", include("articles.urls")),
    path("faq/", include("faq.urls")),
    path("trials/", include("trials.urls")),
    path("tags/<slug:slug>/", public_page(content_views.TagView.as_view()), name="tag"),
    path("search/", include("portal.content.search_urls")),
    path(
        "preview/<str:app_label>/<str:model_name>/<int:pk>/",
        content_views.PreviewView.as_view(),
        name="preview",
    ),
    path("accounts/login/", LoginView.as_view(), name="account_login"),  # allauth's, answering 429 when locked
    path("accounts/", include("portal.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]
