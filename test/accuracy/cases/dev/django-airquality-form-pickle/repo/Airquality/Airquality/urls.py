"""Airquality URL Configuration"""


from django.contrib import admin
from django.urls import path
from django.urls import include
from AQ import views

urlpatterns = [
	path('admin/', admin.site.urls),
    path('',include('AQ.urls')),
]
