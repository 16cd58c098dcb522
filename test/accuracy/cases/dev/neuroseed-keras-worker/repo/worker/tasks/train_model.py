import celery
import h5py
from celery import states
from keras.models import save_model

import metadata
import storage

from .. import constructor
from ..app import app


class TrainModelCommand(celery.Task):
    def get_dataset(self, dataset_id):
        try:
            dataset_meta = metadata.DatasetMetadata.from_id(id=dataset_id)
        except metadata.DoesNotExist:
            print("dataset does not exist")
            self.update_state(state=states.FAILURE)
            raise
        return dataset_meta

    def get_task(self, task_id):
        try:
            task_meta = metadata.TaskMetadata.from_id(id=task_id)
        except metadata.DoesNotExist:
            self.update_state(state=states.FAILURE)
            raise
        return task_meta

    def update_state_started(self, task_meta, model_meta):
        self.update_state(state=states.STARTED)
        task_meta.status = metadata.task.STARTED
        task_meta.save()
        model_meta.status = metadata.model.TRAINING
        model_meta.save()
        print("Start train task: {}".format(task_meta.id))

    def update_state_success(self, task_meta, model_meta):
        self.update_state(state=states.SUCCESS)
        task_meta.status = metadata.task.SUCCESS
        task_meta.save()
        model_meta.status = metadata.model.READY
        model_meta.save()
        print("End train task: {}".format(task_meta.id))

    def slice_dataset(self, dataset_meta):
        dataset_path = storage.get_dataset_path(dataset_meta.url)
        print("Open dataset:", dataset_path)
        dataset = h5py.File(dataset_path, "r")
        x = dataset["x"]
        y = dataset["y"]
        examples = x.shape[0]

        div_factor = 0.8
        border = int(examples * div_factor)
        x_train = x[border:]
        y_train = y[border:]
        x_test = x[:border]
        y_test = y[:border]
        return (x_train, y_train), (x_test, y_test)

    def save_model(self, model, model_meta):
        model_path = storage.get_model_path(model_meta.url)
        save_model(model, model_path)

    def train_model(self, dataset_meta, architecture_meta, model_meta, task_meta):
        config = task_meta.config
        (x_train, y_train), (x_test, y_test) = self.slice_dataset(dataset_meta)

        model = constructor.create_model(architecture_meta.architecture, x_train.shape[1:])
        constructor.compile_model(model, config)

        batch_size = config.get("batch_size", 32)
        epochs = config.get("epochs", 1)

        history = model.fit(
            x_train,
            y_train,
            batch_size=batch_size,
            epochs=epochs,
            validation_data=(x_test, y_test),
            shuffle="batch",
        )

        task_meta.config["history"] = history.history
        task_meta.save()

        self.save_model(model, model_meta)


@app.task(bind=True, base=TrainModelCommand, name="model.train")
def init_train_model(self):
    task_meta = self.get_task(self.request.id)
    dataset_meta = self.get_dataset(task_meta.config["dataset"])
    model_meta = metadata.ModelMetadata.from_id(id=task_meta.config["model"])
    architecture_meta = model_meta.base.architecture

    self.update_state_started(task_meta, model_meta)
    self.train_model(dataset_meta, architecture_meta, model_meta, task_meta)
    self.update_state_success(task_meta, model_meta)
    return {}
