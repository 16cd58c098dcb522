# DAG stub: the original replays one day of trips per run
