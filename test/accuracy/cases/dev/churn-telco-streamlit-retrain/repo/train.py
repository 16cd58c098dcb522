"""Training entry point: python train.py"""
import pandas as pd

from app.pipeline import run_training


def main() -> None:
    print("=" * 72)
    best_name, metrics, _, _ = run_training()
    report = pd.DataFrame(metrics).T
    print(report.to_string(float_format=lambda x: f"{x:.4f}"))
    print(f"\nbest model: {best_name}")


if __name__ == "__main__":
    main()
