import requests
import json

TEAMS_WEBHOOK_URL = "https://example-org.webhook.office.com/webhookb2/0f1e2d3c-aaaa-4bbb-8ccc-123456789abc@11111111-2222-4333-8444-555555555555/IncomingWebhook/0123456789abcdef0123456789abcdef/fedcba98-7654-4321-8abc-def012345678/Zx9FakeTokenFakeTokenFakeToken0123456789ab1"


def send_teams_alert(message: str):
    payload = {"text": message}
    headers = {"Content-Type": "application/json"}

    response = requests.post(TEAMS_WEBHOOK_URL, headers=headers, data=json.dumps(payload))
    if response.status_code != 200:
        raise ValueError(f"Failed to send Teams alert: {response.status_code}, {response.text}")
