# Telco customer churn: model training
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

df = pd.read_csv("WA_Fn-UseC_-Telco-Customer-Churn.csv")
print("Dataset shape:", df.shape)

df["TotalCharges"] = pd.to_numeric(df["TotalCharges"], errors="coerce")
df.loc[(df["TotalCharges"].isnull()) & (df["tenure"] == 0), "TotalCharges"] = 0

X = df.drop(columns=["customerID", "Churn"])
y = df["Churn"].map({"No": 0, "Yes": 1})

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.20, random_state=42, stratify=y)

categorical_columns = X.select_dtypes(include=["object", "string"]).columns
numeric_columns = X.select_dtypes(include=["number"]).columns

preprocessor = ColumnTransformer(
    transformers=[
        ("cat", OneHotEncoder(handle_unknown="ignore"), categorical_columns),
        ("num", StandardScaler(), numeric_columns),
    ]
)

logistic_model = Pipeline(steps=[("preprocessor", preprocessor), ("model", LogisticRegression(max_iter=1000))])
logistic_model.fit(X_train, y_train)
logistic_predictions = logistic_model.predict(X_test)
print("Logistic Regression Accuracy:", accuracy_score(y_test, logistic_predictions) * 100)
print(classification_report(y_test, logistic_predictions, target_names=["Stay", "Churn"]))

random_forest_model = Pipeline(
    steps=[("preprocessor", preprocessor), ("model", RandomForestClassifier(n_estimators=100, random_state=42))]
)
random_forest_model.fit(X_train, y_train)
random_forest_predictions = random_forest_model.predict(X_test)
print("Random Forest Accuracy:", accuracy_score(y_test, random_forest_predictions) * 100)
print(classification_report(y_test, random_forest_predictions, target_names=["Stay", "Churn"]))
