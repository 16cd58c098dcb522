"""Inference pipeline package (preprocessing + model), reduced for this case."""
