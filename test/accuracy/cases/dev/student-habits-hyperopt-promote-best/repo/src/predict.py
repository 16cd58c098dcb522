# predict.py
import pandas as pd
import mlflow.pyfunc
from preprocess import DataPreprocessor


def main():
    model = mlflow.pyfunc.load_model("models:/StudentPerformanceModel/Production")

    # the preprocessor saved for the best model; adjust the path if it differs
    preproc = DataPreprocessor.load_preprocessor("models/preprocessor_RandomForest.joblib")

    df_raw = pd.read_csv("data/new_student_habits.csv")

    # preprocess_data returns (X, y); y is ignored at inference
    X, _ = preproc.preprocess_data(df_raw, is_training=False)

    preds = model.predict(X)

    out = pd.DataFrame({"prediction": preds})
    out.to_csv("output_predictions.csv", index=False)
    print("Wrote output_predictions.csv")


if __name__ == "__main__":
    main()
