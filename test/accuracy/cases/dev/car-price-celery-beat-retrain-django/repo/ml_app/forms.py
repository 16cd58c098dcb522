from django import forms


class UsedCarForm(forms.Form):
    name = forms.CharField(max_length=100)
    location = forms.CharField(max_length=50)
    year = forms.IntegerField()
    km_driven = forms.IntegerField()
    fuel_type = forms.CharField(max_length=20)
    mileage = forms.FloatField()
    engine = forms.FloatField()
    power = forms.FloatField()
    price_date = forms.DateField()
