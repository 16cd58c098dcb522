import torch
from ts.torch_handler.base_handler import BaseHandler
import io


class TextHandler(BaseHandler):

    def preprocess(self, data):
        """Turn the request into the recogniser's input tensor."""
        byte_data = io.BytesIO(data[0]['body'])
        tensor = torch.load(byte_data)
        byte_data.close()
        return tensor

    def handle(self, data, context):
        """Entry point: preprocess, run the model, postprocess."""
        self.context = context

        image_tensor = self.preprocess(data)
        data = self.inference(image_tensor)
        data = self.postprocess(data)
        return data

    def postprocess(self, data):
        """Send the recognised characters back as a serialised tensor."""
        buffer = io.BytesIO()
        torch.save(data, buffer)
        return_data = [buffer.getvalue()]
        return return_data
