def classify_intent(message: str):
    message = message.lower()
    if "bonus" in message:
        return "bonus_issue", 0.9
    if "login" in message or "account" in message:
        return "account_access", 0.85
    return "unknown", 0.5
