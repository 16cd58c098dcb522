from dotenv import load_dotenv
from openai import OpenAI
from fastapi import HTTPException, UploadFile
import os
import re
import tempfile

load_dotenv()

client = OpenAI(
    api_key=os.getenv("OPENAI_API_KEY"),
    default_headers={"OpenAI-Beta": "assistants=v2"}
)


class ChatService:
    @staticmethod
    async def chat_with_assistant(assistant_id: str, message: str = None, audio: UploadFile = None) -> str:
        try:
            if audio:
                if not audio.content_type.startswith('audio/'):
                    raise HTTPException(status_code=400, detail="The file must be audio")

                with tempfile.NamedTemporaryFile(delete=False, suffix='.wav') as temp_file:
                    content = await audio.read()
                    temp_file.write(content)
                    temp_file_path = temp_file.name

                try:
                    with open(temp_file_path, "rb") as audio_file:
                        transcript = client.audio.transcriptions.create(
                            model="whisper-1",
                            file=audio_file
                        )
                    message = transcript.text
                finally:
                    os.unlink(temp_file_path)

            if not message:
                raise HTTPException(status_code=400, detail="No message could be read from the audio")

            thread = client.beta.threads.create()

            client.beta.threads.messages.create(
                thread_id=thread.id,
                role="user",
                content=message
            )

            run = client.beta.threads.runs.create(
                thread_id=thread.id,
                assistant_id=assistant_id
            )

            while True:
                run_status = client.beta.threads.runs.retrieve(
                    thread_id=thread.id,
                    run_id=run.id
                )
                if run_status.status == 'completed':
                    break
                elif run_status.status in ['failed', 'cancelled', 'expired']:
                    raise Exception(f"Run failed with status: {run_status.status}")

            messages = client.beta.threads.messages.list(thread_id=thread.id)
            assistant_message = next(
                (msg for msg in messages.data if msg.role == "assistant"),
                None
            )

            if not assistant_message:
                raise Exception("No response from assistant")

            cleaned_response = re.sub(r"【\d+:\d+†[^】]+】", "", assistant_message.content[0].text.value)

            return {"message": cleaned_response}

        except HTTPException as he:
            raise he
        except Exception as e:
            error_message = f"Error chatting with the assistant: {str(e)}"
            print(f"Detailed error: {error_message}")
            raise HTTPException(
                status_code=500,
                detail=error_message
            )
