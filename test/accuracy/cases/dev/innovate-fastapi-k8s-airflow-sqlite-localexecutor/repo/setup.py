from setuptools import find_packages, setup

setup(
    name="mlops-project",
    version="0.1.0",
    packages=find_packages(),
    extras_require={"dev": ["pytest", "pytest-cov", "flake8", "mypy"]},
)
