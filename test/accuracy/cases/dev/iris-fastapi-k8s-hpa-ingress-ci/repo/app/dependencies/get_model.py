from fastapi import Request


def get_model(request: Request):
    return getattr(request.app.state, "model", None)
