import pandas as pd


def filter_data_from_2017(df_start):
    column_mapping = {
        'county': 'County',
        'category_name': 'Category Name',
        'sale_dollars': 'Sale (Dollars)',
        'date': 'Date'
    }
    df_start = df_start.rename(columns=lambda x: column_mapping[x] if x in column_mapping else x)
    features = ['Date', 'County', 'Category Name']
    target_column = 'Sale (Dollars)'
    df = df_start[features + [target_column]]
    df['Date'] = pd.to_datetime(df['Date'])
    df = df[df['Date'].dt.year >= 2017]
    return df


def remove_outliers(df):
    """Replace outliers of the sales column with its median."""
    column_name = 'Sale (Dollars)'
    Q1 = df[column_name].quantile(0.25)
    Q3 = df[column_name].quantile(0.75)
    IQR = Q3 - Q1
    outliers = (df[column_name] < (Q1 - 1.5 * IQR)) | (df[column_name] > (Q3 + 1.5 * IQR))
    median = df[column_name].median()
    df.loc[outliers, column_name] = median
    return df
