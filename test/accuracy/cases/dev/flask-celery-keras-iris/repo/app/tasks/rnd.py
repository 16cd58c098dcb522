from . import celery


@celery.task
def new():
    from app.new import main

    main()


@celery.task
def predict(data_input):
    from app.predict import main

    name = main(data_input)
    return name
