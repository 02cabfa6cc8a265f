from django.urls import path

from requests import views_public as public
from requests.feeds import BoardFeed

app_name = "requests"
urlpatterns = [
    # Public addresses printed on posters and leaflets: keep them stable.
    path("", public.home, name="home"),
    path("wish/", public.wish, name="wish"),
    path("track/<str:token>/", public.track, name="track"),
    path("track/<str:token>/rate/", public.rate, name="rate"),
    path("board/", public.board, name="board"),
    path("board/feed/", BoardFeed(), name="board_feed"),
    path("requests/photo/<int:pk>/", public.photo, name="photo"),
    path("requests/posters/", public.posters, name="posters"),
    path("requests/posters/<str:code>/", public.posters, name="grid_posters"),
    path("requests/poster/<str:code>/", public.poster, name="poster"),
]
