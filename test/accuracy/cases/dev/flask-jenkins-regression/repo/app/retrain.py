from model_func import model_load, model_save, preprocess_scale, preprocess_split, retrain

model = model_load("model/model.pkl")
X_train, X_test, y_train, y_test = preprocess_split("model/data/elementary.csv")
X_train = preprocess_scale(X_train)
X_test = preprocess_scale(X_test)
model = retrain(model, X_train, y_train)
model_save(model, "model/model.pkl")
