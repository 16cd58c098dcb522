#!/usr/bin/env bash
pip install -r requirements.txt
pip install gunicorn
pip install -U langchain-openai
pip install -U langchain-chroma
pip install requests
