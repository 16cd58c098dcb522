import re

from django.http.response import JsonResponse
from rest_framework import permissions, status
from rest_framework.generics import GenericAPIView

from .model_call import model_predict
from .openaitest import generate_desc, generate_img
from .serializers import ModelPredictSerializer, StatisticsSerializer


class ModelPredictAPI(GenericAPIView):
    permission_classes = [permissions.AllowAny]
    serializer_class = ModelPredictSerializer

    def post(self, request):
        try:
            request.data.pop("description")
        except:
            pass
        description = generate_desc(request.data)
        request.data.pop("max_occupants")
        request.data.pop("name")

        pred = model_predict(request.data)
        return JsonResponse({"rent": list(pred)[0], "description": description}, status=status.HTTP_200_OK)


class StatisticsAPI(GenericAPIView):
    permission_classes = [permissions.AllowAny]
    serializer_class = StatisticsSerializer

    def post(self, request):
        data = request.data
        prompt1 = f"What is the crime rate in {data['area_location']}?"
        crime_rate = generate_desc(prompt1)
        prompt2 = f"What is the cost of living in {data['area_location']} in rupees?"
        cost_of_living = generate_desc(prompt2)
        prompt3 = f"Top 5 colleges near {data['area_location']}"
        colleges = generate_desc(prompt3)
        split_text = re.split(r"[0-9]\.", colleges)
        return JsonResponse(
            {"crime_rate": crime_rate, "cost_of_living": cost_of_living, "colleges": split_text[1:]},
            status=status.HTTP_200_OK,
        )


class ImageAPI(GenericAPIView):
    permission_classes = [permissions.AllowAny]
    serializer_class = StatisticsSerializer

    def post(self, request):
        data = request.data
        url = generate_img(prompt=data["area_location"])
        return JsonResponse({"url": url}, status=status.HTTP_200_OK)
