FAQ_KB = {
    "bonus_issue": "Bonuses may take up to 48 hours to appear.",
    "account_access": "Try resetting your password or contact support.",
}


def retrieve_answer(intent):
    return FAQ_KB.get(intent, "No matching entry found. Please escalate.")
