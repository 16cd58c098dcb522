import pickle
from celery import Task
from worker import worker

from data_prep import parse_request, feature_engineering, get_result


class PredictTask(Task):
    """Loads the model on the first task a worker process runs."""
    abstract = True

    def __init__(self):
        super().__init__()
        self.model = None

    def __call__(self, *args, **kwargs):
        if not self.model:
            self.model = pickle.load(open("ml_models/rfc_42.pickle", "rb"))
        return self.run(*args, **kwargs)


@worker.task(name="create_task", bind=True, base=PredictTask, ignore_result=False)
def create_task(self, data):
    data = parse_request(data)
    data = feature_engineering(data)
    result = get_result(data, self.model)
    return result
