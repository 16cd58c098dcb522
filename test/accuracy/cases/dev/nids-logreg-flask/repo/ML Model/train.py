from logistic_regression import LogisticRegression

import pandas as pd

from sklearn.model_selection import train_test_split
from sklearn.metrics import accuracy_score, classification_report
from sklearn.preprocessing import StandardScaler, OneHotEncoder, LabelEncoder
from sklearn.compose import ColumnTransformer


def main():
    train_df = pd.read_csv("ML Model/KDDTrain+.txt", header=None)
    test_df = pd.read_csv("ML Model/KDDTest+.txt", header=None)

    X_train, y1_train = train_df.iloc[:, :-2], train_df.iloc[:, -2]
    X_test, y1_test = test_df.iloc[:, :-2], test_df.iloc[:, -2]

    y1_train_binary = y1_train.apply(lambda x: 'normal' if x == 'normal.' else 'anomaly')
    y1_test_binary = y1_test.apply(lambda x: 'normal' if x == 'normal.' else 'anomaly')

    le = LabelEncoder()
    le.fit(y1_train_binary)
    y1_train_encoded = le.transform(y1_train_binary)
    y1_test_encoded = le.transform(y1_test_binary)

    cat_col = [1, 2, 3]
    num_col = [i for i in range(X_train.shape[1]) if i not in cat_col]

    column_transformer = ColumnTransformer(
        transformers=[
            ('num', StandardScaler(), num_col),
            ('cat', OneHotEncoder(handle_unknown='ignore'), cat_col)
        ],
        remainder='passthrough'
    )

    column_transformer.fit(X_train)
    X_train_encoded = column_transformer.transform(X_train)
    X_test_encoded = column_transformer.transform(X_test)

    log_reg = LogisticRegression(lr=0.01, n_iter=1000)
    log_reg.fit(X_train_encoded, y1_train_encoded)

    y1_pred = log_reg.predict(X_test_encoded)
    print(accuracy_score(y1_test_encoded, y1_pred))
    print(classification_report(y1_test_encoded, y1_pred, target_names=le.classes_))


main()
