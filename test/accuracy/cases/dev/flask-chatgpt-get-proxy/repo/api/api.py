from flask import Flask, request, jsonify
import openai

app = Flask(__name__)


@app.route('/api', methods=['GET'])
def prompt():
    openai.organization = "org-Q7fKp2LmT9wXc4RbN8vYsD1e"
    api_key = "sk-Fk29dLq8ZmX3vP0tRw7YcN4bH6jS1aEuGo5iTy2KxVn8MbQe"
    openai.api_key = api_key
    d = {}
    get_prompt = str(request.args['query'])
    completion = openai.ChatCompletion.create(
        model="gpt-3.5-turbo",
        messages=[
            {"role": "user", "content": str(get_prompt)}
        ]
    )
    d['output'] = completion.choices[0].message.content
    return d


if __name__ == "__main__":
    app.run()
