from tensorflow.keras.models import load_model
from tensorflow.keras.utils import image_dataset_from_directory


def load_dataset(params, dataset_name, shuffle=True):
    """Load dataset from folder using DVC params."""
    seed = params["common"]["seed"]

    dataset = image_dataset_from_directory(
        directory=params[dataset_name]["data_path"],
        labels='inferred',
        label_mode='categorical',
        shuffle=shuffle,
        color_mode='rgb',
        batch_size=params["model"]["batch_size"],
        image_size=tuple(params["model"]["image_size"]),
        seed=seed)

    return dataset


def load_pb_model(params):
    return load_model(params["model"]["model_pb_path"])
