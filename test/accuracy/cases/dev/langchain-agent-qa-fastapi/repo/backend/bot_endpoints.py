from typing import Callable

from fastapi import APIRouter, Request, Response
from fastapi.routing import APIRoute
from openai import error
from pydantic import BaseModel

from qa_sys import agent


class LoggingRoute(APIRoute):
    def get_route_handler(self) -> Callable:
        original = super().get_route_handler()

        async def handler(request: Request) -> Response:
            response: Response = await original(request)
            print(f"Responded to {await request.body()} with {response.body}")
            return response

        return handler


router = APIRouter(prefix="/api/qa", route_class=LoggingRoute)


class QARequest(BaseModel):
    query: str


@router.post("/")
async def answer(request: QARequest):
    try:
        response = agent["agent"].run(agent["prompt"].format(query=request.query))
    except (error.RateLimitError, error.Timeout):
        # rate limited or timed out upstream
        return {"response": "Sorry, I'm a little overloaded, could you ask again in a few minutes?"}
    except error.InvalidRequestError:
        # the agent sometimes sends a request the API refuses
        return {"response": "Sorry, I lost track, could you repeat the question?"}
    return {"response": response}
