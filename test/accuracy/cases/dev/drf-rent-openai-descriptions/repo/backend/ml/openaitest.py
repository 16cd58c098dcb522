import openai


def generate_desc(data):
    OPENAI_API_KEY = "sk-Fab1cated0Key4Corpus9xQwErTyUiOpAsDfGhJkLzXcVb"
    openai.api_key = OPENAI_API_KEY

    response = openai.Completion.create(
        model="text-davinci-003",
        prompt=f"Write a fancy, attractive description for the following:\n{data}",
        temperature=0.45,
        max_tokens=256,
    )
    print(response.choices[0].text)
    return response.choices[0].text


def generate_img(prompt):
    response = openai.Image.create(prompt=prompt, n=1, size="512x512")
    return response["data"][0]["url"]
