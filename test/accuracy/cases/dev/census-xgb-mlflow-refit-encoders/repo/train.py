import xgboost as xgb
from xgboost.sklearn import XGBClassifier
import pandas as pd
import mlflow
from mlflow import sklearn
from sklearn.preprocessing import LabelEncoder
from sklearn.metrics import accuracy_score
import matplotlib.pyplot as plt
import seaborn as sns

COLUMNS = (
    'age', 'workclass', 'fnlwgt', 'education', 'education-num', 'marital-status',
    'occupation', 'relationship', 'race', 'sex', 'capital-gain', 'capital-loss',
    'hours-per-week', 'native-country', 'income-level'
)

CATEGORICAL_COLUMNS = (
    'workclass', 'education', 'marital-status', 'occupation',
    'relationship', 'race', 'sex', 'native-country'
)

with open('./census_data/adult.data', 'r') as train_data:
    raw_training_data = pd.read_csv(train_data, header=None, names=COLUMNS)
train_features = raw_training_data.drop('income-level', axis=1)
train_labels = (raw_training_data['income-level'] == ' >50K')

with open('./census_data/adult.test', 'r') as test_data:
    raw_testing_data = pd.read_csv(test_data, names=COLUMNS, skiprows=1)
test_features = raw_testing_data.drop('income-level', axis=1)
test_labels = (raw_testing_data['income-level'] == ' >50K.')

encoders = {col:LabelEncoder() for col in CATEGORICAL_COLUMNS}
for col in CATEGORICAL_COLUMNS:
    train_features[col] = encoders[col].fit_transform(train_features[col])
for col in CATEGORICAL_COLUMNS:
    test_features[col] = encoders[col].fit_transform(test_features[col])

# sort the columns so the served model gets them in a fixed order
train_features = train_features.reindex(sorted(train_features.columns), axis=1)
test_features = test_features.reindex(sorted(test_features.columns), axis=1)

with mlflow.start_run():
    params = {'learning_rate': 0.1, 'n_estimators': 100, 'seed': 0, 'subsample': 1, 'colsample_bytree': 1,
                  'objective': 'binary:logistic', 'max_depth': 3}

    for key in params:
        mlflow.log_param(key, params[key])

    gbtree = XGBClassifier(**params)
    gbtree.fit(train_features, train_labels)

    importances = gbtree.get_booster().get_fscore()
    print(importances)

    y_pred = gbtree.predict(test_features)

    accuracy = accuracy_score(test_labels, y_pred)
    print("Accuracy: %.1f%%" % (accuracy * 100.0))

    mlflow.log_metric("accuracy", accuracy)

    sns.set(font_scale=1.5)
    xgb.plot_importance(gbtree)
    plt.savefig("importance.png", dpi = 200, bbox_inches = "tight")

    mlflow.log_artifact("importance.png")

    mlflow.sklearn.log_model(gbtree, "model")
