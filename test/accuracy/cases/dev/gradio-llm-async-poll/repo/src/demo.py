import gradio as gr

import api
from schemas import LLMRequest


async def generate(prompt: str, max_new_tokens: int, temperature: float, top_k: int):
    req = LLMRequest(prompt=prompt, max_new_tokens=max_new_tokens, temperature=temperature, top_k=top_k)
    task_id: str = await api.api_post(req)
    result: str = await api.api_get(task_id, 5)
    return result


with gr.Blocks() as demo:
    prompt = gr.Textbox(lines=40, max_lines=40, label="Enter prompt")
    gen = gr.Button("Generate")
    max_new_tokens = gr.Number(label="Max New Tokens", value=16)
    temperature = gr.Slider(0.0, 1.0, label="Temperature", value=1.0)
    top_k = gr.Slider(0, 100, label="Top K", value=50)
    res = gr.Textbox(lines=60, max_lines=60, label="result")
    gen.click(fn=generate, inputs=[prompt, max_new_tokens, temperature, top_k], outputs=res)


demo.launch(server_name="0.0.0.0", server_port=7860)
