import uvicorn
from log.logger import logger
from services import service_provider
from app import app


def main_setup():
    setup_service = service_provider.SetupService
    setup_service.create_dirs()
    setup_service.validate_api_key()
    logger.info("OPENAI API key validated.")


def start_uvicorn():
    config = uvicorn.Config(
        app=app,
        port=8000,
        host="127.0.0.1",
    )
    logger.info("Starting Uvicorn...")
    server = uvicorn.Server(config)
    server.run()


if __name__ == "__main__":
    main_setup()
    start_uvicorn()
