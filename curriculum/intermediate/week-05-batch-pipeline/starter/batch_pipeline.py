#[ko] 중급 5주차: 배치 피처 파이프라인
#[ko] TODO: 데이터 검증 및 전처리 파이프라인
#[ko] 고려사항: 데이터 버전 관리, 병렬 처리, 에러 복구, 멱등성(같은 날짜를 두 번 돌리면?)
#[en] Intermediate week 5: a batch feature pipeline
#[en] TODO: a data validation and preprocessing pipeline
#[en] Consider: data versioning, parallelism, error recovery, idempotency (what if the same date runs twice?)
import sqlite3

import pandas as pd
import yaml
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler


def load_config(path):
    with open(path) as f:
        #[ko] TODO: 이 설정 파일에 `!!python/object`가 들어 있다면?
        #[en] TODO: what if this config file contains `!!python/object`?
        return yaml.load(f)


def extract(conn, table, run_date):
    #[ko] TODO: run_date가 "2024-01-01' OR '1'='1" 이라면 어떤 쿼리가 실행될까요?
    #[en] TODO: which query runs when run_date is "2024-01-01' OR '1'='1"?
    return pd.read_sql(f"SELECT * FROM {table} WHERE event_date = '{run_date}'", conn)


def validate_schema(df, columns):
    """데이터 스키마 검증"""  #[ko]
    """Validate the data schema"""  #[en]
    #[ko] TODO: 스키마 불일치 감지 - 누락 컬럼, 타입, 범위, null 비율
    #[en] TODO: detect schema drift - missing columns, types, ranges, share of nulls
    pass


def build_training_set(df, columns, label, test_size):
    X = df[columns]
    y = df[label]
    #[ko] TODO: 스케일러는 어떤 데이터의 통계를 배워야 할까요?
    #[en] TODO: which data should the scaler learn its statistics from?
    X = StandardScaler().fit_transform(X)
    return train_test_split(X, y, test_size=test_size, random_state=7)


def run(run_date):
    config = load_config('pipeline_config.yaml')
    conn = sqlite3.connect('warehouse.db')
    df = extract(conn, config['source_table'], run_date)
    validate_schema(df, config['columns'])
    return build_training_set(df, config['columns'], 'churned', config['test_size'])
