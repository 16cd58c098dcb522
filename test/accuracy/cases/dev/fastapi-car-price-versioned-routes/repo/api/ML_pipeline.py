import pandas as pd
import config as cfg
import pickle
from sklearn.preprocessing import StandardScaler, OneHotEncoder, LabelEncoder
from sklearn.pipeline import Pipeline
from sklearn.compose import ColumnTransformer
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestClassifier, GradientBoostingClassifier


def preprocessing(df: pd.DataFrame):
    X = df.drop("Price", axis=1)
    y = df["Price"]

    price_label_encoder = LabelEncoder()
    y = price_label_encoder.fit_transform(y)

    preprocessor = ColumnTransformer(
        transformers=[
            ("num", StandardScaler(), ["Year", "Engine Size", "Mileage"]),
            ("cat", OneHotEncoder(handle_unknown="ignore"), ["Fuel Type", "Transmission", "Condition", "Model"]),
        ],
        remainder="drop",
    )

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, random_state=42
    )

    with open(f"{cfg.DATA_DIR}/label_encoder.pkl", "wb") as f:
        pickle.dump(price_label_encoder, f)

    return preprocessor, X_train, y_train


def launch_pipeline(preprocessor, X_train: pd.DataFrame, y_train, mode: str = "v1"):
    if mode == "v1":
        pipeline = Pipeline(
            [
                ("preprocessor", preprocessor),
                ("classifier", RandomForestClassifier(n_estimators=1000, random_state=42)),
            ]
        )
    elif mode == "v2":
        pipeline = Pipeline(
            [
                ("preprocessor", preprocessor),
                ("classifier", GradientBoostingClassifier(n_estimators=100, random_state=42)),
            ]
        )

    pipeline.fit(X_train, y_train)

    with open(f"{cfg.MODELS_DIR}/model_{mode}.pkl", "wb") as f:
        pickle.dump(pipeline, f)


def train_models():
    df = pd.read_csv(f"{cfg.DATA_DIR}/car_price.csv")
    preprocessor, X_train, y_train = preprocessing(df)

    launch_pipeline(preprocessor, X_train, y_train, mode="v1")
    launch_pipeline(preprocessor, X_train, y_train, mode="v2")


if __name__ == "__main__":
    train_models()
