import os

import matplotlib.pyplot as plt
import pandas as pd
import skops.io as sio
from imblearn.over_sampling import SMOTE
from sklearn.impute import KNNImputer, SimpleImputer
from sklearn.metrics import ConfusionMatrixDisplay, accuracy_score, confusion_matrix, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import OrdinalEncoder, RobustScaler
from sklearn.tree import DecisionTreeClassifier
from sklearn_features.transformers import DataFrameSelector

loan_df = pd.read_csv("data/loan_sanction_train.csv")
loan_df.drop("Loan_ID", axis=1, inplace=True)
loan_df = loan_df.sample(frac=1)

data = loan_df.copy()
data["TotalIncome"] = data["ApplicantIncome"] + data["CoapplicantIncome"]
data["EMI"] = data["LoanAmount"] / data["Loan_Amount_Term"]

X = data.drop("Loan_Status", axis=1)
y = data["Loan_Status"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42, stratify=y)

y_train = y_train.map({"Y": 1, "N": 0})
y_test = y_test.map({"Y": 1, "N": 0})
Numerical_columns = X.select_dtypes(include="number").columns.to_list()
Categorical_columns = X.select_dtypes(exclude="number").columns.to_list()

numerical_pipeline = Pipeline(steps=[
    ("selector", DataFrameSelector(Numerical_columns)),
    ("impute", KNNImputer(n_neighbors=5)),
    ("scaler", RobustScaler()),
])
category_pipeline = Pipeline(steps=[
    ("selector", DataFrameSelector(Categorical_columns)),
    ("impute", SimpleImputer(strategy="most_frequent")),
    ("encoder", OrdinalEncoder()),
])
all_pipe = FeatureUnion(transformer_list=[("num", numerical_pipeline), ("categ", category_pipeline)])

X_train_final = all_pipe.fit_transform(X_train)
X_test_final = all_pipe.transform(X_test)

oversample = SMOTE()
X_train_Smote, y_train_Smote = oversample.fit_resample(X_train_final, y_train)

clf = DecisionTreeClassifier(ccp_alpha=0.01, splitter="best")
clf.fit(X_train_final, y_train)

train_predictions = clf.predict(X_train_final)
test_predictions = clf.predict(X_test_final)

train_accuracy = accuracy_score(y_train, train_predictions).round(2)
test_accuracy = accuracy_score(y_test, test_predictions).round(2)
print(f"Accuracy of Training Data : {train_accuracy*100} %")
print(f"Accuracy of Test Data : {test_accuracy*100} %")
test_f1 = f1_score(y_test, test_predictions).round(2)
print(f"F1-Score of Test Data : {test_f1*100} %")

with open("./results/metrics.txt", "w") as file:
    file.write(f"Accuracy of Test Data : {test_accuracy * 100} %\nF1-Score of Test Data: {test_f1 * 100} %\n")

try:
    cm_test = confusion_matrix(y_test, test_predictions)
    ConfusionMatrixDisplay(confusion_matrix=cm_test, display_labels=[0, 1]).plot(cmap="Blues")
    image_path = "./results/confusionmatrix.png"
    plt.savefig(image_path)
    plt.close()
    if os.path.isfile(image_path):
        print(f"Confusion matrix image successfully created at {image_path}.")
except Exception as e:
    print(f"Error during confusion matrix creation: {e}")

# Saving model
sio.dump(all_pipe, "model/loan_pipeline.skops")
sio.load("model/loan_pipeline.skops", trusted=True)
