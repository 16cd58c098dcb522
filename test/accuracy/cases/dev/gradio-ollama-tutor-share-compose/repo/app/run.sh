#!/usr/bin/env bash
python /app/gradio_ui.py
