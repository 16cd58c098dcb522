
import pickle

from flask import Flask
from flask import request
from flask import jsonify


model_file = 'model_C=10.bin'

with open(model_file, 'rb') as f_in:
    dv, model = pickle.load(f_in)

app = Flask('diabetes')


@app.route('/predict', methods=['POST'])
def predict():
    trial_participant = request.get_json()

    X = dv.transform([trial_participant])
    y_pred = model.predict_proba(X)[0, 1]
    churn = y_pred >= 0.5

    result = {
        'diabetes_probability': float(y_pred),
        'diabetes': bool(churn)
    }

    return jsonify(result)


# trial_participant = {'pregnancies': 10, 'glucose': 111, 'blood_pressure': 70, 'age': 40}
# print('diabetes probability ', y_pred)

if __name__ == "__main__":
    app.run(debug=True, host='0.0.0.0', port=9696)
