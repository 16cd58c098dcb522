from pydantic import BaseModel, Field


class GenerationParameters(BaseModel):
    max_new_tokens: int = Field(
        default=16,
        gt=0,
        le=1024,
        description="the maximum number of tokens to generate",
    )
    repetition_penalty: float = Field(default=2.0, gt=0.0, description="1.0 means no penalty")
    num_return_sequences: int = Field(
        default=1,
        ge=1,
        le=5,
        description="how many sequences to return",
    )


class TextGenerationRequest(BaseModel):
    text: str = Field(
        ...,
        min_length=1,
        max_length=4096,
        description="the text to continue",
    )
    generation_paramters: GenerationParameters
