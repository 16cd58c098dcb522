from pydantic import BaseModel

class BankruptcyPredictionInput(BaseModel):
    roa_c_before_interest_and_depreciation_before_interest: float
    roa_a_before_interest_and_after_tax: float
    operating_gross_margin: float
    current_ratio: float
    quick_ratio: float
    debt_ratio: float
    net_worth_to_assets: float
    cash_flow_to_sales: float
    liability_assets_flag: float
    net_income_flag: float
    equity_to_liability: float
