#!/bin/bash
python3 model1/server.py
