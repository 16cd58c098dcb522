#[ko] 중급 6주차: 스트리밍 스코어러
#[ko] TODO: 스트리밍 ML 파이프라인을 설계하세요
#[ko] 고려사항:
#[ko] - 처리 중에 프로세스가 죽으면, 그 메시지는 다시 처리되나요? (오프셋 커밋 시점)
#[ko] - 실패한 메시지는 어디로 가야 하나요? (데드 레터 큐)
#[ko] - 컨슈머가 뒤처지고 있다는 건 어떻게 알 수 있나요?
#[en] Intermediate week 6: a streaming scorer
#[en] TODO: design a streaming ML pipeline
#[en] Consider:
#[en] - if the process dies mid-message, is that message processed again? (when offsets are committed)
#[en] - where should failed messages go? (a dead-letter queue)
#[en] - how do you know the consumer is falling behind?
import json

import joblib
import requests
from fastapi import FastAPI
from kafka import KafkaConsumer
from prometheus_client import Counter

app = FastAPI()
PREDICTIONS = Counter('model_predictions_total', 'Predictions served')
model = joblib.load('model.joblib')


@app.get('/healthz')
def healthz():
    #[ko] TODO: 컨슈머 스레드가 멈췄다면 여기서 어떻게 알려 줄까요?
    #[en] TODO: if the consumer thread has stopped, how does this endpoint say so?
    return {'status': 'ok'}


def score_events():
    consumer = KafkaConsumer('transactions', bootstrap_servers='kafka:9092', group_id='fraud-scorer')
    for message in consumer:
        try:
            event = json.loads(message.value)
            #[ko] TODO: 데이터 품질 검사 - 필수 필드, 값의 범위
            #[en] TODO: data-quality checks - required fields, value ranges
            score = model.predict_proba([event['features']])[0][1]
            requests.post('http://alerts:8080/fraud', json={'id': event['id'], 'score': score})
            print('scored', event['id'], score)
        except Exception:
            #[ko] TODO: 이 메시지는 어떻게 되나요? 누가 알게 되나요?
            #[en] TODO: what happens to this message? Who finds out?
            continue
