# 1주차: 간단한 모델 서빙 API (Week 1: a simple model-serving API)
# 이 코드는 동작하지만 프로덕션 준비가 되어 있지 않아요. 저장하면 진단이 표시됩니다.
# This code works but is not production ready. Save it to see the diagnostics.
from flask import Flask, request, jsonify
import pickle

app = Flask(__name__)

# TODO: 모델을 안전하게 로드하세요
# 고려사항:
# - 이 파일은 누가 만들었고, 중간에 바뀌지 않았다는 걸 어떻게 확인하나요?
# - pickle 대신 쓸 수 있는 형식은? (safetensors, skops, ONNX ...)
# - 모델 로딩이 실패하면 서버는 어떻게 동작해야 할까요?
model = pickle.load(open('model.pkl', 'rb'))


@app.route('/predict', methods=['POST'])
def predict():
    # TODO: 입력 검증
    # 고려사항:
    # - features는 몇 개이고, 어떤 타입이어야 하나요?
    # - 잘못된 요청에는 어떤 상태 코드를 돌려줄까요?
    data = request.json
    prediction = model.predict([data['features']])
    return jsonify({'prediction': prediction[0]})


# TODO: 헬스 체크 엔드포인트
# 고려사항:
# - "프로세스가 살아 있다"와 "요청을 받을 준비가 됐다"는 같은 뜻일까요?
# - 모델이 로드되지 않았다면 무엇을 반환해야 할까요?


if __name__ == '__main__':
    # TODO: 운영 환경에서는 어떤 서버로 실행할까요? debug는 어디서 켜고 끌까요?
    app.run(debug=True)
