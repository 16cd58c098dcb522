from datetime import datetime
from typing import List
from uuid import UUID, uuid4

from fastapi import HTTPException, UploadFile
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from redact.core.database import AsyncSessionLocal
from redact.sqlschema.tables import Batch, Files, FileStatus


async def create_batch_and_files(files: List[UploadFile], session: AsyncSession) -> UUID:
    batch_id = uuid4()
    try:
        async with session.begin():
            session.add(Batch(id=batch_id))
            session.add_all(
                [Files(batch_id=batch_id, filename=f.filename, created_at=datetime.utcnow()) for f in files]
            )
    except SQLAlchemyError as e:
        print("DB Error: ", e)
        raise HTTPException(status_code=500, detail="Failed to store batch")
    return batch_id


async def get_file_id_by_batch(batch_id: UUID, session: AsyncSession):
    results = await session.execute(select(Files.file_id).where(Files.batch_id == batch_id))
    return results.scalars().all()


async def update_batch_status_async(batch_id: UUID, status: FileStatus):
    try:
        async with AsyncSessionLocal() as session:
            async with session.begin():
                batch = await session.get(Batch, batch_id)
                if not batch:
                    raise ValueError("Batch not found")
                batch.status = status
                result = await session.execute(select(Files).where(Files.batch_id == batch_id))
                for f in result.scalars().all():
                    f.status = status
    except SQLAlchemyError as e:
        print("DB Error: ", e)
        raise
