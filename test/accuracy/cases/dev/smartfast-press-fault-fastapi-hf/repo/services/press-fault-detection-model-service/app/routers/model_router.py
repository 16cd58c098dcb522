from fastapi import APIRouter, HTTPException

from app.core.model_cache import model_cache

router = APIRouter(prefix="/model", tags=["model"])


@router.get("/info")
async def get_model_info():
    """Model information and status."""
    try:
        model = model_cache.get("model")
        scaler = model_cache.get("scaler")
        threshold = model_cache.get("threshold")

        model_loaded = model is not None
        scaler_loaded = scaler is not None
        threshold_loaded = threshold is not None

        model_info = {
            "model_type": "Autoencoder",
            "repository": "press_fault_prediction",
            "status": {
                "all_components_ready": all([model_loaded, scaler_loaded, threshold_loaded]),
            },
            "sequence_length": 20,
        }

        if threshold_loaded:
            try:
                model_info["threshold_value"] = float(threshold)
            except Exception:
                model_info["threshold_value"] = "threshold unreadable"

        return model_info

    except Exception as e:
        raise HTTPException(
            status_code=500, detail=f"model info failed: {str(e)}"
        ) from e
