import gradio as gr
import whisper

paramfp16 = False  # True for fp16 on a GPU


def transcribe(audio):
    model = whisper.load_model("base")
    result = model.transcribe(audio, fp16=paramfp16)
    print(result["text"])
    return result["text"]


demo = gr.Interface(
    transcribe, gr.Audio(source="microphone", type="filepath", label="Audio Recording"), "textbox",
    title="Demo App 0: Whisper model in offline mode",
    description="Record your speech and press Submit. The audio file should be less than 25 MB.",
)

if __name__ == "__main__":
    demo.launch()
