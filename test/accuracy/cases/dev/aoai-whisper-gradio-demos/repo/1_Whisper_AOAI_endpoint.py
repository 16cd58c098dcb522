import gradio as gr
import os
import openai

# Azure OpenAI endpoint parameters
openai.api_base = os.getenv('OPENAI_API_BASE')
openai.api_key = os.getenv('OPENAI_API_KEY')
openai.api_version = '2023-09-01-preview'
openai.api_type = 'azure'


def transcribe(audio):
    with open(audio, "rb") as audio_file:
        transcription = openai.Audio.transcribe(
            file=audio_file,
            deployment_id="laziz_whisper_we",
            model="laziz_whisper_we"
        )
    return transcription["text"]


demo = gr.Interface(
    transcribe, gr.Audio(source="microphone", type="filepath", label="Audio Recording"), "textbox",
    title="Demo App 1: Whisper model through Azure OpenAI endpoint",
    description="Record your speech and press Submit to transcribe it into text.",
)

if __name__ == "__main__":
    demo.launch()
