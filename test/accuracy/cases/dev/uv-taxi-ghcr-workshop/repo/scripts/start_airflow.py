import subprocess

subprocess.run(["airflow", "standalone"], check=True)
