import secrets
import gradio as gr
from contextlib import asynccontextmanager
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.middleware.sessions import SessionMiddleware
from app.auth.dependencies.token_utils import auth_for_gradio
from app.api.router import api_router
from app.core.config import web_settings
from app.core.db import MongoDB
from app.services.disease import DiseasePredictionService
from app.web.chatbot import chat_window

@asynccontextmanager
async def app_lifespan( app: FastAPI ):

    monogo = MongoDB()
    await monogo.init_beanie()
    app.state.mongo = monogo

    predict_service = DiseasePredictionService()
    await predict_service.models_init()
    app.state.predict_service = predict_service

    yield

    await monogo.close()
    chat_window.close()

app = FastAPI( lifespan = app_lifespan )
app.include_router( api_router )

app = gr.mount_gradio_app( app,
                           chat_window,
                           path = "/chatbot",
                           auth_dependency = auth_for_gradio,
)

app.add_middleware(
    CORSMiddleware,
    allow_origins = [ "https://weiwei032835.github.io",
                       web_settings().FRONTEND_URL ],
    allow_credentials = True,
    allow_methods = [ "*" ],
    allow_headers = [ "*" ]
)
app.add_middleware( SessionMiddleware, secret_key = secrets.token_urlsafe( 32 ) )

@app.get( "/" )
def greet_json():
    return { "Hello": "World" }

@app.get( "/check" )
async def check_status():
    if await app.state.mongo.ping_server():
        return { "status": "running" }
    else:
        return { "status": "error" }


# uvicorn app.main:app --reload
if __name__ == "__main__":
    import uvicorn
    uvicorn.run( "app.main:app", host = "localhost", port = 8000, reload = True )
