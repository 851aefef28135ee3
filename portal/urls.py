from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from portal.accounts.login import LoginView
from portal.content import views as content_views
from portal.content.pagecache import public_page
from portal.pages.sitemaps import SITEMAPS
from portal.pages.views import robots_txt

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
    # Readers who come back: about pages, feeds, sitemap (portal.pages, portal.feeds).
    path("about/", include("portal.pages.urls")),
    path("feeds/", include("portal.feeds.urls")),
    path("sitemap.xml", public_page(sitemap_views.sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", public_page(robots_txt), name="robots"),
]
