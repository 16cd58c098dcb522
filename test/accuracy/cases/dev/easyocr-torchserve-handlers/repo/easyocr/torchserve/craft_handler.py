import torch
import io
from ts.torch_handler.base_handler import BaseHandler


class CraftHandler(BaseHandler):

    def preprocess(self, data):
        """Turn the request into the detector's input tensor."""
        byte_data = io.BytesIO(data[0]['body'])
        tensor = torch.load(byte_data)
        byte_data.close()
        return tensor

    def postprocess(self, data):
        """Send the score maps back as a serialised tensor."""
        buffer = io.BytesIO()
        torch.save(data, buffer)
        return_data = [buffer.getvalue()]
        return return_data
