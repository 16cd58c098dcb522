from flask import request

from . import api


@api.route("tasks/rnd/new")
def task_new():
    """
    Queue a new training run on the background worker
    ---
    responses:
      200:
        description: the task id
    """
    from app.tasks.rnd import new

    task = new.apply_async()
    return task.id


@api.route("tasks/rnd/predict", methods=["POST"])
def task_predict():
    """
    Queue a prediction task
    ---
    parameters:
      - in: body
        name: body
        schema:
            properties:
                data:
                    type: array
                    items:
                        type: number
    """
    from app.tasks.rnd import predict

    data_input = request.json["data"]
    task = predict.apply_async(args=[data_input])
    return task.id
