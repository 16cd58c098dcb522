from typing import Dict, List
from dataclasses import dataclass


@dataclass
class Params:
    features: Dict[str, str]


@dataclass
class ParamsBase:
    features: Dict[str, List[str]]

    @staticmethod
    def init():
        return ParamsBase(features={
            "Systemic Illness": ["Fever", "Muscle Aches and Pain", "None", "Swollen Lymph Nodes"],
            "Rectal Pain": ["False", "True"],
            "Sore Throat": ["False", "True"],
            "HIV Infection": ["False", "True"],
        })
