from beanie import init_beanie
from motor.motor_asyncio import AsyncIOMotorClient

from app.core.config import mongo_settings
from app.models.heart import HeartDiseaseRecord

class MongoDB:

    URI = mongo_settings().MONGO_URI
    DB_NAME = mongo_settings().DB_NAME

    def __init__( self ):
        self.client = AsyncIOMotorClient( MongoDB.URI )
        self.db = self.client[ MongoDB.DB_NAME ]

        print( "create db connection successfully" )

    async def init_beanie( self ):
        await init_beanie( database = self.db, document_models = [ HeartDiseaseRecord ] )

    async def ping_server( self ):
        # Send a ping to confirm a successful connection
        try:
            await self.client.admin.command( 'ping' )
            return True

        except Exception as e:
            print( e )
            return False

    async def close( self ):
        self.client.close()
