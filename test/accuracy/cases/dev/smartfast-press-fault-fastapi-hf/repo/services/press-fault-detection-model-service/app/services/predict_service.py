import numpy as np
import logging

from app.core.model_cache import model_cache
from app.schemas.input import SensorData, SEQUENCE_LENGTH
from numpy.lib.stride_tricks import as_strided

logger = logging.getLogger(__name__)
FEATURE_NAMES = ["AI0_Vibration", "AI1_Vibration", "AI2_Current"]


def predict_press_fault(data: SensorData) -> dict:
    """Predict a fault from the sensor series."""
    try:
        model = model_cache.get("model")
        scaler = model_cache.get("scaler")
        threshold = model_cache.get("threshold")

        if not all([model, scaler, threshold is not None]):
            raise RuntimeError(
                "model, scaler or threshold not loaded; see the server log."
            )

        AI0_abs = [abs(x) for x in data.AI0_Vibration]
        AI1_abs = [abs(x) for x in data.AI1_Vibration]
        AI2_abs = [abs(x) for x in data.AI2_Current]

        input_array = np.vstack([AI0_abs, AI1_abs, AI2_abs]).T

        scaler_data = scaler.transform(input_array)

        sequences = create_sequences(scaler_data, SEQUENCE_LENGTH)
        if len(sequences) == 0:
            raise ValueError(
                f"input length ({len(scaler_data)}) is shorter than the sequence length ({SEQUENCE_LENGTH})."
            )

        reconstructed_sequence = model.predict(sequences)

        original_last_steps = flatten(sequences)
        reconstructed_last_steps = flatten(reconstructed_sequence)
        per_feature_squared_errors = np.power(
            reconstructed_last_steps - original_last_steps, 2
        )

        errors = np.mean(per_feature_squared_errors, axis=1)

        max_error = np.max(errors)
        is_fault = max_error > threshold
        prediction_result = "fault" if is_fault else "normal"

        attribute_errors_dict = None
        if is_fault:
            worst_sequence_index = np.argmax(errors)
            faulty_attribute_errors = per_feature_squared_errors[worst_sequence_index]
            attribute_errors_dict = dict(
                zip(FEATURE_NAMES, faulty_attribute_errors.astype(float))
            )

        return {
            "prediction": prediction_result,
            "reconstruction_error": float(max_error),
            "is_fault": is_fault,
            "attribute_errors": attribute_errors_dict,
        }
    except Exception as e:
        logger.error(f"prediction service failed: {e}", exc_info=True)
        raise e


def flatten(X):
    if X.shape[1] < 1:
        return np.empty((X.shape[0], X.shape[2]))
    flattened = np.empty((X.shape[0], X.shape[2]))
    for i in range(X.shape[0]):
        flattened[i] = X[i, X.shape[1] - 1, :]
    return flattened


def create_sequences(data, seq_length):
    """Sliding windows over a 2-D array."""
    if len(data) < seq_length:
        return np.array([])
    sequences = len(data) - seq_length + 1
    return as_strided(
        data,
        shape=(sequences, seq_length, data.shape[1]),
        strides=(data.strides[0], data.strides[0], data.strides[1]),
    )
