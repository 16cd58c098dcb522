rows = [
    {"make": "Ford", "model": "Bronco", "year": 2023, "trim": "Base", "msrp": 35000, "horsepower": "300"},
    {"make": "Ford", "model": "Escape", "year": 2023, "trim": "S", "msrp": 28000, "horsepower": "180"},
]
