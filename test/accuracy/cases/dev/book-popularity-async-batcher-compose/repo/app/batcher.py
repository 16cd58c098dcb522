import asyncio
import uuid
from typing import Any, Dict


class Batcher:
    def __init__(self) -> None:
        self.futures: Dict[str, asyncio.Future] = {}

    async def enqueue(self, input_data: Any) -> str:
        rid = uuid.uuid4().hex
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        self.futures[rid] = fut
        asyncio.create_task(self._process(rid, input_data))
        return rid

    async def _process(self, rid: str, input_data: Any) -> None:
        try:
            await asyncio.sleep(0.1)
            result = {"status": "ok", "input_length": len(input_data) if hasattr(input_data, '__len__') else None}
            fut = self.futures.get(rid)
            if fut and not fut.done():
                fut.set_result(result)
        except Exception as exc:
            fut = self.futures.get(rid)
            if fut and not fut.done():
                fut.set_exception(exc)
