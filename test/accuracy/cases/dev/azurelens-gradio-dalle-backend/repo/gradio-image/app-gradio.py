import gradio as gr
import requests

# calls the backend's /gerar-imagem endpoint
def chamar_api(prompt):
    url = "http://backend-image:9001/gerar-imagem"  # compose service name + internal port
    try:
        response = requests.get(url, params={"prompt_texto": prompt})
        if response.status_code == 200:
            dados = response.json()

            imagem_url = dados.get("imagem_url", "")

            html_imagem = f"""
                <img src="{imagem_url}" alt="Imagem gerada" width="100%">
            """

            return html_imagem

        else:
            return "<p class='conteudo'>Erro ao gerar imagem</p>", "Erro", "Verifique o servidor da API."
    except Exception as e:
        return f"<p class='conteudo'>Falha: {str(e)}</p>", "Erro", "Erro inesperado"


def build_ui():
    with gr.Blocks() as demo:
        gr.HTML('<div id="titulo">AzureLens</div>')

        with gr.Column(elem_classes="card"):
            entrada_texto = gr.Textbox(
                label="Texto:",
                placeholder="Escreva algo criativo...",
                lines=1,
                max_lines=1,
                scale=1
            )

            botao_enviar = gr.Button("Gerar")

            imagem_html = gr.HTML("<p class='conteudo'>Imagem ainda não gerada.</p>")

            botao_enviar.click(
                fn=chamar_api,
                inputs=entrada_texto,
                outputs=[imagem_html]
            )

    return demo

if __name__ == "__main__":
    ui = build_ui()
    ui.launch(server_name="0.0.0.0", server_port=7860, show_api=False)
