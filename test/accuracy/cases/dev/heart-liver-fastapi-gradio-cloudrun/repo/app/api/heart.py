import traceback
from typing import Annotated, Any
from beanie import PydanticObjectId
from fastapi import APIRouter, Body, Depends
from fastapi import status
from fastapi.responses import JSONResponse
from app.api.controller import DocumentController, RecordController
from app.api.dependencies import heart_record_service, predict_service
from app.models.heart import HeartDiseaseFeatures, HeartDiseaseRecord
from app.services.disease import DiseasePredictionService

ServiceDependency = Annotated[ object, Depends( heart_record_service ) ]

router = APIRouter( prefix = "/disease/heart" )

@router.get( "/records/{user_id}" )
async def find_user_records( user_id: PydanticObjectId , service: ServiceDependency,
                             page: int = 1, page_size: int = 10 ) -> list[ HeartDiseaseRecord ]:

    return await RecordController.find_user_records( user_id, service, page, page_size )


@router.get( "/records" )
async def get_all_records( service: ServiceDependency, page: int = 1, page_size: int = 10 ) -> list[ HeartDiseaseRecord ]:

    return await DocumentController.get_all_documents( service, page, page_size )


@router.post( "/record", status_code = status.HTTP_201_CREATED )
async def save_record( service: ServiceDependency, record: HeartDiseaseRecord ) -> HeartDiseaseRecord:

    return await DocumentController.save_document( record, service )


@router.put( "/record/{id}" )
async def put_record( id: PydanticObjectId, service: ServiceDependency,
                      patch: dict[ str, Any ] = Body() ) -> HeartDiseaseRecord:

    return await DocumentController.update_document( id, patch, service )


@router.delete( "/records", status_code = status.HTTP_204_NO_CONTENT )
async def delete_all_records( service: ServiceDependency ) -> None:

    return await DocumentController.delete_all_document( service )


@router.post( "/predict" )
def predict_target( features: HeartDiseaseFeatures, service: DiseasePredictionService = Depends( predict_service ) ):

    try:
        result = service.predict( features )

        return result

    except Exception as e:
        print( e )
        print( traceback.format_exc() )
        return JSONResponse( content = { "message": "An error occurred" },
                             status_code = status.HTTP_400_BAD_REQUEST )
