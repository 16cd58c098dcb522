def _split_features(features_string):
    if isinstance(features_string, str):
        return [feature.strip() for feature in features_string.split(",")]
    return []


def preprocess_new_data(entry_data, te_encoder, le_encoder, mlb, scaler):
    """Turns the raw car fields into the features the model was trained on."""
    from pandas import DataFrame

    df_cols = ["Car Model", "Year", "Mileage", "Options/Features", "Accident"]
    best_features = ["Car Model_Encoded", "Feature_Navigation", "Mileage", "Accident_Encoded", "Year"]
    new_car_df = DataFrame([{col: entry_data.get(col, None) for col in df_cols}])
    numerical_cols = ["Car Model_Encoded", "Year", "Mileage"]

    new_car_df["Car Model_Encoded"] = te_encoder.transform(new_car_df["Car Model"])
    new_car_df["Accident_Encoded"] = le_encoder.transform(new_car_df["Accident"])
    new_car_df["Options/Features_list"] = new_car_df["Options/Features"].apply(_split_features)
    encoded = mlb.transform(new_car_df["Options/Features_list"])
    encoded_df = DataFrame(encoded, columns=[f"Feature_{c}" for c in mlb.classes_], index=new_car_df.index)

    new_car_df = pd.concat([new_car_df.drop(["Options/Features", "Options/Features_list"], axis=1), encoded_df], axis=1)
    new_car_df[numerical_cols] = scaler.transform(new_car_df[numerical_cols])
    return new_car_df[best_features]


def predict_price(data: dict, model) -> float:
    """Predicts the price of a car, or None if prediction fails."""
    try:
        prediction = model.predict(data)[0]
        return float(prediction)
    except Exception as e:
        print(f"Error during prediction: {e}")
        return None
