from __future__ import annotations

import base64
import io
import re
from collections import Counter
from dataclasses import dataclass

import pdfplumber

TOKEN_PATTERN = re.compile(r'[A-Za-z_][A-Za-z0-9_]*|\b\d+\b')


@dataclass
class FeatureSet:
    comment_ratio: float
    repetition_score: float
    average_line_length: float


def extract_text(file_name: str, file_type: str, text_content: str | None, base64_content: str | None) -> str:
    if text_content:
        return text_content

    if not base64_content:
        raise ValueError('Either textContent or base64Content is required')

    decoded = base64.b64decode(base64_content)

    if file_name.lower().endswith('.pdf') or 'pdf' in file_type.lower():
        with pdfplumber.open(io.BytesIO(decoded)) as pdf:
            pages = [page.extract_text() or '' for page in pdf.pages]
        return '\n'.join(pages)

    return decoded.decode('utf-8', errors='ignore')


def compute_features(text: str) -> FeatureSet:
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    total_lines = max(len(lines), 1)
    comment_lines = sum(1 for line in lines if line.lstrip().startswith(('#', '//', '/*', '*')))
    tokens = TOKEN_PATTERN.findall(text)
    token_counts = Counter(tokens)
    repeated = sum(count - 1 for count in token_counts.values() if count > 1)
    return FeatureSet(
        comment_ratio=round(comment_lines / total_lines, 4),
        repetition_score=round(min(1.0, repeated / max(len(tokens), 1)), 4),
        average_line_length=round(min(1.0, sum(len(line) for line in lines) / total_lines / 120.0), 4),
    )


def feature_vector(features: FeatureSet) -> list[float]:
    return [features.comment_ratio, features.repetition_score, features.average_line_length]
