from django.contrib import admin
from django.urls import path
from . import views

urlpatterns = [
    path('admin/', admin.site.urls),
    path('predict', views.results, name='predictions'),
    path('deep', views.deep_learning, name='predict2')
]
