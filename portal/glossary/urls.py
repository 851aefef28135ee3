from django.urls import path

from portal.content.pagecache import public_page

from . import views

app_name = "glossary"
urlpatterns = [
    path("", public_page(views.GlossaryIndexView.as_view()), name="index"),
    path("letter/<str:letter>/", public_page(views.GlossaryLetterView.as_view()), name="letter"),
    path("<slug:slug>/", public_page(views.TermDetailView.as_view()), name="detail"),
]
