from django.urls import path

from volunteers.bookings import views

urlpatterns = [
    path("services/<int:pk>/book/", views.book, name="book"),
    path("bookings/<str:token>/", views.booking, name="booking"),
    path("bookings/<str:token>/cancel/", views.booking_cancel, name="booking_cancel"),
    path("work/bookings/<int:pk>/cancel/", views.staff_cancel, name="booking_staff_cancel"),
]
