from pydantic import BaseModel


class STT_layout(BaseModel):
    rec_id: int
    name: str
    text: str
