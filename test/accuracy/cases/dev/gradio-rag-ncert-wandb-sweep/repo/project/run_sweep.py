import shutil
from pathlib import Path

import wandb
from dotenv import load_dotenv
from scipy.spatial.distance import cosine

from rag.config import settings
from rag.ingestion import load_pdfs
from rag.splitting import split_docs
from rag.embeddings import get_embedder
from rag.vectordb import build_chroma
from rag.retriever import build_retriever
from rag.generator import make_llm_tgi
from rag.tasks import run_task
from evaluation import EVAL_QUESTIONS

load_dotenv()

sweep_config = {
    "method": "grid",
    "metric": {"name": "average_score", "goal": "maximize"},
    "parameters": {
        "chunk_size": {"values": [512, 1024]},
        "chunk_overlap": {"values": [50, 100]},
        "top_k": {"values": [3, 5]},
    },
}


def score_answer_with_similarity(embedder, generated_answer, ground_truth):
    """Score an answer by the cosine similarity of its embedding to the ground truth."""
    try:
        g_truth_embedding = embedder.embed_query(ground_truth)
        gen_ans_embedding = embedder.embed_query(generated_answer)
        score = 1 - cosine(g_truth_embedding, gen_ans_embedding)
        return score
    except Exception as e:
        print(f"  [Scoring Error: {e}]")
        return 0


def evaluate_run():
    run = wandb.init()
    config = run.config
    chunk_size = config.chunk_size
    chunk_overlap = config.chunk_overlap
    k = config.top_k

    db_path = Path(f"./chroma_temp_{run.id}")

    try:
        embedder = get_embedder(settings.EMBEDDING_MODEL)
        llm = make_llm_tgi(settings.TGI_URL, settings.HF_API_TOKEN)

        docs = load_pdfs(settings.NCERT_DIR)
        chunks = split_docs(docs, chunk_size=chunk_size, chunk_overlap=chunk_overlap)
        store = build_chroma(chunks, embedder, db_path)
        retriever = build_retriever(store, k=k)

        eval_table = wandb.Table(columns=["Question", "Ground Truth", "Generated Answer", "Score"])

        total_score = 0
        for item in EVAL_QUESTIONS:
            question = item["question"]
            ground_truth = item["ground_truth"]
            generated_answer = run_task(llm, retriever, "NCERT", 10, question, None)
            score = score_answer_with_similarity(embedder, generated_answer, ground_truth)
            total_score += score
            eval_table.add_data(question, ground_truth, generated_answer, score)

        average_score = total_score / len(EVAL_QUESTIONS)
        run.log({"average_score": average_score, "evaluation_results": eval_table})
        print(f"--- Finished Run. Average Score: {average_score:.4f} ---")

    except Exception as e:
        print(f"!!! RUN FAILED: {e} !!!")
        run.log({"average_score": 0})

    finally:
        if db_path.exists():
            shutil.rmtree(db_path)


if __name__ == "__main__":
    wandb.login()
    sweep_id = wandb.sweep(sweep=sweep_config, project="NCERT-RAG-Sweep")
    wandb.agent(sweep_id, function=evaluate_run, count=8)
