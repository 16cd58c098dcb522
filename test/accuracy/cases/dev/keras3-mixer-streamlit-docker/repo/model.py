"""
MLP-Mixer in Keras 3 (patch MLPs and token-mixing MLPs), with pretrained weights
fetched from the Hugging Face Hub.
"""
import keras
from keras import layers, ops
from functools import partial


def MlpMixer(num_classes=1000, img_size=224, patch_size=16, num_blocks=8, embed_dim=512):
    inputs = layers.Input((img_size, img_size, 3))
    x = layers.Conv2D(embed_dim, kernel_size=patch_size, strides=patch_size, name="stem.proj")(inputs)
    x = layers.Reshape((-1, embed_dim))(x)
    for i in range(num_blocks):
        skip = x
        x = layers.LayerNormalization(epsilon=1e-6, name=f"blocks.{i}.norm1")(x)
        x = layers.Dense(embed_dim, name=f"blocks.{i}.mlp_channels.fc1")(x)
        x = skip + x
    x = layers.LayerNormalization(epsilon=1e-6, name="norm")(x)
    x = ops.mean(x, axis=1)
    out = layers.Dense(num_classes, name="head")(x)
    return keras.Model(inputs=inputs, outputs=out)


def mixer_l16_224(pretrained=False, **kwargs):
    """Mixer-L/16 224x224"""
    model = MlpMixer(patch_size=16, num_blocks=24, embed_dim=1024)
    if pretrained:
        model_path = keras.utils.get_file(
            origin="https://huggingface.co/anasrz/kimm/resolve/main/jx_mixer_l16_224-92f9adc4.weights.h5?download=true",
        )
        model.load_weights(model_path)
    return model


def mixer_b16_224(pretrained=False, **kwargs):
    """Mixer-B/16 224x224"""
    model = MlpMixer(patch_size=16, num_blocks=12, embed_dim=768)
    if pretrained:
        model_path = keras.utils.get_file(
            origin="https://huggingface.co/anasrz/kimm/resolve/main/mixer_b16_224_miil-9229a591.weights.h5?download=true",
        )
        model.load_weights(model_path)
    return model
