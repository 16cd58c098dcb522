import setuptools

setuptools.setup(
    name="census",
    version="0.1.0",
    packages=setuptools.find_packages(),
    python_requires="==3.8.*",
    install_requires=[
        "numpy",
        "pandas",
        "scikit-learn",
        "requests",
        "fastapi==0.63.0",
        "uvicorn",
        "gunicorn"
    ],
    entry_points={"console_scripts": [
        "start_training=training.train_model:main", "run_rest=rest.app:main"]},
)
