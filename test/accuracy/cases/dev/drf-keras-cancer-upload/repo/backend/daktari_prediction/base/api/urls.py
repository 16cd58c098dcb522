from django.urls import path
from . import views_backend

urlpatterns = [
        path('prediction/create', views_backend.prediction_create),
        ]
