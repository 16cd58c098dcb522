from fastapi.responses import JSONResponse


class HTTPException(Exception):
    status_code = 500
    message = "Internal error"

    def to_response(self, message):
        return JSONResponse(status_code=self.status_code, content={"detail": message})


class NotProcessingException(HTTPException):
    status_code = 404
    message = "No such task"


class StillProcessingException(HTTPException):
    status_code = 202
    message = "Still processing"
