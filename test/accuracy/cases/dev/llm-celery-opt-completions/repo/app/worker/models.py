import logging
from typing import ClassVar

from transformers import GPT2Tokenizer, OPTForCausalLM

from settings import config

log = logging.getLogger(__name__)


class OptModel:
    tokenizer_cache: ClassVar[dict[str, GPT2Tokenizer]] = {}
    opt_cache: ClassVar[dict[str, OPTForCausalLM]] = {}

    def __init__(self, opt_model_string: str) -> None:
        if (tokenizer := self.tokenizer_cache.get(opt_model_string)) is not None:
            self.tokenizer = tokenizer
        else:
            log.info("Loading tokenizer for %s", opt_model_string)
            self.tokenizer = GPT2Tokenizer.from_pretrained(opt_model_string)
            self.tokenizer_cache[opt_model_string] = self.tokenizer

        if (opt := self.opt_cache.get(opt_model_string)) is not None:
            self.opt = opt
        else:
            log.info("Loading %s", opt_model_string)
            self.opt = OPTForCausalLM.from_pretrained(opt_model_string)
            self.opt_cache[opt_model_string] = self.opt

    @classmethod
    def from_settings(cls) -> "OptModel":
        return cls(config.get_settings().opt_model_string)

    def complete(self, prompt: str, max_tokens: int) -> str:
        inputs = self.tokenizer(prompt, return_tensors="pt")
        generate_ids = self.opt.generate(inputs.input_ids, max_tokens)
        return self.tokenizer.batch_decode(generate_ids, skip_special_tokens=True)[0]
