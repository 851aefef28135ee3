from django.urls import path

from portal.content.pagecache import public_page

from . import views

app_name = "articles"
urlpatterns = [
    path("", public_page(views.ArticleListView.as_view()), name="list"),
    path("tag/<slug:slug>/", public_page(views.ArticleTagView.as_view()), name="tag"),
    path("<slug:slug>/", public_page(views.ArticleDetailView.as_view()), name="detail"),
]
