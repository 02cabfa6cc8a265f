from django.urls import path, re_path

from requests import views_export as export
from requests import views_public as public
from requests import views_slip as slip
from requests import views_staff as staff
from requests import views_stats as stats
from requests.feeds import BoardFeed
from requests.notices import views as notices

app_name = "requests"
urlpatterns = [
    # Public addresses printed on posters and leaflets: keep them stable.
    path("", public.home, name="home"),
    path("wish/", public.wish, name="wish"),
    path("track/<str:token>/", public.track, name="track"),
    path("track/<str:token>/rate/", public.rate, name="rate"),
    path("board/", public.board, name="board"),
    path("board/feed/", BoardFeed(), name="board_feed"),
    path("board/export.csv", notices.board_export, name="board_export"),
    path("stats/", stats.stats, name="stats"),
    path("requests/photo/<int:pk>/", public.photo, name="photo"),
    path("requests/posters/", public.posters, name="posters"),
    path("requests/posters/<str:code>/", public.posters, name="grid_posters"),
    path("requests/poster/<str:code>/", public.poster, name="poster"),
    # Staff pages of the loop. The reference pattern is strict so it never swallows the routes above.
    path("requests/", staff.queue_index, name="queues"),
    path("requests/new/", staff.record, name="record"),
    path("requests/queue/<slug:name>/", staff.queue, name="queue"),
    path("requests/queue/<slug:name>/export.csv", export.queue_export, name="queue_export"),
    re_path(r"^requests/(?P<reference>[A-Z][A-Z0-9]*-\d{4}-\d{6,})/$", staff.detail, name="detail"),
    re_path(r"^requests/(?P<reference>[A-Z][A-Z0-9]*-\d{4}-\d{6,})/"
            r"(?P<action>dispatch|accept|close|publicise|revise|return|invalid)/$", staff.act, name="act"),
    re_path(r"^requests/(?P<reference>[A-Z][A-Z0-9]*-\d{4}-\d{6,})/slip/$", slip.slip, name="slip"),
]
