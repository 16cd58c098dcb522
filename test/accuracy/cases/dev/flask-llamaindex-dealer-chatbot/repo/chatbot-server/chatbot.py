from flask import Flask, request, jsonify
from llama_index import VectorStoreIndex, SimpleDirectoryReader, StorageContext, load_index_from_storage, Prompt
import os
from flask_cors import CORS

os.environ['OPENAI_API_KEY'] = 'sk-Qm4TzLp8VxWc2NbRj7HsT3BlbkFJd9YeKa6UoPi1GfXs5Rw'

app = Flask(__name__)
cors = CORS(app)
app.config['CORS_HEADERS'] = 'Content-Type'

documents = SimpleDirectoryReader('documents').load_data()
# index = VectorStoreIndex.from_documents(documents)
# index.storage_context.persist()
storage_context = StorageContext.from_defaults(persist_dir="./storage")
index = load_index_from_storage(storage_context)

TEMPLATE_STR = (
    "Pretend you are a dealership chatbot. If something unrelated is asked, say you cannot answer.\n"
    "---------------------\n"
    "{context_str}"
    "\n---------------------\n"
    "Given this information, please answer the question: {query_str}\n")

QA_TEMPLATE = Prompt(TEMPLATE_STR)

query_engine = index.as_query_engine(text_qa_template=QA_TEMPLATE)


@app.route('/', methods=['GET'])
def hello():
    print('get')
    return 'Hello, World!'


@app.route('/quer', methods=['POST'])
def query_model():
    print('hi')
    data = request.get_json()
    print(data)
    response = query_engine.query(data['quer'])
    print(response)
    response_str = str(response)
    return jsonify({'response': response_str})


if __name__ == '__main__':
    from waitress import serve
    serve(app, host="0.0.0.0", port=80)
