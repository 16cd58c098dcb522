"""Export a pretrained PyTorch model to ONNX. Run: python export_to_onnx.py"""
import torch
import torchvision.models as models


def main():
    model = models.resnet18(weights=models.ResNet18_Weights.DEFAULT)
    model.eval()

    dummy_input = torch.randn(1, 3, 224, 224)

    torch.onnx.export(
        model,
        dummy_input,
        "resnet18.onnx",
        export_params=True,
        opset_version=17,
        do_constant_folding=True,
        input_names=["input"],
        output_names=["output"],
        dynamic_axes={"input": {0: "batch_size"}, "output": {0: "batch_size"}},
        dynamo=False,
    )
    print("Exported resnet18.onnx")


if __name__ == "__main__":
    main()
