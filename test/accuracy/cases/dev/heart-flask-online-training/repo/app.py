from flask import Flask, request, jsonify, render_template
import numpy as np
from model import MLmodel

app = Flask(__name__)
mlmodel = MLmodel()


@app.route('/')
def home():
    return render_template('main.html')


@app.route('/predict', methods=['GET', 'POST'])
def predict():
    if request.method == 'POST':
        if request.is_json:
            data = request.get_json()
            features = np.array(data["features"]).reshape(1, -1)
            prediction = mlmodel.predict(features)[0]
            return jsonify({"prediction": prediction})
        else:
            age = int(request.form['age'])
            sex = request.form.get('sex')
            cp = int(request.form.get('cp'))
            chol = int(request.form['chol'])
            oldpeak = float(request.form['oldpeak'])
            data = np.array([[age, sex, cp, chol, oldpeak]], dtype=float)
            my_prediction = mlmodel.predict(data)[0]
            print(data, my_prediction)
            return render_template('result.html', prediction=my_prediction)


if __name__ == "__main__":
    app.run(debug=True, host="0.0.0.0", port=5000)
