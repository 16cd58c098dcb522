# redis-server &
# python worker.py &

CUDA_VISIBLE_DEVICES=1 uvicorn main:app --host 10.136.17.32
