import os
from pathlib import Path

from app.celery_app import celery_app
from celery.utils.log import get_task_logger

logger = get_task_logger(__name__)

try:
    os.chdir(Path(".."))
    ROOT_DATA_FOLDER = Path(os.environ["ROOT_DATA_FOLDER"]).resolve()
except KeyError:
    import sys
    print("Please set the environment variable ROOT_DATA_FOLDER in .env")
    sys.exit(1)


def create_meta(current, total):
    return {"current": current, "total": total}


@celery_app.task(bind=True, acks_late=True)
def train_unet2d(self, data_dir, log_dir, annotation_dir, resolution, classes_of_interest,
                 retrain_model=None, seed=0, device=0, lr=1e-3, epochs=50, test_size=0.33, **kwargs):
    import json

    import torch
    import torch.optim as optim
    from torch.utils.data import DataLoader

    from neuralnets.data.datasets import StronglyLabeledVolumeDataset
    from neuralnets.networks.unet import UNet2D
    from neuralnets.util.losses import get_loss_function
    from neuralnets.util.tools import set_seed, train_test_split

    from app.shape_utils import annotations_to_png

    self.update_state(state="PROGRESS", meta=create_meta(1, 10))
    loss_fn = get_loss_function("ce")

    set_seed(seed)

    log_dir = (ROOT_DATA_FOLDER / log_dir).parent
    data_dir = ROOT_DATA_FOLDER / data_dir
    log_dir.mkdir(parents=True, exist_ok=True)

    with open(ROOT_DATA_FOLDER / annotation_dir, "r") as fp:
        annotations_data = json.load(fp)
    annotations_dir_png = log_dir / "annotations"

    try:
        annotations_dir_png.mkdir(parents=True, exist_ok=True)
        for slice_id in range(resolution["z"]):
            annotations_to_png(
                width=resolution["x"],
                height=resolution["y"],
                annotations=annotations_data.get(str(slice_id)),
                write_to=str(annotations_dir_png / f"{slice_id:04d}.png"),
            )
    except Exception as e:
        logger.error(f"Error converting annotations: {e}")
        return None

    input_shape = (1, resolution["x"], resolution["y"])
    volume = StronglyLabeledVolumeDataset(str(data_dir), str(annotations_dir_png), input_shape=input_shape)
    x_train, y_train, x_test, y_test = train_test_split(volume.data, volume.labels, test_size=test_size)
    train_loader = DataLoader(volume.subset(x_train, y_train), batch_size=1)
    test_loader = DataLoader(volume.subset(x_test, y_test), batch_size=1)

    if retrain_model:
        net = torch.load(ROOT_DATA_FOLDER / retrain_model)
    else:
        net = UNet2D(in_channels=1, coi=classes_of_interest)

    optimizer = optim.Adam(net.parameters(), lr=lr)
    scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=10, gamma=0.9)

    self.update_state(state="PROGRESS", meta=create_meta(2, 10))
    net.train_net(train_loader, test_loader, loss_fn, optimizer, epochs, scheduler=scheduler,
                  log_dir=log_dir, device=device)
    self.update_state(state="PROGRESS", meta=create_meta(9, 10))

    if len(kwargs) > 0:
        celery_app.send_task(
            "app.worker.create_model_from_retraining",
            queue="main-queue",
            kwargs={"obj_in": kwargs["obj_in"], "owner_id": kwargs["owner_id"]},
        )


@celery_app.task(bind=True, acks_late=True)
def infer_unet2d(self, data_dir, model, write_dir, input_size=(256, 256), orientations=(0,), **kwargs):
    import numpy as np

    from neuralnets.util.tools import load_net
    from neuralnets.util.io import write_volume
    from neuralnets.util.validation import segment
    from neuralnets.data.datasets import UnlabeledVolumeDataset

    model = ROOT_DATA_FOLDER / model
    data_dir = ROOT_DATA_FOLDER / data_dir
    write_dir = ROOT_DATA_FOLDER / write_dir

    logger.info(f"model {model}")
    assert model.is_file()
    assert data_dir.is_dir()
    try:
        write_dir.mkdir(parents=True)
    except FileExistsError:
        logger.error("Write dir already exists: {write_dir}")

    test = UnlabeledVolumeDataset(data_dir, input_shape=(1, *input_size))

    net = load_net(model)
    self.update_state(state="PROGRESS", meta=create_meta(1, 10))
    segmentation = np.zeros((net.out_channels, *test.data.shape))
    for orientation in orientations:
        segmentation += segment(test.data, net, input_size, train=False, device=0, orientation=orientation)
    segmentation = segmentation / len(orientations)

    write_volume(np.argmax(segmentation, axis=0), str(write_dir), type="pngseq")
