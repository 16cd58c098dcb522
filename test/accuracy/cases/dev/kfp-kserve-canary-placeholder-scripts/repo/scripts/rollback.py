# Rollback script
