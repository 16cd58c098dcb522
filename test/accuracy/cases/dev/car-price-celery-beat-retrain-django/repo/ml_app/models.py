from django.db import models


class Car(models.Model):
    brand = models.CharField(max_length=50)
    model = models.CharField(max_length=50)
    location = models.CharField(max_length=50)
    year = models.IntegerField()
    km_driven = models.IntegerField()
    fuel_type = models.CharField(max_length=20)
    transmission = models.CharField(max_length=20)
    owner_type = models.CharField(max_length=20)
    mileage = models.FloatField()
    engine = models.FloatField()
    power = models.FloatField()
    seats = models.IntegerField()
    price = models.FloatField()
    created = models.DateTimeField(auto_now_add=True)
