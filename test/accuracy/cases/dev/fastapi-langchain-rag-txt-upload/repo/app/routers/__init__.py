from app.routers.ping_router import ping_router
from app.routers.rag_router import rag_router
