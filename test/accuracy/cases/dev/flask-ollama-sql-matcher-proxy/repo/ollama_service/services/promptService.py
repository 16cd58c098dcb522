from langchain_core.prompts import PromptTemplate


class PromptService:
    def obtain_prompt(self, prompt_id, query, filter_words):
        template = "Answer using this data: " + str(query) + " {input}"
        return PromptTemplate.from_template(template)
