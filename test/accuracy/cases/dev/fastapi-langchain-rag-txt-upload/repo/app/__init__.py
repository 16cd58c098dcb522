from app.app import app
