from fastapi import APIRouter, Request
from log import logger
from fastapi import HTTPException
from fastapi.responses import HTMLResponse
from templates import templates
from datetime import datetime

ping_router = APIRouter()


@ping_router.get(path="/ping", response_class=HTMLResponse)
async def ping(
    request: Request
) -> HTMLResponse:
    try:
        title = request.app.title
        version = request.app.version
        timestamp = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    except Exception as e:
        err = f"Error occured while generating ping message: {str(e)}"
        logger.error(err)
        raise HTTPException(
            status_code=404,
            detail=err,
        )
    return templates.TemplateResponse(
        request=request,
        name="ping.html",
        context={"title": title, "version": version, "timestamp": timestamp},
    )
