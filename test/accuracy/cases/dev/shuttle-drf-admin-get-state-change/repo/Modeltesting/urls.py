from django.urls import path
from Modeltesting.views import *


urlpatterns = [
    path('predict/', TestView.as_view()),
]
