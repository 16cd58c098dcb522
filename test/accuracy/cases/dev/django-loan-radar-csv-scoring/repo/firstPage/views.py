from django.shortcuts import render
from django.http import JsonResponse
import joblib
import json
import pandas as pd
from django.core.files.storage import FileSystemStorage
from django.views import View
from django.http import HttpResponse, HttpResponseNotFound
import os


class Assets(View):

    def get(self, _request, filename):
        path = os.path.join(os.path.dirname(__file__), 'static', filename)

        if os.path.isfile(path):
            with open(path, 'rb') as file:
                return HttpResponse(file.read(), content_type='application/javascript')
        else:
            return HttpResponseNotFound()


model = joblib.load('modelPipeline.pkl')


def scoreJSON(request):
    data = json.loads(request.body)
    print(data)
    dataFrame = pd.DataFrame({'x': data}).transpose()
    score = model.predict_proba(dataFrame)[:, -1][0]
    score = float(score)
    print(score)
    return JsonResponse({'score': score})


def saveSelected(request):
    data = json.loads(request.body)
    print(data['ID'])
    dataframe = pd.read_csv('media/' + data['selectFile'])
    selectedRow = dataframe[dataframe['Loan_ID'] == data['ID']]
    with open('output/output.csv', 'a') as f:
        selectedRow.to_csv(f, header=f.tell() == 0)
    jsonRow = selectedRow.to_json(orient='split')
    return JsonResponse({'rowData': jsonRow})


def scoreFile(request):
    fileObj = request.FILES['filePath']
    fs = FileSystemStorage()
    filePathName = fs.save(fileObj.name, fileObj)
    filePathName = fs.url(filePathName)
    filePath = '.' + filePathName
    data = pd.read_csv(filePath)
    score = model.predict_proba(data)[:, -1]
    score = {j: k for j, k in zip(data['Loan_ID'], score)}
    score = sorted(score.items(), key=lambda x: x[1], reverse=True)

    return JsonResponse({'result': score})
