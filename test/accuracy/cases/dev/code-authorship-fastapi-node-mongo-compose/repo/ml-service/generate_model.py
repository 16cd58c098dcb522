# kept for compatibility: python train.py is the entry point
