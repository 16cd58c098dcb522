import joblib

from app.models.heart import HeartDiseaseFeatures

class DiseaseClassifier:

    def __init__( self ):

        self.model = None

    async def load( self, path ):

        with open( path, "rb" ) as f:
            self.model = joblib.load( f )
        print( "Model loaded successfully" )

    def predict( self, features: HeartDiseaseFeatures ):

        features_df = features.to_df( exclude = [ "HeartDisease" ] )
        print( features_df )
        return self.model.predict( features_df )
