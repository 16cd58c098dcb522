import uvicorn
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from celery.result import AsyncResult

from celery_task.tasks import predict_restaurants, random_all
from app.models import Task, PredictionResponse, Query

app = FastAPI()


@app.get("/")
async def root():
    print('hi')
    return {"message": "Hello World. this is your Restaurant Finder Speaking"}


@app.post('/restFinder/predict', response_model=Task, status_code=202)
async def pred_rest(query: Query):
    task_id = predict_restaurants.delay(query.input_text, query.top_k)
    return {'task_id': str(task_id), 'status': 'Processing'}


@app.get('/restFinder/result/{task_id}', response_model=PredictionResponse, status_code=200,
         responses={202: {'model': Task, 'description': 'Accepted, Not Ready'}})
async def rest_result(task_id):
    """ Fetch result for a given task_id """
    task = AsyncResult(task_id)
    if not task.ready():
        print(app.url_path_for('pred_rest'))
        return JSONResponse(status_code=202, content={'task_id': str(task_id), 'status': 'Processing'})
    output = task.get()
    results = output['results']
    time_taken = output['time_taken']
    return {'task_id': task_id, 'status': 'Success', 'preds': results, 'time_taken': time_taken}


@app.post('/restRandom/predict', response_model=Task, status_code=202)
async def rand_all(query: Query):
    task_id = random_all.delay(k=query.top_k)
    return {'task_id': str(task_id), 'status': 'Processing'}


if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=8000)
