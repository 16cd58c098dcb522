import asyncio
from app.core.config import hf_settings
from app.models.heart import HeartDiseaseFeatures
from app.models.ml.sk import DiseaseClassifier
from app.repositories.models import HFModelRepository

class DiseasePredictionService:

    def __init__( self ):

        self.heart_predictor = DiseaseClassifier()
        self.hf_repository = HFModelRepository()

    async def models_init( self ):

        heart_model_path = await self.hf_repository.download( hf_settings().heart_model_uri )
        await self.heart_predictor.load( heart_model_path )

        print( f"DiseasePredictionService init models successfully" )

    def predict( self, features: HeartDiseaseFeatures ):

        result = self.heart_predictor.predict( features )
        features.set_target( int( result[ 0 ] ) )

        return features

# python -m app.services.disease
if __name__ == "__main__":
    service = DiseasePredictionService()
    asyncio.run( service.models_init() )
