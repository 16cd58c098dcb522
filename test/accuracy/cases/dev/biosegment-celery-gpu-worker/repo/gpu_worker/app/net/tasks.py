import numpy as np
from app.celery_app import celery_app
from celery.utils.log import get_task_logger
from app.net.NetTask import NetTask
from app.utils import ROOT_DATA_FOLDER, arr_to_str, create_meta, str_to_arr

logger = get_task_logger(__name__)


def prob_to_label(arr, coi):
    image_array = np.zeros(arr.shape[1:], dtype="uint8")
    print(f"image array {image_array.shape}")
    maximums = np.argmax(arr, axis=0)
    for i in range(1, len(coi)):
        image_array[maximums == i] = i
    return image_array


@celery_app.task(base=NetTask, acks_late=True)
def infer_region(region, model_path, input_size, classes_of_interest, **kwargs):
    from neuralnets.util.validation import segment
    from neuralnets.util.tools import load_net

    model = ROOT_DATA_FOLDER / model_path
    assert model.is_file()

    region = str_to_arr(region)
    if list(region.shape) == [1, input_size[0], input_size[1]]:
        region = region[0]
    region = region / np.linalg.norm(region)

    net = load_net(model)
    segmentation = segment(region, net, region.shape, train=False, device=0)
    return arr_to_str(prob_to_label(segmentation, classes_of_interest))


@celery_app.task(base=NetTask, bind=True, acks_late=True)
def infer_region_remotely(self, data_dir, model, region=0, input_size=(256, 256), classes_of_interest=(0, 1, 2), **kwargs):
    from neuralnets.util.validation import segment
    from neuralnets.data.datasets import SlidingWindowDataset

    self.update_state(state="PROGRESS", meta=create_meta(1, 10))
    model = ROOT_DATA_FOLDER / model
    data_dir = ROOT_DATA_FOLDER / data_dir

    assert model.is_file()
    if self.model_path != model:
        self.model_path = model
        del self.net

    try:
        data_dir = list(data_dir.iterdir())[0]
    except Exception as e:
        logger.error(f"Could not find data for data_dir={data_dir}")
        return

    data = SlidingWindowDataset(str(data_dir), input_shape=(1, *input_size))
    net = self.net
    segmentation = segment(data.data[0][region], net, input_size, train=False, device=0)
    return arr_to_str(prob_to_label(segmentation, classes_of_interest))
