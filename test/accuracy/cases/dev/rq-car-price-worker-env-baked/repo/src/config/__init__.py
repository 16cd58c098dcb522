from src.config.settings import ROOT_DIR, settings
