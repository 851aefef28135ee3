from django.urls import path

from portal.content.pagecache import public_page

from . import views

app_name = "trials"
urlpatterns = [
    path("", public_page(views.TrialListView.as_view()), name="list"),
    path("<slug:slug>/", public_page(views.TrialDetailView.as_view()), name="detail"),
]
