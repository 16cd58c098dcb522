import joblib


def load_model():
    return joblib.load("regression.joblib")


def make_prediction(size, nb_rooms, garden, model):
    return model.predict([[size, nb_rooms, garden]])
