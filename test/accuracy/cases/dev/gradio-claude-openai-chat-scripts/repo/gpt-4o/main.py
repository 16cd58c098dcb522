import json
import os
from datetime import datetime
from dotenv import load_dotenv
from openai import OpenAI

load_dotenv()
client = OpenAI(api_key=os.environ['OPENAI_API_KEY'])

conversation_dir = './conversation'
archive_dir = './conversation/archive'
memory_file = os.path.join(conversation_dir, 'conversation_history.json')

os.makedirs(conversation_dir, exist_ok=True)
os.makedirs(archive_dir, exist_ok=True)

if os.path.exists(memory_file):
    with open(memory_file, 'r', encoding='utf-8') as f:
        conversation_history = json.load(f)
else:
    conversation_history = []


def ask_chatgpt(prompt):
    global conversation_history
    conversation_history.append({"role": "user", "content": prompt})

    max_retries = 10
    retry_delay = 30

    for attempt in range(max_retries):
        try:
            response = client.chat.completions.create(
                model="gpt-4o",
                messages=conversation_history
            )
            answer = response.choices[0].message.content
            conversation_history.append({"role": "assistant", "content": answer})
            return answer
        except Exception as e:
            print(f"An error occurred: {e}")
            break

    return "Failed to get a response from ChatGPT after several attempts."


while True:
    user_input = input("You: ")

    if user_input.lower() == 'exit':
        break
    elif user_input.lower().startswith('save '):
        _, filename = user_input.split(maxsplit=1)
        timestamp = datetime.now().strftime('%Y%m%d_%H%M')
        archive_path = os.path.join(archive_dir, f"{timestamp}_{filename}")
        with open(archive_path, 'w', encoding='utf-8') as f:
            json.dump(conversation_history, f, ensure_ascii=False, indent=4)
        print(f"Conversation history saved as {archive_path}")
        conversation_history = []
    else:
        response = ask_chatgpt(user_input)
        print(f"ChatGPT: {response}")

with open(memory_file, 'w', encoding='utf-8') as f:
    json.dump(conversation_history, f, ensure_ascii=False, indent=4)
