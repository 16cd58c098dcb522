from django.apps import AppConfig


class AqConfig(AppConfig):
    name = 'AQ'
