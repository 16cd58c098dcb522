import pandas as pd
import pickle
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder, StandardScaler
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score

train = pd.read_csv('Dataset/train.csv')
train.drop(columns=['Loan_ID'], inplace=True)

imputer = SimpleImputer(strategy='most_frequent')
train.iloc[:, :] = imputer.fit_transform(train)

label_encoders = {}
for col in ['Gender', 'Married', 'Property_Area', 'Loan_Status']:
    le = LabelEncoder()
    train[col] = le.fit_transform(train[col])
    label_encoders[col] = le

X = train.drop(columns=['Loan_Status'])
y = train['Loan_Status']

scaler = StandardScaler()
X[['ApplicantIncome', 'LoanAmount', 'Credit_History']] = scaler.fit_transform(X[['ApplicantIncome', 'LoanAmount', 'Credit_History']])

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)

model = LogisticRegression()
model.fit(X_train, y_train)

y_pred = model.predict(X_test)
accuracy = accuracy_score(y_test, y_pred)
print(f'Model Accuracy: {accuracy:.2f}')

with open('model.pkl', 'wb') as file:
    pickle.dump(model, file)

with open('scaler.pkl', 'wb') as file:
    pickle.dump(scaler, file)

with open('label_encoders.pkl', 'wb') as file:
    pickle.dump(label_encoders, file)
