#!/bin/bash

# Print the current Python version for verification
python --version

# Run the inference script
python /app/inference.py
