import pandas as pd

def prepare_data():
    print("Data prepared.")

if __name__ == "__main__":
    prepare_data()
