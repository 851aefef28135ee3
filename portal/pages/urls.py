from django.urls import path

from portal.content.pagecache import public_page

from . import views

app_name = "pages"
urlpatterns = [
    path("", public_page(views.AboutView.as_view()), name="about"),
    path("how-we-write-and-review/", public_page(views.EditorialView.as_view()), name="editorial"),
    path("contact/", views.ContactView.as_view(), name="contact"),
    path("contact/thanks/", views.ContactThanksView.as_view(), name="contact_thanks"),
    path("people/<slug:slug>/", public_page(views.PersonView.as_view()), name="person"),
]
