import pickle

import numpy as np
import pandas as pd
from flask import Flask, jsonify, request

app = Flask(__name__)

COLUMNS = ['satisfaction_level', 'last_evaluation', 'number_project', 'average_montly_hours',
           'time_spend_company', 'Work_accident', 'promotion_last_5years', 'Department', 'salary']


@app.route('/employee_test', methods=['POST'])
def serve_employee_test():
    return "Hello World!"


@app.route('/employee_churn', methods=['POST'])
def serve_employee_churn():
    raw = request.data.decode().split(',')
    print(request.data)
    values = []
    for val in raw:
        if val.replace('.', '', 1).replace('"', '', 1).isdigit():
            values.append(float(val))
        else:
            values.append(str(val))
    print(values)
    data = pd.DataFrame([values], columns=COLUMNS)
    for feature in data:
        if data[feature].dtype == 'object':
            file = open('assets/' + feature + '_le.pkl', 'rb')
            encoder = pickle.load(file)
            file.close()
            data[feature] = encoder.transform(data[feature])

    file = open('assets/HR_Churn_Model.pkl', 'rb')
    model = pickle.load(file)
    file.close()

    try:
        predicted = model.predict(np.array(data.loc[0, :]).reshape(1, -1))
        print(predicted[0])
        return jsonify("Likely to leave" if predicted[0] == 1 else "Likely to stay")
    except Exception as e:
        print(e)
        return jsonify(e)


if __name__ == "__main__":
    app.run(debug=True, host='0.0.0.0', port=int(os.environ.get('PORT', 8080)))
