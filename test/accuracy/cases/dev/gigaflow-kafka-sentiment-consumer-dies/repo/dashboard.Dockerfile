FROM python:3.11-slim
WORKDIR /app
COPY src/dashboard/requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY src/dashboard/ .
USER nobody
CMD ["streamlit", "run", "app.py", "--server.address=0.0.0.0"]
