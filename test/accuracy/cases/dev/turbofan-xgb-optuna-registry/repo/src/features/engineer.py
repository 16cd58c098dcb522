import pandas as pd


def load_data(filepath):
    """Load turbofan engine data and assign column names."""
    columns = ['unit', 'cycle',
               'op_setting_1', 'op_setting_2', 'op_setting_3'] + \
              [f'sensor_{i}' for i in range(1, 22)]
    data = pd.read_csv(filepath, sep=r'\s+', header=None, names=columns)
    return data


def calculate_rul(data):
    """Remaining Useful Life per row; training engines run to failure."""
    max_cycles = data.groupby('unit')['cycle'].max()
    data = data.copy()
    data['max_cycle'] = data['unit'].map(max_cycles)
    data['RUL'] = data['max_cycle'] - data['cycle']
    data = data.drop('max_cycle', axis=1)
    return data


def add_rolling_features(data, window_sizes=[5, 10, 20]):
    sensor_cols = [f'sensor_{i}' for i in range(1, 22)]
    data = data.copy()
    for sensor in sensor_cols:
        for window in window_sizes:
            data[f'{sensor}_rolling_mean_{window}'] = data.groupby('unit')[sensor].transform(
                lambda x: x.rolling(window=window, min_periods=1).mean()
            )
    data = data.fillna(0)
    return data


def remove_constant_sensors(data):
    # Sensors that show no variation in FD001
    constant_sensors = ['sensor_1', 'sensor_5', 'sensor_10',
                        'sensor_16', 'sensor_18', 'sensor_19']
    constant_cols = constant_sensors + ['op_setting_3']
    cols_to_drop = [col for col in constant_cols if col in data.columns]
    return data.drop(columns=cols_to_drop)


def save_processed_data(data, filepath):
    data.to_csv(filepath, index=False)
    print(f"Saved processed data to {filepath}")


if __name__ == "__main__":
    train_data = load_data('data/raw/train_FD001.txt')
    train_processed = remove_constant_sensors(add_rolling_features(calculate_rul(train_data)))
    save_processed_data(train_processed, 'data/processed/train_FD001_processed.csv')
