import pandas as pd
from sklearn.pipeline import Pipeline
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler, OneHotEncoder
from sklearn import ensemble
import joblib

data = pd.read_csv('Train_Loan_Home.csv')
columnsX = data.columns[1:-1]
columnsY = data.columns[-1]
catCol = ['Gender', 'Married', 'Education', 'Self_Employed', 'Property_Area', 'Dependents']
numWithScalingCol = ['ApplicantIncome', 'CoapplicantIncome', 'LoanAmount', 'Loan_Amount_Term']

preprocessor = ColumnTransformer(
    transformers=[
        ('num', Pipeline(steps=[('imputer', SimpleImputer(strategy='median')), ('scaler', StandardScaler())]), numWithScalingCol),
        ('cat', Pipeline(steps=[('imputer', SimpleImputer(strategy='constant', fill_value='missing')),
                                ('onehot', OneHotEncoder(handle_unknown='ignore'))]), catCol)])

modelPipeline = Pipeline(steps=[('preprocessor', preprocessor),
                                ('classifier', ensemble.RandomForestClassifier())])

modelPipeline.fit(data[columnsX], data[columnsY])
scores = modelPipeline.predict_proba(data[columnsX])[:, -1]
joblib.dump(modelPipeline, 'modelPipeline.pkl')
