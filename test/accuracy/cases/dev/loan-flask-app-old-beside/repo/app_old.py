from flask import Flask, render_template, request
import numpy as np
import pickle


app = Flask(__name__)
model = pickle.load(open('model.pkl', 'rb'))


@app.route('/')
def home():
    return render_template('index.html')


@app.route('/prediction', methods=['POST'])
def prediction():
    depen = request.form['Dependents']
    if depen == '3+':
        depen = 3
    else:
        depen = int(depen)
    appl_inc = float(request.form['ApplicantIncome'])
    LoanAm = float(request.form['LoanAmount'])
    cred_hist = request.form['Credit_History']
    if cred_hist == 'Yes':
        cred_hist = 1
    else:
        cred_hist = 0
    input = np.array([depen, appl_inc, LoanAm, cred_hist])
    print(input)
    input = input.reshape(1, -1)
    predict = model.predict(input)
    if predict == 1:
        output = "Yes"
    else:
        output = "No"
    return render_template('index.html', pred_text="Loan Approved? " + output)


if __name__ == "__main__":
    app.run(debug=True)
