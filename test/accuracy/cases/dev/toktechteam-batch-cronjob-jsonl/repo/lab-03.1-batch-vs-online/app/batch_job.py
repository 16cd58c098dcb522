import json
from pathlib import Path
from typing import Dict, List

DATA_PATH = Path(__file__).parent / "data" / "input.jsonl"


def process_record(record: Dict) -> Dict:
    """{"id": 1, "features": [1.0, 2.0]} -> {"id": 1, "prediction": 3.0}"""
    features = record.get("features", [])
    prediction = float(sum(features))
    return {"id": record.get("id"), "prediction": prediction}


def run_batch(input_path: Path = DATA_PATH) -> List[Dict]:
    if not input_path.exists():
        raise FileNotFoundError(f"Input file not found: {input_path}")

    results: List[Dict] = []
    with input_path.open("r", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            record = json.loads(line)
            result = process_record(record)
            results.append(result)
    return results


def main() -> None:
    results = run_batch(DATA_PATH)
    for r in results:
        print(json.dumps(r))

    if results:
        avg_pred = sum(r["prediction"] for r in results) / len(results)
        print(json.dumps({"summary": {"records": len(results), "avg_prediction": avg_pred}}))


if __name__ == "__main__":
    main()
