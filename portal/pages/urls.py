from django.urls import path

from . import views

app_name = "pages"
urlpatterns = [
    path("", views.AboutView.as_view(), name="about"),
    path("how-we-write-and-review/", views.EditorialView.as_view(), name="editorial"),
    path("contact/", views.ContactView.as_view(), name="contact"),
    path("contact/thanks/", views.ContactThanksView.as_view(), name="contact_thanks"),
    path("people/<slug:slug>/", views.PersonView.as_view(), name="person"),
]
