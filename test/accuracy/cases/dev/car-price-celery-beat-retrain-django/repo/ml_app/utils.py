def process_name(name):
    parts = name.split(' ', 2)
    while len(parts) < 3:
        parts.append('')
    return parts[0], parts[1], parts[2]
