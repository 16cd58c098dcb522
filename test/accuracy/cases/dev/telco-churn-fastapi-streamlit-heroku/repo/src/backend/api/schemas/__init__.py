from .models import ChurnPrediction, CustomerData
