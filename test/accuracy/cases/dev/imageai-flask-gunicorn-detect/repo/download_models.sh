#!/bin/bash
mkdir -p models/detect
cd models/detect
curl -O -L https://github.com/OlafenwaMoses/ImageAI/releases/download/1.0/yolo.h5 \
	-O -L https://github.com/OlafenwaMoses/ImageAI/releases/download/1.0/yolo-tiny.h5
cd -
mkdir models/classify
cd models/classify
curl -O -L https://github.com/OlafenwaMoses/ImageAI/releases/download/essentials-v5/mobilenet_v2.h5
cd -
