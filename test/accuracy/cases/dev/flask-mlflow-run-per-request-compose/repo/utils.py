import json


def load_training_stats(path):
    with open(path) as f:
        stats = json.load(f)
    return stats["mean"], stats["std"]


def calculate_alert(x, mean, std, threshold):
    deviation = abs(x - mean) / std
    return deviation > threshold, deviation, threshold
