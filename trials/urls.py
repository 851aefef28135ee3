from django.urls import path

from . import views

app_name = "trials"
urlpatterns = [
    path("", views.TrialListView.as_view(), name="list"),
    path("<slug:slug>/", views.TrialDetailView.as_view(), name="detail"),
]
