templates = {
    "default": "You are a helpful assistant.",
    "tutor": "You are a patient programming tutor.",
}
