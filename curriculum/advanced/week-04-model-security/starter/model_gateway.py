# 고급 4주차: 모델 게이트웨이 (Advanced week 4: a model gateway)
# TODO: ML 모델 보안 구현
# 고려사항: 적대적 공격 방어(입력 검증, 적대적 훈련), 모델 암호화, 모델 서명
import pickle
import subprocess

from flask import Flask, jsonify, request
from prometheus_client import Counter

app = Flask(__name__)
PREDICTIONS = Counter('model_predictions_total', 'Predictions served')


@app.get('/healthz')
def healthz():
    return jsonify(status='ok')


@app.post('/models/<name>/evaluate')
def evaluate(name):
    # TODO: 업로드된 바이트를 pickle로 열면 무엇이 실행될 수 있나요?
    model = pickle.loads(request.files['model'].read())
    # TODO: 전처리 식을 사용자에게서 받아 실행해도 될까요? 대신 무엇을 허용할까요?
    transform = eval(request.form['preprocess'])
    rows = [transform(r) for r in request.get_json()['rows']]
    return jsonify(predictions=model.predict(rows).tolist())


@app.post('/models/<name>/convert')
def convert(name):
    # TODO: name이 "x; rm -rf /" 라면 어떤 명령이 실행될까요?
    subprocess.run(f'onnx-convert --model {name} --out /models/{name}.onnx', shell=True, check=True)
    return jsonify(status='converted')
