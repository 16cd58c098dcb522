from autogluon.tabular import TabularPredictor
import pandas as pd


def data_prediction_node(county_name, category_name, start_month, start_year, end_month, end_year, historic_df):
    """Predicts monthly sales for one county and category over a range of months."""
    df = generate_dataframe(county_name, category_name, start_month, start_year, end_month, end_year)

    path = "./data/06_models/ag_models"
    predictor = TabularPredictor.load(path)
    predictions = predictor.predict(df)
    df['predicted'] = predictions

    historic_df = get_historic_data(historic_df, county_name, category_name)
    return df, historic_df


def generate_dataframe(county_name, category_name, start_month, start_year, end_month, end_year):
    months = []
    years = []
    current_month = start_month
    current_year = start_year
    while current_year < end_year or (current_year == end_year and current_month <= end_month):
        months.append(current_month)
        years.append(current_year)
        current_month += 1
        if current_month > 12:
            current_month = 1
            current_year += 1
    data = {
        'Month': months,
        'Year': years,
        'County': [county_name] * len(months),
        'Category Name': [category_name.upper()] * len(months)
    }
    return pd.DataFrame(data)


def get_historic_data(processed_data, filter_value_for_county, filter_value_for_description):
    filter_value_for_county = filter_value_for_county.upper()
    filter_value_for_description = filter_value_for_description.upper()
    processed_data = processed_data[processed_data['County'].str.upper() == filter_value_for_county]
    processed_data = processed_data[processed_data['Category Name'].str.contains(filter_value_for_description, case=False)]
    return processed_data
