#!/bin/bash

if [ $# -eq 0 ]
then
	exec gunicorn -w 1 --bind 0.0.0.0:8001 "run_app:create_app()"
else
	exec gunicorn -w 1 --bind 0.0.0.0:8001 "run_app:create_app(\"$1\")"
fi
