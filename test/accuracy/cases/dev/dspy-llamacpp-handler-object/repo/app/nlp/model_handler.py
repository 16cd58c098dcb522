import dspy
from llama_cpp import Llama

lm_gemma2 = Llama(
    model_path="app/nlp/language_model/gemma-2-9b-it-Q4_K_M.gguf",
    n_gpu_layers=-1,
    n_ctx=0,
    verbose=False,
)

summarize_lm = dspy.LlamaCpp(model="gemma_2", llama_model=lm_gemma2, model_type="text", temperature=0.4, max_tokens=500)

dspy.settings.configure(lm=summarize_lm)


class BasicQA(dspy.Signature):
    """Answer questions with short factoid answers."""

    question = dspy.InputField()
    answer = dspy.OutputField(desc="three sentences or fewer")


class BasicHandler(dspy.Module):
    def __init__(self):
        super().__init__()
        self.generate_answer = dspy.ChainOfThought(BasicQA)

    def lm_greet(self):
        question = "Hi, who are you and what can you do?"
        return dspy.Predict(BasicQA)(question=question)

    def custom_question_answer(self, question: dict):
        out = self.generate_answer(question=question["question"])
        print(f"Answer: {out.answer}")
        return out


if __name__ == "__main__":
    handler = BasicHandler()
    print(handler.lm_greet())
