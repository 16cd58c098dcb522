import os

import joblib
import pandas as pd
from google.cloud import aiplatform
from sklearn import metrics
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier

PROJECT_ID = "iris-course-123456"
LOCATION = "us-central1"
BUCKET_URI = f"gs://mlops-course-{PROJECT_ID}-unique"
MODEL_ARTIFACT_DIR = "my-models/iris-classifier-week-1"

aiplatform.init(project=PROJECT_ID, location=LOCATION, staging_bucket=BUCKET_URI)


def load_and_prepare_data():
    data = pd.read_csv("app/data/iris.csv")
    train, test = train_test_split(data, test_size=0.4, stratify=data["species"], random_state=42)
    cols = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
    return train[cols], train.species, test[cols], test.species


def train_model(X_train, y_train):
    mod_dt = DecisionTreeClassifier(max_depth=3, random_state=1)
    mod_dt.fit(X_train, y_train)
    return mod_dt


def evaluate_model(model, X_test, y_test):
    prediction = model.predict(X_test)
    accuracy = metrics.accuracy_score(prediction, y_test)
    print("The accuracy of the Decision Tree is", "{:.3f}".format(accuracy))
    return accuracy


def save_and_upload_model(model, bucket_uri, model_artifact_dir):
    joblib.dump(model, "app/artifacts/model.joblib")
    exit_code = os.system(f"gsutil mb -l {LOCATION} -p {PROJECT_ID} {bucket_uri}")
    if exit_code == 0:
        print(f"Bucket {bucket_uri} created or already exists")
    else:
        print(f"Failed to create bucket {bucket_uri}, it may already exist")
    upload_exit_code = os.system(f"gsutil cp app/artifacts/model.joblib {bucket_uri}/{model_artifact_dir}/")
    if upload_exit_code == 0:
        print(f"Model artifacts uploaded to {bucket_uri}/{model_artifact_dir}/")
    else:
        print(f"Failed to upload model artifacts to {bucket_uri}/{model_artifact_dir}/")


def main():
    X_train, y_train, X_test, y_test = load_and_prepare_data()
    model = train_model(X_train, y_train)
    evaluate_model(model, X_test, y_test)
    save_and_upload_model(model, BUCKET_URI, MODEL_ARTIFACT_DIR)


if __name__ == "__main__":
    main()
