import gradio as gr
from ai_gradio_streaming_ollama import get_ai_tutor_streaming_response
import types


def tutor_chat_wrapper(prompt: str, level: int, history: list[dict] | None):
    """Bridge between Gradio Chatbot (messages API) and the streaming backend."""
    history = history or []

    history.append({"role": "user", "content": prompt})
    history.append({"role": "assistant", "content": ""})

    yield history, gr.update(value=""), history

    result = get_ai_tutor_streaming_response(prompt, level)

    if isinstance(result, types.GeneratorType):
        full_text = ""
        for chunk in result:
            full_text = chunk
            history[-1]["content"] = full_text
            yield history, gr.update(), history
    else:
        history[-1]["content"] = str(result)
        yield history, gr.update(), history


def create_streaming_interface():
    """Create and return the Gradio interface."""
    with gr.Blocks(title="AI Tutor", theme=gr.themes.Soft()) as demo:
        gr.Markdown("# AI Tutor")

        with gr.Row():
            with gr.Column(scale=1, min_width=330):
                explanation_level = gr.Slider(minimum=1, maximum=5, step=1, value=3, label="Explanation Level")
                user_input = gr.Textbox(lines=3, placeholder="Ask the AI tutor anything...", label="Your Question")
                with gr.Row():
                    submit_btn = gr.Button("Submit", variant="primary")
                    clear_btn = gr.Button("Clear")

            with gr.Column(scale=2):
                chat = gr.Chatbot(type="messages", label="AI Tutor Answer", height=420)
                state = gr.State([])

        submit_btn.click(
            fn=tutor_chat_wrapper,
            inputs=[user_input, explanation_level, state],
            outputs=[chat, user_input, state],
        )
        user_input.submit(
            fn=tutor_chat_wrapper,
            inputs=[user_input, explanation_level, state],
            outputs=[chat, user_input, state],
        )

        def clear_all():
            """Reset chat, input box, slider, and state."""
            return [], gr.update(value=""), gr.update(value=3), []

        clear_btn.click(fn=clear_all, inputs=[], outputs=[chat, user_input, explanation_level, state])

    return demo


if __name__ == "__main__":
    create_streaming_interface().launch(
        share=True,
        server_name="0.0.0.0",
        server_port=7860,
    )
