from fastapi import FastAPI

from apis.v1 import boston, iris, masklang

app = FastAPI(
    title="Katana ML API Serving",
    version="1.0",
    description="A production ready model deployment template",
)

app.include_router(iris.router)
app.include_router(boston.router)
app.include_router(masklang.router)
