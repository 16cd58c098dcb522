import logging

logger = logging.getLogger(__name__)


def get_ml_data_from_api(fiscal_year=2024, quarter=1, max_retries=5, backoff_factor=2):
    """Spending per agency for one fiscal quarter (national defense budget function)."""
    import time
    import requests

    url = "https://api.usaspending.gov/api/v2/spending/"
    payload = {
        "type": "agency",
        "filters": {"fy": str(fiscal_year), "quarter": str(quarter), "budget_function": "050"},
    }

    for attempt in range(max_retries):
        try:
            response = requests.post(url, json=payload, timeout=30)
            response.raise_for_status()
            data = response.json()
            return data["results"]
        except requests.exceptions.RequestException as e:
            # 400 here means no data for the period
            if e.response is not None and e.response.status_code == 400:
                logger.info("400 status code. No data to get.")
                return []

            wait = backoff_factor * (2 ** attempt)
            logger.info(f"API call failed (attempt {attempt+1}/{max_retries}): {e}")
            if attempt < max_retries - 1:
                logger.info(f"Retrying in {wait} seconds...")
                time.sleep(wait)
            else:
                logger.info("All retries failed.")
                return []


def get_ml_data(last_fiscal_year=2025):
    """DataFrame of agency, fiscal year, quarter and amount; zero or N/A where the API gave nothing."""
    import pandas as pd

    amount, fiscal_year, quarter_list, name, code = [], [], [], [], []

    for year in range(2015, last_fiscal_year + 1):
        for quarter in range(1, 5):
            resp = get_ml_data_from_api(fiscal_year=year, quarter=quarter)
            if resp and len(resp) > 0:
                for i in range(0, len(resp)):
                    amount.append(resp[i].get("amount", 0))
                    name.append(resp[i].get("name", "N/A"))
                    code.append(str(resp[i].get("code", "")))
                    fiscal_year.append(year)
                    quarter_list.append(quarter)
            else:
                fiscal_year.append(year)
                quarter_list.append(quarter)
                amount.append(0)
                name.append("N/A")
                code.append("")

    logger.info("API calls for get_ml_data completed.")
    df = pd.DataFrame(list(zip(amount, fiscal_year, quarter_list, name, code)),
                      columns=["amount", "fiscal_year", "quarter", "name", "code"])
    return df
