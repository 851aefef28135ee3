from django.urls import path

from portal.content.pagecache import public_page

from . import views

app_name = "faq"
urlpatterns = [
    path("", public_page(views.QuestionListView.as_view()), name="list"),
    path("category/<slug:slug>/", public_page(views.CategoryView.as_view()), name="category"),
    path("ask/", views.AskView.as_view(), name="ask"),
    path("ask/thanks/", views.AskThanksView.as_view(), name="ask_thanks"),
    path("ask/similar/", views.SimilarQuestionsView.as_view(), name="similar"),
    path("my-questions/", views.MyQuestionsView.as_view(), name="my_questions"),
    path("<slug:slug>/", public_page(views.QuestionDetailView.as_view()), name="detail"),
]
