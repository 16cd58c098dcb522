from pathlib import Path

import pandas as pd

BASE = Path(__file__).resolve().parents[2] / "data"


def main():
    df = pd.read_excel(BASE / "raw" / "Telco_customer_churn.xlsx")
    (BASE / "processed").mkdir(exist_ok=True)
    df.to_csv(BASE / "processed" / "telco.csv", index=False)


if __name__ == "__main__":
    main()
