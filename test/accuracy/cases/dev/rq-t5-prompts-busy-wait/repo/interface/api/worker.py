import sys

from rq import Connection, SimpleWorker

from worker_helper import init

model_card = "t5-large"

with Connection():
    qs = sys.argv[1:] or ["default"]
    init(model_card)  # load the model once, before the worker starts
    w = SimpleWorker(qs)  # SimpleWorker does not fork
    w.work()
