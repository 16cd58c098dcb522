import sys

import joblib
import pandas as pd
import yaml
from sklearn.ensemble import GradientBoostingRegressor, RandomForestRegressor
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_squared_error


def train_and_evaluate_model(X_train, X_test, y_train, y_test, model_name, model_params):
    # drop the "type" key, it is not a constructor argument
    model_params = {k: v for k, v in model_params.items() if k != "type"}

    if model_name == "linear_regression":
        model = Ridge(**model_params)
    elif model_name == "random_forest":
        model = RandomForestRegressor(**model_params)
    elif model_name == "gradient_boosting":
        model = GradientBoostingRegressor(**model_params)
    else:
        raise ValueError(f"unsupported model: {model_name}")

    model.fit(X_train, y_train)
    y_pred = model.predict(X_test)
    mse = mean_squared_error(y_test, y_pred)
    return model, mse


def main(train_file, test_file, params_file, output_model_file):
    train_df = pd.read_csv(train_file)
    test_df = pd.read_csv(test_file)

    with open(params_file) as f:
        params = yaml.safe_load(f)

    features = params["preprocessing"]["features"]
    target = params["preprocessing"]["target"]

    X_train = train_df[features]
    y_train = train_df[target]
    X_test = test_df[features]
    y_test = test_df[target]

    best_model = None
    best_mse = float("inf")
    best_model_name = None

    for model_name, model_params in params["models"].items():
        model, mse = train_and_evaluate_model(X_train, X_test, y_train, y_test, model_name, model_params)
        print(f"{model_name} - MSE: {mse}")
        if mse < best_mse:
            best_mse = mse
            best_model = model
            best_model_name = model_name

    joblib.dump(best_model, output_model_file)
    print(f"best model {best_model_name} with MSE {best_mse}, saved to {output_model_file}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4])
