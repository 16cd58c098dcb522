from django.urls import path

from api.views import AutoCostPredict

urlpatterns = [
    path('predict/', AutoCostPredict.as_view()),
]
