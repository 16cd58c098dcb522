class ModelInfo:
    column_name_to_change: dict = {
        "Adaptivity Level": "Adaptivity_Level",
        "Education Level": "Education_Level",
        "Institution Type": "Institution_Type",
        "Network Type": "Network_Type",
        "Load-shedding": "Load_shedding",
    }
    classes: list = ['Low', 'Moderate', 'High']
    label: str = "Adaptivity_Level"


modelInfo = ModelInfo()
