from django.urls import path

from requests.notices import views

urlpatterns = [
    path("board/export.csv", views.board_export, name="board_export"),  # the closure board as a table, public
]
