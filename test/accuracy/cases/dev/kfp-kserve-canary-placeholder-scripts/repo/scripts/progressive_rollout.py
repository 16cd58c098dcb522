# Progressive rollout script
