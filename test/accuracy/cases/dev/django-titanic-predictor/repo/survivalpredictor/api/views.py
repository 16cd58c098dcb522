from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
import json
import os
import pickle


# Returns a prediction for the given data
@csrf_exempt
def index(request):
  # Load classifier
  CURRENT_DIR = os.path.dirname(__file__)
  modelFile = os.path.join(CURRENT_DIR, "bin", "model.pkl")
  with open(modelFile, 'rb') as model:
    clf = pickle.load(model)

  # Parse the request into a Python list
  jsonData = json.loads(request.body)
  data = [jsonData["Pclass"], jsonData["Sex"], jsonData["Age"], jsonData["SibSp"], jsonData["Parch"]]

  # Make prediction
  res = {"isAlive": int(clf.predict([data])[0])}

  return JsonResponse(res, safe=False)
