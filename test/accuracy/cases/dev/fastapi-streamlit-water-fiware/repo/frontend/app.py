import streamlit as st

from prediction.predict import notify_pred, predict


def main():
	st.title("AI service for water quality assessment powered by FIWARE ")
	id = st.text_input("Entity id", "urn:ngsi-ld:WaterPotabilityMetrics:<id>")
	result = st.session_state.get("extract_attributes", {})
	if st.button(label='Predict'):
		response = predict(result)
		notify_pred(id , response[1:-1])
		if "Not Potable" in response:
			st.error(response[1:-1])
		else:
			st.success(response[1:-1])


if __name__ == '__main__':
	main()
