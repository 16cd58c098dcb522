class ModelHelper:
    def __init__(self):
        self.model = self._load_model()
        self.bacteria_names = {
            0: "vibrio",
            1: "Yersinia Ruckeri",
            2: "V.Salmoninarum",
            3: "Aeromonas spp.",
        }

    def _load_model(self):
        model_path = '/model.pkl'
        with open(model_path, 'rb') as file:
            model = pickle.load(file)
        return model

    def preprocess_input(self, input_data):
        mappings = {
            'test1': {'+': [0], '-': [1]},
            'test2': {'+': [0], '-': [1]},
            'test6': {'< 25°C': [1, 0], '25°C': [0, 0], '> 25°C': [0, 1]},
            'test13': {True: 1, False: 0}
        }

        processed_data = []
        for key, value in input_data.items():
            if key in mappings:
                mapped_value = mappings[key][value]
                if isinstance(mapped_value, list):
                    processed_data.extend(mapped_value)
                else:
                    processed_data.append(mapped_value)

        return pd.DataFrame([processed_data])

    def make_prediction(self, input_data):
        if input_data.get('test13', 0):
            bacteria_name = "Flavobacter psychrophilum"
            return "Predicted Bacteria: {}".format(bacteria_name)
        else:
            processed_data = {k: v for k, v in input_data.items() if k != 'test13'}
            processed_data = self.preprocess_input(processed_data)
            processed_data = processed_data.values

            numerical_prediction = self.model.predict(processed_data)
            bacteria_name = self.bacteria_names.get(numerical_prediction[0])

            return "Predicted Bacteria: {}".format(bacteria_name)
