import logging
from fastapi import WebSocket, WebSocketDisconnect, Depends
from langchain.vectorstores import VectorStore

from src.api.callback import StreamingLLMCallbackHandler, QuestionGenCallbackHandler
from src.api.query_data import get_chain
from src.api.schemas import ChatResponse
from fastapi.routing import APIRouter
from src.api.utils import get_file_content


router = APIRouter(tags=['virtual_assistant'])


@router.websocket("/chat")
async def websocket_endpoint(
        websocket: WebSocket,
        vectorstore: VectorStore = Depends(get_file_content)
        ):
    await websocket.accept()
    question_handler = QuestionGenCallbackHandler(websocket)
    stream_handler = StreamingLLMCallbackHandler(websocket)
    qa_chain = get_chain(vectorstore, question_handler, stream_handler)

    while True:
        try:
            question = await websocket.receive_text()
            resp = ChatResponse(sender="you", message=question, type="stream")
            await websocket.send_json(resp.dict())

            start_resp = ChatResponse(sender="bot", message="", type="start")
            await websocket.send_json(start_resp.dict())

            await qa_chain.acall(
                {"question": question}
            )

            end_resp = ChatResponse(sender="bot", message="", type="end")
            await websocket.send_json(end_resp.dict())
        except WebSocketDisconnect:
            logging.info("websocket disconnect")
            break
        except Exception as e:
            logging.error(e)
            resp = ChatResponse(
                sender="bot",
                message="Sorry, something went wrong. Try again.",
                type="error",
            )
            await websocket.send_json(resp.dict())
