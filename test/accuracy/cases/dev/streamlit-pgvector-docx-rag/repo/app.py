import streamlit as st
import tempfile
import os
from utils import (
    initialize_environment,
    initialize_embeddings,
    load_and_split_document,
    create_vector_store,
    perform_similarity_search,
    initialize_openai_chat,
    perform_rag,
)

initialize_environment()

st.title("Embed-o-Matic")
st.write("Upload a .docx document to create embeddings and store them in PostgreSQL")

if "db" not in st.session_state:
    st.session_state.db = None

uploaded_file = st.file_uploader("Choose a DOCX file", type=["docx"])

if uploaded_file:
    with tempfile.NamedTemporaryFile(delete=False, suffix=".docx") as tmp_file:
        tmp_file.write(uploaded_file.getvalue())
        temp_file_path = tmp_file.name

    if st.button("Process Document"):
        with st.spinner("Processing document..."):
            try:
                embeddings = initialize_embeddings()
                documents = load_and_split_document(temp_file_path)
                st.success(f"Document split into {len(documents)} chunks")
                connection_string = os.getenv("CONNECTION_STRING")
                collection_name = os.getenv("COLLECTION_NAME", "default_collection")
                db = create_vector_store(
                    documents=documents,
                    embeddings=embeddings,
                    connection_string=connection_string,
                    collection_name=collection_name,
                )
                st.session_state.db = db
                st.success("Vector store created successfully!")
            except Exception as e:
                st.error(f"An error occurred: {str(e)}")
            finally:
                os.unlink(temp_file_path)

if st.session_state.db is not None:
    st.divider()
    st.subheader("Search Documents")
    search_query = st.text_input("Enter your search query:")
    k_results = st.slider("Number of results", min_value=1, max_value=5, value=2)

    if search_query and st.button("Search"):
        with st.spinner("Searching..."):
            try:
                results = perform_similarity_search(
                    db=st.session_state.db, query=search_query, k=k_results
                )
                llm = initialize_openai_chat()
                llm_result = perform_rag(llm=llm, query=search_query, context_docs=results)
                st.markdown("**Result from LLM**")
                st.write(llm_result.content)
                for i, doc in enumerate(results, 1):
                    st.markdown(f"**Result {i}:**")
                    st.write(doc.page_content)
            except Exception as e:
                st.error(f"Search error: {str(e)}")
