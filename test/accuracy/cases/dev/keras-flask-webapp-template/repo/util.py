"""Utilities"""
import base64
import re
from io import BytesIO

from PIL import Image


def base64_to_pil(img_base64):
    """Convert base64 image data to a PIL image."""
    image_data = re.sub('^data:image/.+;base64,', '', img_base64)
    pil_image = Image.open(BytesIO(base64.b64decode(image_data)))
    return pil_image
