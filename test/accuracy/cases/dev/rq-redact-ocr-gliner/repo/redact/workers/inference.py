import asyncio
import os
import sys
import time
from uuid import UUID

sys.path.append("/home/fw7th/.pyenv/versions/mlenv/lib/python3.10/site-packages/")
import cv2
import pytesseract
from sqlmodel import select

from redact.core.config import REDACT_DIR, UPLOAD_DIR
from redact.core.database import AsyncSessionLocal
from redact.services.storage import get_file_id_by_batch, update_batch_status_async
from redact.sqlschema.tables import Files, FileStatus

labels = ["person", "credit card number", "email", "phone number", "location"]


async def NER(batch_id: UUID, model):
    async with AsyncSessionLocal() as session:
        file_ids = await get_file_id_by_batch(batch_id, session)
        for file_id in file_ids:
            str_uuid = str(file_id)
            try:
                result = await session.execute(select(Files.json_data).where(Files.file_id == str_uuid))
                data = result.scalars().one()
                full_text = " ".join(item["text"] for item in data["ocr"])
                try:
                    entities = await asyncio.to_thread(model.predict_entities, full_text, labels)
                    entity_map = {}
                    for entity in entities:
                        for token in entity["text"].split(" "):
                            entity_map[token] = entity["label"]
                    for item in data["ocr"]:
                        if item["text"] in entity_map:
                            item["entity"] = entity_map[item["text"]]
                except Exception as e:
                    print(f"Error performing NER on images. {e}")

                json_table = await session.get(Files, str_uuid)
                json_table.json_data = data
                session.add(json_table)
                await session.commit()
            except Exception as e:
                print(f"An unexpected error occurred: {e}")


async def redact(batch_id: UUID):
    async with AsyncSessionLocal() as session:
        file_ids = await get_file_id_by_batch(batch_id, session)
        for file_id in file_ids:
            str_uuid = str(file_id)
            result = await session.execute(
                select(Files.filename, Files.json_data).where(Files.file_id == str_uuid)
            )
            image, data = result.first()
            image_name, old_extension = os.path.splitext(image)
            cv_image = cv2.imread(os.path.join(UPLOAD_DIR, image))
            copied_image = cv_image.copy()
            try:
                for item in data["ocr"]:
                    if item["entity"] is not None:
                        top_left, bottom_right = [[n // 3 for n in pt] for pt in item["bbox"]]
                        cv2.rectangle(copied_image, top_left, bottom_right, (0, 0, 0), -1)
                redact_image_name = f"{image_name}_redacted{old_extension}"
                cv2.imwrite(os.path.join(str(REDACT_DIR), redact_image_name), copied_image)
            except Exception as e:
                print(f"Could not resolve file name. Error: {e}")

            json_table = await session.get(Files, str_uuid)
            json_table.redact_filename = redact_image_name
            session.add(json_table)
            await session.commit()


async def document_ocr(batch_id: UUID):
    async with AsyncSessionLocal() as session:
        file_ids = await get_file_id_by_batch(batch_id, session)
        for file_id in file_ids:
            str_uuid = str(file_id)
            result = await session.execute(select(Files.filename).where(Files.file_id == str_uuid))
            document_path = os.path.join(UPLOAD_DIR, str(result.scalars().one()))
            img = cv2.imread(document_path)
            results = await asyncio.to_thread(pytesseract.image_to_data, img, output_type=pytesseract.Output.DICT)
            data = {"ocr": []}
            for i in range(len(results["text"])):
                if results["text"][i].strip():
                    x, y, w, h = results["left"][i], results["top"][i], results["width"][i], results["height"][i]
                    data["ocr"].append({"text": results["text"][i], "bbox": [(x, y), (x + w, y + h)], "entity": None})
            json_table = await session.get(Files, str_uuid)
            json_table.json_data = data
            session.add(json_table)
            await session.commit()


async def full_inference(batch_id: UUID, model):
    print(f"Processing batch: {batch_id}")
    try:
        start_time = time.perf_counter()
        await update_batch_status_async(batch_id, FileStatus.processing)
        await document_ocr(batch_id)
        await NER(batch_id, model)
        await redact(batch_id)
        await update_batch_status_async(batch_id, FileStatus.complete)
        print(f"Task {batch_id} completed after {time.perf_counter() - start_time:.3f} seconds")
    except Exception as e:
        print(f"Exception: {e}")
        await update_batch_status_async(batch_id, FileStatus.failed)


def sync_full_inference(batch_id: UUID, model, name: str):
    asyncio.run(full_inference(batch_id, model))
