from rest_framework.response import Response
from rest_framework.views import APIView
import numpy as np

# inputs: name, engine size, curb weight, horsepower, car width, drive wheels, engine-location
from api.apps import ApiConfig


class AutoCostPredict(APIView):
    def post(self, request):
        data = request.data
        name = data['name']
        engineSize = data['engine size']
        curbWeight = data['curb weight']
        horsePower = data['horsepower']
        carWidth = data['car width']
        driveWheels = data['drive wheels']
        engineLocation = data['engine-location']

        randomForest = ApiConfig.model
        summa = randomForest.predict([[engineSize, curbWeight, horsePower, carWidth, driveWheels, engineLocation]])[0]
        summa = np.round(summa)
        response_dict = {f'Predicted {name} ($)': summa}
        return Response(response_dict, status=200)
