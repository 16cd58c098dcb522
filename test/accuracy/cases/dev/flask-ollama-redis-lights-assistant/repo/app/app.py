from flask import Flask, request, jsonify
import requests, time, os, json, redis, datetime

app = Flask(__name__)

# connection settings from the environment
OLLAMA_HOST = os.environ.get('OLLAMA_HOST', 'ollama-server')
OLLAMA_PORT = os.environ.get('OLLAMA_PORT', '11434')
REDIS_HOST = os.environ.get('REDIS_HOST', 'localhost')
REDIS_PORT = int(os.environ.get('REDIS_PORT', '6379'))

OLLAMA_URL = f"http://{OLLAMA_HOST}:{OLLAMA_PORT}/api/generate"
MAX_RETRIES = 5
RETRY_DELAY = 2  # seconds

redis_client = redis.StrictRedis(host=REDIS_HOST, port=REDIS_PORT, db=0, decode_responses=True)


@app.route('/healthcheck', methods=['GET'])
def healthcheck():
    try:
        response = requests.get(f"http://{OLLAMA_HOST}:{OLLAMA_PORT}")
        if response.status_code == 200:
            return jsonify({"status": "OK", "ollama_connection": "SUCCESS"})
        return jsonify({"status": "OK", "ollama_connection": "FAILED", "status_code": response.status_code})
    except Exception as e:
        return jsonify({"status": "OK", "ollama_connection": "ERROR", "error": str(e)})


def get_timestamp():
    return datetime.datetime.now().isoformat()


def format_context_for_prompt(context):
    formatted = []
    for msg in context:
        timestamp = msg.get("timestamp", "unknown")
        if msg["author"] == "user":
            author = "User"
        elif msg["author"] == "bot":
            author = "Assistant"
        elif msg["author"] == "system":
            author = "System"
        else:
            author = msg["author"]
        content = msg["content"]
        formatted.append(f"[{timestamp}] {author}: {content}")
    return "\n".join(formatted)


SYSTEM_PROMPT = (
    "You are LOME, an assistant that controls the lights of a house and answers general questions. "
    "Always answer with a JSON object with two fields: response (text) and command "
    "(an object with nom, action on/off/color and an optional R-G-B color, or {} when no light is involved)."
)


@app.route('/generate', methods=['POST'])
def generate():
    data = request.json
    session_id = data.get('session_id', 'default_session')
    prompt = data.get('prompt', '')
    model = data.get('model', 'llama3.2')

    # load the stored conversation
    stored_context = redis_client.get(session_id)
    context = json.loads(stored_context) if stored_context else []

    if not context:
        context.append({"timestamp": get_timestamp(), "author": "system", "content": SYSTEM_PROMPT})

    context.append({
        "timestamp": get_timestamp(),
        "author": "user",
        "content": prompt
    })

    formatted_context = format_context_for_prompt(context)
    full_prompt = f"{formatted_context}\n[Now] User: {prompt}"

    data_to_send = {
        'prompt': full_prompt,
        'model': model
    }

    try:
        app.logger.info(f"Sending the request to Ollama: {OLLAMA_URL}")
        response = requests.post(
            OLLAMA_URL,
            json=data_to_send,
            headers={'Content-Type': 'application/json'},
            timeout=120,
            stream=True
        )
        response.raise_for_status()

        full_response = ""
        for line in response.iter_lines():
            if line:
                chunk = json.loads(line.decode('utf-8'))
                full_response += chunk.get("response", "")
                if chunk.get("done", False):
                    break

        full_response_str = full_response.strip()
        command = {}
        message = ""

        # the model is asked for JSON; fall back to the last {...} in the text
        try:
            parsed_response = json.loads(full_response_str)
            if isinstance(parsed_response, dict) and "response" in parsed_response and "command" in parsed_response:
                message = parsed_response["response"]
                command = parsed_response["command"]
            else:
                message = full_response_str
        except Exception:
            json_index = full_response_str.rfind('{')
            if json_index != -1:
                possible_json = full_response_str[json_index:]
                try:
                    command = json.loads(possible_json)
                    message = full_response_str[:json_index].strip()
                except Exception as ex:
                    app.logger.error(f"Could not parse the command JSON: {ex}")
                    message = full_response_str
                    command = {}
            else:
                message = full_response_str
                command = {}

        context.append({
            "timestamp": get_timestamp(),
            "author": "bot",
            "content": full_response
        })

        redis_client.set(session_id, json.dumps(context))
        redis_client.expire(session_id, 3600)

        return jsonify({
            'model': model,
            'response': message,
            'command': command
        })

    except requests.exceptions.RequestException as e:
        app.logger.error(f"Could not reach Ollama: {e}")
        return jsonify({"error": "Ollama connection error"}), 500
    except Exception as ex:
        app.logger.error(f"JSON parsing error: {ex}")
        return jsonify({"error": "JSON parsing error"}), 500


@app.route('/get_context/<session_id>', methods=['GET'])
def get_context(session_id):
    stored_context = redis_client.get(session_id)
    if stored_context:
        context = json.loads(stored_context)
        return jsonify({"context": context})
    return jsonify({"context": []}), 404


if __name__ == '__main__':
    app.logger.info("Starting the Flask service (reachable on the ZeroTier address)")
    app.run(debug=True, host='0.0.0.0', port=5000)
