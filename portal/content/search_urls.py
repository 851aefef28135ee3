from django.urls import path

from portal.content.pagecache import public_page

from .search.views import SearchView

app_name = "search"
urlpatterns = [path("", public_page(SearchView.as_view()), name="results")]
