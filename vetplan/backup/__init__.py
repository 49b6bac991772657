"""Backup and restore (`vetplan backup FILE`, `vetplan restore FILE`): the database and the media
files (佐证材料) in one archive, restored byte for byte into an empty database of the same vendor.

No models and no views: the app holds the archive format (archive.py), the per-vendor snapshot
and load (databases.py) and the two services the commands call (services.py).
"""
