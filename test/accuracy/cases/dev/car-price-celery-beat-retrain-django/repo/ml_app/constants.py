ONE_HOT_ENCODED_COLUMNS = [
    'Year', 'Kilometers_Driven', 'Mileage', 'Engine', 'Power',
    'Location_Mumbai', 'Location_Pune', 'Fuel_Type_Diesel', 'Fuel_Type_Petrol',
    'Brand_maruti', 'Brand_hyundai', 'Model_swift', 'Model_i20',
]
