"""
Train and save the movie rating model (SVD on MovieLens 100K).

    python scripts/train_model.py              # 5-fold CV + hold-out metrics + final model
    python scripts/train_model.py --skip-cv    # faster (CI)
"""
import argparse
import json
import pickle  # nosec B403
from pathlib import Path
from typing import Dict

from surprise import SVD, Dataset, accuracy
from surprise.model_selection import cross_validate, train_test_split

SEED = 42
MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
HYPERPARAMS: Dict[str, float] = {"n_factors": 100, "n_epochs": 20, "lr_all": 0.005, "reg_all": 0.02}


def build_model() -> SVD:
    """The SVD model with fixed hyper-parameters and seed (reproducible)."""
    return SVD(random_state=SEED, **HYPERPARAMS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-cv", action="store_true", help="skip 5-fold cross-validation")
    args = parser.parse_args()

    print("Movie Rating Prediction Model Training")
    MODELS_DIR.mkdir(exist_ok=True)
    data = Dataset.load_builtin("ml-100k", prompt=False)

    if not args.skip_cv:
        cv = cross_validate(build_model(), data, measures=["RMSE", "MAE"], cv=5, verbose=True)
        print(f"Mean RMSE: {cv['test_rmse'].mean():.4f}  Mean MAE: {cv['test_mae'].mean():.4f}")

    trainset, testset = train_test_split(data, test_size=0.2, random_state=SEED)
    holdout_model = build_model()
    holdout_model.fit(trainset)
    predictions = holdout_model.test(testset)
    metrics = {
        "rmse": round(accuracy.rmse(predictions, verbose=False), 4),
        "mae": round(accuracy.mae(predictions, verbose=False), 4),
        "seed": SEED,
        **HYPERPARAMS,
    }
    print(f"Hold-out RMSE: {metrics['rmse']}  MAE: {metrics['mae']}")

    model = build_model()
    model.fit(data.build_full_trainset())
    with open(MODELS_DIR / "svd_model.pkl", "wb") as f:
        pickle.dump(model, f)
    (MODELS_DIR / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")


if __name__ == "__main__":
    main()
