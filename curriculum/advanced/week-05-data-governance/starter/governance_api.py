#[ko] 고급 5주차: 데이터 거버넌스 서비스
#[ko] TODO: 데이터 거버넌스 시스템
#[ko] 고려사항:
#[ko] - 데이터 계보 추적: 데이터 출처와 변환 과정을 어디에 기록할까요?
#[ko] - 접근 제어: RBAC, 데이터 분류별 권한 관리
#[ko] - 감사 로깅: 모든 데이터 접근 기록, 규제 준수 보고서 자동 생성
#[en] Advanced week 5: a data-governance service
#[en] TODO: a data-governance system
#[en] Consider:
#[en] - lineage: where will you record where data came from and how it was transformed?
#[en] - access control: RBAC, permissions per data classification
#[en] - audit logging: a record of every data access, compliance reports generated automatically
import psycopg2
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field
from prometheus_client import Counter

DB_PASSWORD = 'gov-admin-2024!'

app = FastAPI()
PREDICTIONS = Counter('model_predictions_total', 'Predictions served')
conn = psycopg2.connect(host='warehouse', dbname='governance', user='gov', password=DB_PASSWORD)


class AccessRequest(BaseModel):
    user: str = Field(max_length=64)
    dataset: str = Field(max_length=128)


@app.get('/healthz')
def healthz():
    return {'status': 'ok'}


@app.post('/access')
def request_access(body: AccessRequest):
    cursor = conn.cursor()
    #[ko] TODO: 사용자 이름에 작은따옴표가 들어 있다면 이 쿼리는 무엇을 하게 될까요?
    #[en] TODO: what will this query do when the user name contains a single quote?
    cursor.execute(f"SELECT role FROM grants WHERE username = '{body.user}' AND dataset = '{body.dataset}'")
    row = cursor.fetchone()
    #[ko] TODO: 감사 로그 - 이 기록은 어디에 남고, 얼마나 보존되고, 누가 지울 수 있나요?
    #[en] TODO: audit log - where is this record kept, for how long, and who can delete it?
    print('access', body.user, body.dataset, row)
    if row is None:
        raise HTTPException(status_code=403, detail='no grant')
    return {'granted': True, 'role': row[0]}
