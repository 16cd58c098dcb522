from ml_communication.storage import FileSystemModelStorage, InMemoryModelStorage

storage = FileSystemModelStorage()
