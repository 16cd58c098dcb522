import os
import sys

import joblib
import pandas as pd


def predict(
    data_path="data/features/engineered_data.csv",
    model_path="models/rf_model.pkl",
    output_path="data/predictions/preds.csv",
    threshold=None,
):
    if not os.path.exists(model_path):
        print(f"model '{model_path}' not found.")
        sys.exit(1)

    if not os.path.exists(data_path):
        print(f"data file '{data_path}' not found.")
        sys.exit(1)

    df = pd.read_csv(data_path)
    model = joblib.load(model_path)

    features_path = model_path.replace(".pkl", "_features.pkl")
    if not os.path.exists(features_path):
        print(f"features file '{features_path}' not found.")
        sys.exit(1)
    features = joblib.load(features_path)

    missing = [f for f in features if f not in df.columns]
    if missing:
        print("some features are missing:")
        for m in missing:
            print(f"   - {m}")
        sys.exit(1)

    X = df[features].copy()

    n_classes = len(getattr(model, "classes_", []))
    if n_classes > 2:
        preds = model.predict(X)
    else:
        if hasattr(model, "predict_proba") and threshold is not None:
            proba = model.predict_proba(X)[:, 1]
            preds = (proba >= threshold).astype(int)
        else:
            preds = model.predict(X)

    os.makedirs(os.path.dirname(output_path), exist_ok=True)
    pd.DataFrame({"prediction": preds}).to_csv(output_path, index=False)
    print(f"predictions saved to {output_path}: {len(preds)}")
    print(pd.Series(preds).value_counts())


if __name__ == "__main__":
    predict()
