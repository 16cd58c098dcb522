import openai
from flask import Flask, request, jsonify

app = Flask(__name__)

openai.api_key = "sk-proj-Qx7fK2mN9pL4vR8tW1yZ3bC6dE0gH5jA2sD4fG7hJ9kL1zX3cV5bN8mQ0wE2rT4yU6iO8pA1sD3fG5hJ7kL9zX1cV3bN5mQ7wE9rT1yU3iO5pA7sD9fG1hJ3kL5zX7cV9bN1mQ3wE5rT7yU9iO1pA3sD5f"

@app.route("/ask", methods=["POST"])
def ask():
    prompt = request.json["prompt"]
    response = openai.ChatCompletion.create(
        model="gpt-3.5-turbo",
        messages=[{"role": "user", "content": prompt}]
    )
    return jsonify({"response": response.choices[0].message.content})

if __name__ == "__main__":
    app.run(debug=True)
