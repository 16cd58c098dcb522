from libversion import VersionUtil


def get_version():
    return VersionUtil.get_version()
