from django.urls import path

from nanjie.page_cache import anonymous_page
from requests.public import views
from requests.public.feeds import BoardFeed

# Public addresses printed on posters and leaflets: keep them stable.
urlpatterns = [
    path("", views.home, name="home"),
    path("wish/", views.wish, name="wish"),
    path("track/", views.lookup, name="lookup"),
    path("track/<str:token>/", views.track, name="track"),
    path("track/<str:token>/rate/", views.rate, name="rate"),
    path("board/", views.board, name="board"),
    path("board/feed/", anonymous_page(BoardFeed()), name="board_feed"),
    path("requests/photo/<int:pk>/", views.photo, name="photo"),
]
