from dagster import Definitions, ScheduleDefinition, define_asset_job

from .assets import core_assets, recommender_assets
from .assets.core.jobs import airbyte_job
from .resources import dbt_resource

get_data_job = define_asset_job(
    name="get_data",
    selection=["movies", "users", "scores", "table_to_model", "training_data"],
    config={},
)

airflow_sync_schedule = ScheduleDefinition(
    job=airbyte_job,
    cron_schedule="0 * * * *",  # every hour
)

defs = Definitions(
    assets=[*core_assets, *recommender_assets],
    jobs=[airbyte_job, get_data_job],
    schedules=[airflow_sync_schedule],
    resources={"dbt": dbt_resource},
)
