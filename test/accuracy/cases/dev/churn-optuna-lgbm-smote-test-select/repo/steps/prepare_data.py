import pickle


def save_pickle_data(name, data):
    with open(name, "wb") as f:
        pickle.dump(data, f)

    return data


def load_split_processed_data():
    with open("cache/transformed_train_data.pkl", "rb") as f:
        train_data = convert_to_int(pickle.load(f))

    with open("cache/transformed_test_data.pkl", "rb") as f:
        test_data = convert_to_int(pickle.load(f))

    return (train_data, test_data)


def convert_to_int(df):
    for col in df.columns:
        if set(df[col].unique()) == {0.0, 1.0}:
            df[col] = df[col].astype(int)
    return df
