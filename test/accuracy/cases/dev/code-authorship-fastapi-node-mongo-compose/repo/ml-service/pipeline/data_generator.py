"""Build a labelled synthetic dataset of human-like and AI-like code snippets."""

from __future__ import annotations

import argparse
import random

import pandas as pd

HUMAN = ["def add(a, b):\n    # quick helper\n    return a+b", "for i in range(3): print(i)  # debug"]
AI = ["def add_numbers(first_number: int, second_number: int) -> int:\n    return first_number + second_number"]


def build_dataset(samples_per_class: int, seed: int) -> pd.DataFrame:
    rng = random.Random(seed)
    rows = [{"text": rng.choice(HUMAN), "label": 0} for _ in range(samples_per_class)]
    rows += [{"text": rng.choice(AI), "label": 1} for _ in range(samples_per_class)]
    return pd.DataFrame(rows)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples-per-class", type=int, default=200)
    parser.add_argument("--out", default="data/dataset.csv")
    args = parser.parse_args()
    build_dataset(args.samples_per_class, seed=42).to_csv(args.out, index=False)
