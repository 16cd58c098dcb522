# Canary deployment monitoring script
