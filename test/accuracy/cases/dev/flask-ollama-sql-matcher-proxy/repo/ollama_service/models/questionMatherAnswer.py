class QuestionMatherAnswer:
    def __init__(self, id, question, prompt, filter, query):
        self.id = id
        self.question = question
        self.prompt = prompt
        self.filter = filter
        self.query = query
