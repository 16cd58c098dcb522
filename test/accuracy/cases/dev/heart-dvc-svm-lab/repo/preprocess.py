import os
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder

data = pd.read_csv('data/heart.csv')
data = data.rename(columns={'cp': 'chest_pain_type', 'thal': 'thalassemia'}, errors="raise")
data['sex'] = data['sex'].replace({0: 'female', 1: 'male'})


def label_encode_cat_features(data, cat_features):
    label_encoder = LabelEncoder()
    data_encoded = data.copy()
    for col in cat_features:
        data_encoded[col] = label_encoder.fit_transform(data[col])
    return data_encoded


cat_features = ['sex', 'chest_pain_type', 'thalassemia']
data = label_encode_cat_features(data, cat_features)
seed = 42
test_size = 0.25

X = data[data.columns.drop('target')]
y = data['target']
X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=test_size, random_state=seed)

pd.concat([X_train, y_train], axis=1).to_csv(os.path.join('data', 'train.csv'), index=False)
pd.concat([X_val, y_val], axis=1).to_csv(os.path.join('data', 'test.csv'), index=False)
