from pydantic import BaseModel


class FeatureRequest(BaseModel):
    """Features of one tree."""

    tree_dbh: int
    curb_loc: bool
    steward: int
    guards: int
    sidewalk: bool
    problems: int
    root_stone: bool
    root_grate: bool
    root_other: bool
    trunk_wire: bool
    trnk_light: bool
    trnk_other: bool
    brch_light: bool
    brch_shoe: bool
    brch_other: bool
    spc_common: str
    zip_city: str
    borough: str
    user_type: str
