MODEL_CONFIG = {
    "target_col": "solar_power",
    "features_to_use": ["temperature", "cloud_cover", "hour"],
    "device": "cuda",
    "dropout_rate": 0.1,
    "learning_rate": 0.001,
    "n_epochs": 50,
    "batch_size": 32,
    "val_size": 48,
    "normalize": True,
    "deterministic": True,
}
