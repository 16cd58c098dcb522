from keras.models import Model
from keras.layers import Dense, Dropout, Conv2D, Flatten, Input, MaxPooling2D
from keras.initializers import TruncatedNormal
from keras import backend as K
from dagster import AssetExecutionContext
from dagster import asset, Config, MaterializeResult
import os


class ModelConfig(Config):
    img_width: int = 100
    img_height: int = 75
    dropout: float = 0.2


@asset(group_name="training")
def model(
    context: AssetExecutionContext,
    config: ModelConfig
) -> MaterializeResult:
    K.clear_session()
    seed = TruncatedNormal(stddev=0.1)

    input = Input(shape=(config.img_height, config.img_width, 3))
    x = Conv2D(8, kernel_size=3, activation='relu', strides=2, padding='same')(input)
    x = Conv2D(16, kernel_size=3, activation='relu', strides=2, padding='same')(x)
    x = MaxPooling2D((3, 3), strides=1, padding='same')(x)
    x = Flatten()(x)
    x = Dense(64, activation='relu', kernel_initializer=seed, bias_initializer=seed)(x)
    x = Dropout(config.dropout)(x)
    output = Dense(1, activation='sigmoid', kernel_initializer=seed, bias_initializer=seed)(x)

    model = Model(inputs=input, outputs=output, name="DistanceEstimationModel")
    context.log.info(f"Model summary: {model.summary()}")

    os.makedirs("data", exist_ok=True)
    model_path = "data/model.h5"
    model.save(model_path)

    return MaterializeResult(
        metadata={"num_layers": len(model.layers), "num_parameters": model.count_params()}
    )
